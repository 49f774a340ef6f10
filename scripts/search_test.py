#!/usr/bin/env python3
"""Search as a reader uses it, in headless Chromium (Selenium): `chronicle build --search` on the
example site, the output served as static files (a plain HTTP server, as a host would), then:
- /search/ and /de/search/ load only files from the site itself (every request the browser
  makes is recorded: no third-party request, no CDN);
- a word in posts of both languages ("Leipzig") finds English posts on the English page and
  German posts on the German one, and never the search page itself;
- the German page speaks German (Pagefind's own strings, the theme's placeholder);
- `/de/search/?q=word` searches right away.
Screenshots go to screenshots/ for review.

Needs Pagefind (`python3 -m pip install pagefind_bin`: `make pydeps`).

Usage: python3 scripts/search_test.py path/to/chronicle
"""
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from urllib.parse import urlparse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_test as bt  # noqa: E402  (check, wait_for, console_errors, set_view)

ROOT = bt.ROOT


def build(binary, output):
    run = subprocess.run([binary, "build", "--source", ROOT, "--output", output, "--search"],
                         capture_output=True, text=True)
    bt.check(run.returncode == 0, f"build --search exits 0 ({run.stderr.strip().splitlines()[-2:]})")
    if run.returncode != 0:
        sys.exit(1)
    bt.check("for search with Pagefind" in run.stderr, "build --search says what it indexed")


served = []  # every path the server was asked for, the web worker's fetches too


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        served.append(self.path)


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def browser():
    """bt.browser(), with the network log on (every request the page makes) and every host but
    the site unreachable: Pagefind's web worker fetches the index, and the page's log does not
    show a worker's requests; search works only if none of them needs another host."""
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]:
        if os.path.exists(candidate):
            options.binary_location = candidate
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def results(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('.pagefind-ui__result-link')].map((a) => a.getAttribute('href'))")


def search(driver, base, path, word, label):
    driver.get_log("performance")  # drop what came before
    del served[:]
    driver.get(base + path)
    bt.check(bt.wait_for(lambda: driver.find_elements("css selector", ".pagefind-ui__search-input")),
             f"{label}: Pagefind's search box is there")
    box = driver.find_element("css selector", ".pagefind-ui__search-input")
    box.send_keys(word)
    bt.check(bt.wait_for(lambda: results(driver)), f"{label}: '{word}' finds something")
    found = results(driver)
    origin = urlparse(base)
    others = [url for url in requested_urls(driver)
              if not url.startswith(("data:", "blob:")) and urlparse(url).netloc != origin.netloc]
    bt.check(not others, f"{label}: every request goes to the site itself ({others[:3]})")
    language = "de" if path.startswith("/de/") else "en"
    paths = sorted({p.split("?")[0] for p in served if p.startswith("/pagefind/")})
    bt.check("/pagefind/pagefind-entry.json" in paths and f"/pagefind/pagefind.{language}_" in " ".join(paths)
             and any(p.startswith(f"/pagefind/index/{language}_") for p in paths)
             and not any(p.startswith("/pagefind/index/") and not p.startswith(f"/pagefind/index/{language}_") for p in paths),
             f"{label}: the {language} index, and only it, came from the site ({paths})")
    errors = [e for e in bt.console_errors(driver) if "/favicon.ico" not in e]
    bt.check(not errors, f"{label}: no console errors {errors[:2]}")
    bt.check(not any(link.rstrip("/").endswith("/search") for link in found), f"{label}: the search page is not a result")
    return box, found


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/chronicle"))
    os.makedirs(bt.SHOTS, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="chronicle-search-")
    output = os.path.join(folder, "public")
    build(binary, output)
    server, base = serve(output)
    driver = browser()
    try:
        bt.set_view(driver, 1280, 900, "light")
        box, found = search(driver, base, "/search/", "Leipzig", "English search")
        bt.check(box.get_attribute("placeholder") == "Search the posts", "English search: the theme's placeholder")
        bt.check(found and all(not link.startswith("/de/") for link in found), f"English search: English posts only {found}")
        bt.check("/posts/2026/community-call-2026-03/" in found, f"English search: the community call post {found}")
        driver.save_screenshot(os.path.join(bt.SHOTS, "search-en-desktop.png"))

        box, found = search(driver, base, "/de/search/", "Leipzig", "German search")
        bt.check(box.get_attribute("placeholder") == "Beiträge durchsuchen", "German search: the theme's placeholder")
        bt.check(found and all(link.startswith("/de/") for link in found), f"German search: German posts only {found}")
        bt.check("/de/posts/2026/anwendertreffen-leipzig/" in found, f"German search: the Anwendertreffen post {found}")
        message = driver.find_element("css selector", ".pagefind-ui__message").text
        bt.check("Ergebnis" in message, f"German search: Pagefind speaks German ('{message}')")
        bt.set_view(driver, 390, 844, "dark")
        driver.save_screenshot(os.path.join(bt.SHOTS, "search-de-phone-dark.png"))
        bt.set_view(driver, 1280, 900, "light")

        # A word only the German post has: the English index has no German page (Pagefind may
        # still suggest English near-matches).
        driver.get(base + "/search/")
        bt.wait_for(lambda: driver.find_elements("css selector", ".pagefind-ui__search-input"))
        driver.find_element("css selector", ".pagefind-ui__search-input").send_keys("Anwendertreffen")
        bt.check(bt.wait_for(lambda: driver.find_element("css selector", ".pagefind-ui__message").text.strip()),
                 "English search: a word of a German-only post gets an answer")
        found = results(driver)
        bt.check(not any(link.startswith("/de/") for link in found),
                 f"English search: a word of a German-only post finds no German page {found}")

        driver.get(base + "/de/search/?q=Anwendertreffen")
        bt.check(bt.wait_for(lambda: "/de/posts/2026/anwendertreffen-leipzig/" in results(driver)),
                 "German search: ?q= searches right away")
    finally:
        driver.quit()
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    if bt.failures:
        print(f"{len(bt.failures)} search check(s) failed")
        sys.exit(1)
    print("all search checks passed")


if __name__ == "__main__":
    main()
