#!/usr/bin/env python3
"""Builds ../shared/corpus/hugo-blog with chronicle and reads every RSS feed with feedparser,
as a feed reader would: no parse error (bozo == 0), the item count the theme params ask for,
absolute links and a date on every item.

Usage: check_feeds.py CHRONICLE_BINARY
The expected counts come from the blog's own front matter (PyYAML), not from Chronicle.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

import feedparser
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
BLOG = ROOT.parent / "shared" / "corpus" / "hugo-blog"
BASE = "https://mailcow.email"
HOME_RSS, LIST_RSS = 5, 10


def urlize(term):
    """Hugo's UnicodeSanitize + lower case."""
    out, hyphen = [], False
    for ch in term:
        cat = unicodedata.category(ch)
        if ch in "./\\_#+~" or cat[0] == "L" or cat == "Nd" or cat[0] == "M":
            if hyphen:
                out.append("-")
                hyphen = False
            out.append(ch)
        elif out and (ch == "-" or ch.isspace()):
            hyphen = True
    return "".join(out).lower()


def front_matter(path):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    block = text.split("---\n", 2)[1]
    return yaml.safe_load(block) or {}


def expected_counts():
    """Feed path -> number of items a correct feed has."""
    posts = defaultdict(int)
    terms = defaultdict(lambda: defaultdict(set))
    for path in sorted((BLOG / "content" / "posts").glob("*/*/index.*.md")):
        lang = path.name.split(".")[1]
        meta = front_matter(path)
        if meta.get("draft"):
            continue
        posts[lang] += 1
        for taxonomy in ("tags", "categories"):
            for term in meta.get(taxonomy) or []:
                terms[lang][(taxonomy, urlize(str(term)))].add(path.parent.name)
    expected = {}
    for lang in posts:
        prefix = "" if lang == "en" else "/" + lang
        expected[f"{prefix}/index.xml"] = min(HOME_RSS, posts[lang])
        expected[f"{prefix}/posts/index.xml"] = min(LIST_RSS, posts[lang])
        for taxonomy in ("tags", "categories"):
            names = [slug for (tax, slug) in terms[lang] if tax == taxonomy]
            expected[f"{prefix}/{taxonomy}/index.xml"] = min(LIST_RSS, len(names))
            for slug in names:
                expected[f"{prefix}/{taxonomy}/{slug}/index.xml"] = min(LIST_RSS, len(terms[lang][(taxonomy, slug)]))
    return expected


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build" / "debug" / "chronicle")
    expected = expected_counts()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out"
        run = subprocess.run([binary, "build", "--source", str(BLOG), "--output", str(out)],
                             capture_output=True, text=True, env={**os.environ, "CI": "1"})
        if run.returncode != 0:
            print(run.stderr)
            print("0 passed, 1 failed")
            return 1
        feeds = sorted(p for p in out.rglob("index.xml"))
        for feed_path in feeds:
            rel = "/" + str(feed_path.relative_to(out))
            parsed = feedparser.parse(feed_path.read_bytes())
            problems = []
            if parsed.bozo:
                problems.append(f"bozo: {parsed.bozo_exception}")
            if parsed.version != "rss20":
                problems.append(f"version {parsed.version!r}")
            want = expected.get(rel)
            if want is None:
                problems.append("a feed the blog should not have")
            elif len(parsed.entries) != want:
                problems.append(f"{len(parsed.entries)} items, expected {want}")
            self_links = [l.href for l in parsed.feed.get("links", []) if l.get("rel") == "self"]
            if self_links != [BASE + urllib_quote(rel)]:
                problems.append(f"atom:link self {self_links}")
            if not parsed.feed.get("language"):
                problems.append("no <language>")
            for entry in parsed.entries:
                if not entry.get("link", "").startswith(BASE + "/"):
                    problems.append(f"item link not absolute: {entry.get('link')}")
                if not entry.get("published_parsed"):
                    problems.append(f"item without a date: {entry.get('title')}")
                for href in re.findall(r'(?:href|src)="([^"]*)"', entry.get("summary", "")):
                    if not re.match(r"^[a-z][a-z0-9+.-]*:", href):
                        problems.append(f"relative link in item: {href}")
            if problems:
                failures.append((rel, problems))
        missing = sorted(set(expected) - {"/" + str(p.relative_to(out)) for p in feeds})
        for rel in missing:
            failures.append((rel, ["feed missing"]))
        for rel, problems in failures:
            print(f"{rel}: {'; '.join(problems[:5])}")
        print(f"feeds checked with feedparser {feedparser.__version__}: {len(feeds)}")
        failed = {rel for rel, _ in failures}
        passed = sum(1 for p in feeds if "/" + str(p.relative_to(out)) not in failed)
        print(f"{passed} passed, {len(failures)} failed")
        return 1 if failures else 0


def urllib_quote(path):
    from urllib.parse import quote
    return quote(path, safe="/")


if __name__ == "__main__":
    sys.exit(main())
