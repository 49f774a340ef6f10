#!/usr/bin/env python3
"""The preview as a writer and a translator use it, in headless Chromium (Selenium).

Starts `chronicle serve` on a copy of the example site, then:
- the translator view (/_translate/ and one post side by side) at 1280 and 390 px, light and
  dark: no horizontal overflow, no console errors, the differences marked; screenshots go to
  screenshots/ for review;
- live reload: a post open and scrolled down, its file edited: the page shows the new text by
  itself and keeps its scroll position;
- the error overlay: the front matter broken: the overlay names the file, line and message
  while the page still shows the last good text; fixed: the overlay goes and the page updates.

Usage: python3 scripts/browser_test.py path/to/chronicle
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from browser_common import browser, console_errors, set_view, wait_for

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, "screenshots")
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def make_site(folder):
    for name in ["config.toml", "content", "static", "layouts", "i18n", "themes"]:
        source = os.path.join(ROOT, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(folder, name))
        elif os.path.isfile(source):
            shutil.copy(source, folder)
    posts = os.path.join(folder, "content", "posts", "2026")
    # A translation that lags behind: the German post has no admonition and an old version.
    german = os.path.join(posts, "release-2026-05", "index.de.md")
    with open(german, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\{\{< admonition warning >\}\}.*?\{\{< /admonition >\}\}\n", "", text, flags=re.S)
    text = text.replace("| 2026.04 | 2026.05 |", "| 2026.04 | 2026.03 |")
    with open(german, "w", encoding="utf-8") as f:
        f.write(text)
    # A stale one: English changed after German, by lastmod.
    for language, date in [("de", "2026-04-20"), ("en", "2026-05-02")]:
        path = os.path.join(posts, "release-2026-04", f"index.{language}.md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("\ndate:", f"\nlastmod: {date}\ndate:", 1))


def start_server(binary, site):
    process = subprocess.Popen(
        [binary, "serve", "--source", site, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.match(r"serving (http://127\.0\.0\.1:\d+)/", line)
    if not match:
        process.kill()
        sys.exit(f"chronicle serve did not start: {line!r} {process.stderr.read()}")
    return process, match.group(1)


def translator_view(driver, base):
    group = "/_translate/posts/2026/release-2026-05/"
    for width, height, device in [(1280, 900, "desktop"), (390, 844, "phone")]:
        for scheme in ["light", "dark"]:
            set_view(driver, width, height, scheme)
            for path, name in [("/_translate/", "overview"), (group, "side-by-side")]:
                driver.get(base + path)
                label = f"translator {name}, {device}, {scheme}"
                wide = driver.execute_script("return document.documentElement.scrollWidth")
                check(wide <= width, f"{label}: no horizontal overflow ({wide} <= {width} px)")
                errors = console_errors(driver)
                check(not errors, f"{label}: no console errors {errors[:2]}")
                driver.save_screenshot(os.path.join(SHOTS, f"translate-{name}-{device}-{scheme}.png"))
    set_view(driver, 1280, 900, "light")
    driver.get(base + "/_translate/")
    text = driver.find_element("tag name", "body").text
    check("release-2026-04" in driver.page_source and re.search(r"stale", text, re.I) is not None,
          "overview: the post whose English changed later is stale")
    check(re.search(r"missing", text, re.I) is not None, "overview: a post in one language only is missing a language")
    driver.get(base + group)
    text = driver.find_element("tag name", "body").text
    check("2026.03" in text and "2026.05" in text, "side by side: the changed version is shown")
    check(re.search(r"admonition", text, re.I) is not None, "side by side: the missing admonition is marked")
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", "a")]
    check(any(link and link.endswith("/posts/2026/release-2026-05/") for link in links)
          and any(link and link.endswith("/de/posts/2026/release-2026-05/") for link in links),
          "side by side: each language links to its page")


def live_reload(driver, base, site):
    post = os.path.join(site, "content", "posts", "2026", "release-2026-01", "index.en.md")
    with open(post, encoding="utf-8") as f:
        original = f.read()
    set_view(driver, 1280, 700, "light")
    driver.get(base + "/posts/2026/release-2026-01/")
    driver.execute_script("window.scrollTo(0, 400)")
    # Lazy images that load now can move the text (the browser keeps the reader's place by
    # scrolling on): the position to keep is where the page settles.
    images_done = "return [...document.images].every((image) => image.complete)"
    wait_for(lambda: driver.execute_script(images_done), 5)
    time.sleep(0.5)
    before = driver.execute_script("return window.scrollY")
    check(before >= 400, f"live reload: the post is scrolled down ({before} px)")
    with open(post, "w", encoding="utf-8") as f:
        f.write(original + "\nA sentence the browser test added.\n")
    check(wait_for(lambda: "A sentence the browser test added." in driver.page_source),
          "live reload: the open page shows the edit by itself")
    check(wait_for(lambda: driver.execute_script(images_done) and abs(driver.execute_script("return window.scrollY") - before) <= 2, 5),
          f"live reload: the scroll position is kept ({driver.execute_script('return window.scrollY')} px, was {before})")

    broken = original.replace("title:", "title: [unclosed", 1) + "\nA sentence that must not show.\n"
    with open(post, "w", encoding="utf-8") as f:
        f.write(broken)
    overlay_text = lambda: driver.execute_script(
        "const o = document.getElementById('chronicle-overlay'); return o ? o.shadowRoot.textContent : ''")
    check(wait_for(lambda: "index.en.md" in overlay_text()), "overlay: shown when the front matter breaks")
    shown = overlay_text()
    check(re.search(r"content/posts/2026/release-2026-01/index\.en\.md:\d+:\d+", shown) is not None,
          "overlay: names the file with line:column")
    check("error" in shown and "Build failed" in shown, "overlay: says the build failed, with the message")
    check("A sentence the browser test added." in driver.page_source
          and "A sentence that must not show." not in driver.page_source,
          "overlay: the last good page stays under it")
    driver.save_screenshot(os.path.join(SHOTS, "serve-error-overlay-desktop.png"))
    set_view(driver, 390, 844, "dark")
    driver.save_screenshot(os.path.join(SHOTS, "serve-error-overlay-phone-dark.png"))
    set_view(driver, 1280, 700, "light")

    with open(post, "w", encoding="utf-8") as f:
        f.write(original + "\nThe fixed sentence.\n")
    check(wait_for(lambda: "The fixed sentence." in driver.page_source), "overlay: fixing the file reloads the page")
    check(wait_for(lambda: overlay_text() == ""), "overlay: gone after the fix")
    # The default theme links no favicon yet (the theme issue); the preview's own script must
    # cause no error.
    errors = [e for e in console_errors(driver) if "/favicon.ico" not in e]
    check(not errors, f"live reload: no console errors {errors[:2]}")


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/chronicle"))
    os.makedirs(SHOTS, exist_ok=True)
    site = tempfile.mkdtemp(prefix="chronicle-browser-")
    make_site(site)
    server, base = start_server(binary, site)
    driver = browser()
    try:
        # Reload first: after the phone views, Chromium's emulated page scale would skew scrollY.
        live_reload(driver, base, site)
        translator_view(driver, base)
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=5)
        shutil.rmtree(site, ignore_errors=True)
    print(f"screenshots in {SHOTS}")
    if failures:
        print(f"{len(failures)} browser check(s) failed")
        sys.exit(1)
    print("all browser checks passed")


if __name__ == "__main__":
    main()
