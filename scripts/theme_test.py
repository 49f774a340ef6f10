#!/usr/bin/env python3
"""The reader theme (issue #12) in headless Chromium, on the example site and the real Hugo blog.

Builds both sites with the given chronicle binary (--base-url of a local static server on
127.0.0.1, which answers a missing file with the site's 404.html and status 404), then:
- every HTML page of both sites at 390x844, light: the page's status, no horizontal overflow,
  no console error, no failed request, no request to another host;
- the main kinds (home, a post, the posts section, a tag, the tags index, the archive, the 404
  page, /search/ when there is one) in every language at 1280x800 and 390x844, light and dark:
  the same checks plus axe-core's WCAG 2.1 AA rules; screenshots in
  screenshots/theme-<site>-<kind>-<lang>-<width>-<scheme>.png;
- the theme's behaviours (theme_behaviours.py): language switch, colour scheme switch, menu,
  admonitions with and without JavaScript, the YouTube embed, code blocks.
First it tries its own detectors on pages made to fail (theme_selftest.py).
Exits 1 listing every failure, grouped.

Usage: python3 scripts/theme_test.py path/to/chronicle [--jobs N]
"""
import argparse
import os
import queue
import re
import shutil
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from urllib.parse import unquote

import browser_common as bc
import static_site as ss
import theme_behaviours as behaviours
import theme_selftest
from page_checks import Log, PageChecker

SHOTS = os.path.join(ss.ROOT, "screenshots")
VIEWS = [(1280, 800, "light"), (1280, 800, "dark"), (390, 844, "light"), (390, 844, "dark")]
SWEEP_CHUNK = 30
# The hugo-blog's menu entries with children.
NESTED = {"hugo-blog": ["Demos", "Sponsor"]}


class PageInfo(HTMLParser):
    """<html lang> and the link[rel=alternate][hreflang] of a page."""

    def __init__(self, text):
        super().__init__()
        self.lang = None
        self.alternates = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = behaviours.path_of(attrs.get("href"))


class Site:
    """One built site: its folder, server, pages and languages."""

    def __init__(self, name, source, binary):
        self.name = name
        self.folder = tempfile.mkdtemp(prefix=f"chronicle-theme-{name}-")
        self.server = ss.StaticServer(self.folder)
        self.origin = self.server.origin
        ss.build(binary, source, self.folder, self.origin + "/")
        self.files = ss.html_files(self.folder)
        self.text = {}
        for relative in self.files:
            path = os.path.join(self.folder, relative)
            if not ss.is_redirect(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    self.text[relative] = f.read()
        self.info = {relative: PageInfo(text) for relative, text in self.text.items()}
        default = self.info["index.html"].lang
        self.languages = [(default, "")]
        for entry in sorted(os.listdir(self.folder)):
            home = os.path.join(entry, "index.html")
            if home in self.info and (self.info[home].lang or "").lower() == entry.lower():
                self.languages.append((entry, "/" + entry))

    def exists(self, path):
        relative = unquote(path).lstrip("/") + ("index.html" if path.endswith("/") else "")
        return relative in self.info

    def language_of(self, relative):
        for lang, prefix in self.languages[1:]:
            if relative.startswith(prefix.lstrip("/") + "/"):
                return lang
        return self.languages[0][0]

    def posts(self, lang):
        prefix = dict(self.languages)[lang].lstrip("/")
        prefix = prefix + "/posts/" if prefix else "posts/"
        return [r for r in self.info if r.startswith(prefix) and self.language_of(r) == lang
                and "/page/" not in r and r.count("/") >= prefix.count("/") + 2]

    def first_page(self, pattern):
        regex = re.compile(pattern)
        return next((ss.url_path(r) for r in sorted(self.text) if regex.search(self.text[r])), None)


def main_kinds(site):
    """[(kind, lang, path, expected status)] and the log of what could not be found."""
    log = Log(f"{site.name}: the main kinds")
    langs = [lang for lang, _ in site.languages]
    default = langs[0]
    translated = next((r for r in sorted(site.posts(default))
                       if all(l in site.info[r].alternates for l in langs[1:])), None)
    log.check(translated is not None, f"{site.name}: a post translated into every language {langs}")
    kinds = []
    for lang, prefix in site.languages:
        if translated:
            post = ss.url_path(translated) if lang == default else site.info[translated].alternates[lang]
        else:
            post = next((ss.url_path(r) for r in sorted(site.posts(lang))), None)
        tag = next((ss.url_path(r) for r in sorted(site.info) if r.startswith(prefix.lstrip("/") + ("/" if prefix else "") + "tags/")
                    and r.count("/") == prefix.count("/") + 2 and site.language_of(r) == lang), None)
        wanted = [("home", prefix + "/"), ("post", post), ("section", prefix + "/posts/"), ("tag", tag),
                  ("tags", prefix + "/tags/"), ("archive", prefix + "/archives/")]
        for kind, path in wanted:
            if log.check(path is not None and site.exists(path), f"{site.name} {lang}: a {kind} page ({path})", "main kind missing"):
                kinds.append((kind, lang, path, 200))
        kinds.append(("404", lang, prefix + "/no-such-page/", 404))
        if site.exists(prefix + "/search/"):
            kinds.append(("search", lang, prefix + "/search/", 200))
    return kinds, translated, log


def untranslated_posts(site):
    """[(path, lang, other lang, other lang's home)]: one post per language pair that has no
    translation into the other language."""
    found = []
    for lang, _ in site.languages:
        for other, other_prefix in site.languages:
            if other == lang:
                continue
            post = next((r for r in sorted(site.posts(lang)) if other not in site.info[r].alternates), None)
            if post:
                found.append((ss.url_path(post), lang, other, other_prefix + "/"))
    return found


def sweep(site, files):
    def job(checker, log):
        bc.set_view(checker.driver, 390, 844, "light")
        for relative in files:
            checker.open(log, ss.url_path(relative), f"{site.name} {ss.url_path(relative)} at 390 px", 390)
        log.note(f"{len(files)} page(s) opened")
    return job


def views(site, kind, lang, path, status):
    def job(checker, log):
        for width, height, scheme in VIEWS:
            bc.set_view(checker.driver, width, height, scheme)
            label = f"{site.name} {kind} {path} at {width} px {scheme}"
            checker.open(log, path, label, width, status)
            checker.driver.save_screenshot(os.path.join(SHOTS, f"theme-{site.name}-{kind}-{lang}-{width}-{scheme}.png"))
            checker.axe(log, label)
    return job


def run_jobs(jobs, workers):
    """Runs (title, function(checker, log)) jobs on `workers` drivers; returns the logs in order."""
    todo = queue.Queue()
    logs = []
    for index, (title, function, site) in enumerate(jobs):
        log = Log(title)
        logs.append(log)
        todo.put((log, function, site))

    def work():
        driver = bc.browser(network_log=True)
        checker = PageChecker(driver, None)
        try:
            while True:
                try:
                    log, function, site = todo.get_nowait()
                except queue.Empty:
                    break
                checker.origin = site.origin if site else None
                try:
                    function(checker, log)
                except Exception as error:   # the job's checks stop; the others go on
                    log.check(False, f"{log.title}: stopped by {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}",
                              "harness error")
            checker.drain()
        finally:
            driver.quit()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return logs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--jobs", type=int, default=2, help="browsers at once (default 2)")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    started = time.time()
    os.makedirs(SHOTS, exist_ok=True)
    sites = [Site(name, source, binary) for name, source in ss.SITES]
    by_name = {site.name: site for site in sites}
    setup = Log("setup")
    jobs = [("harness self-test", lambda checker, log: log_into(log, theme_selftest.run(checker.driver)), None)]
    for site in sites:
        kinds, translated, found = main_kinds(site)
        log_into(setup, found)
        for kind, lang, path, status in kinds:
            jobs.append((f"{site.name} {kind} ({lang})", views(site, kind, lang, path, status), site))
        if translated:
            pair = {lang: (ss.url_path(translated) if lang == site.languages[0][0] else site.info[translated].alternates[lang])
                    for lang, _ in site.languages}
            jobs.append((f"{site.name} language switch",
                         lambda c, l, s=site, p=pair: behaviours.language_switch(c, l, s.name, p, untranslated_posts(s)), site))
        jobs.append((f"{site.name} menu", lambda c, l, s=site: behaviours.menu(c, l, s.name, "/", NESTED.get(s.name)), site))
    example = by_name["example"]
    jobs.append(("colour scheme switch", lambda c, l: behaviours.theme_switch(c, l, "example", "/", "/posts/"), example))
    admonition = find_page(sites, r'<details\b(?=[^>]*class="[^"]*\badmonition\b)(?![^>]*\bopen\b)[^>]*>')
    video = find_page(sites, r'class="[^"]*\bvideo-embed\b') or find_page(sites, r'youtube(-nocookie)?\.com/embed/')
    code = find_page(sites, r'<div class="highlight\b') or find_page(sites, r'<pre\b')
    for what, found in [("a page with a closed admonition", admonition), ("a page with a video", video),
                        ("a page with code", code)]:
        setup.check(found is not None, f"setup: {what} ({found and found[0].name + ' ' + found[1]})")
    if admonition:
        jobs.append(("admonition", lambda c, l: behaviours.admonition(c, l, admonition[0].name, admonition[1]), admonition[0]))
    if video:
        jobs.append(("YouTube", lambda c, l: behaviours.youtube(c, l, video[0].name, video[1]), video[0]))
    if code:
        jobs.append(("code", lambda c, l: behaviours.code(c, l, code[0].name, code[1]), code[0]))
    jobs.append(("without JavaScript", lambda c, l: no_javascript(l, sites, admonition, code), None))
    for site in sites:
        files = site.files
        for start in range(0, len(files), SWEEP_CHUNK):
            chunk = files[start:start + SWEEP_CHUNK]
            jobs.append((f"{site.name}: every page at 390 px ({start + 1}-{start + len(chunk)} of {len(files)})",
                         sweep(site, chunk), site))
    logs = [setup] + run_jobs(jobs, arguments.jobs)
    for site in sites:
        site.server.stop()
        shutil.rmtree(site.folder, ignore_errors=True)
    report(logs, time.time() - started)


def log_into(log, other):
    log.lines += other.lines
    log.failures += other.failures
    log.passed += other.passed


def find_page(sites, pattern):
    for site in sites:
        path = site.first_page(pattern)
        if path:
            return site, path
    return None


def no_javascript(log, sites, admonition, code):
    driver = bc.browser(javascript=False)
    try:
        for site in sites:
            behaviours.without_javascript(
                driver, site.origin, log, site.name,
                admonition[1] if admonition and admonition[0] is site else None,
                code[1] if code and code[0] is site else None, "/")
    finally:
        driver.quit()


def report(logs, seconds):
    groups = {}
    for log in logs:
        print(f"== {log.title}")
        for line in log.lines:
            print(line)
        for group, message in log.failures:
            groups.setdefault(group, []).append(message)
    passed = sum(log.passed for log in logs)
    failed = sum(len(log.failures) for log in logs)
    print(f"\nscreenshots in {SHOTS}; {seconds:.0f} s")
    if groups:
        print(f"\n{failed} failure(s), by kind:")
        for group, messages in sorted(groups.items(), key=lambda item: -len(item[1])):
            print(f"-- {group}: {len(messages)}")
            for message in messages:
                print("   " + message)
    print(f"theme test: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
