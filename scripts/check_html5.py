#!/usr/bin/env python3
"""Every generated page of the example site and the real Hugo blog parses as HTML5 without a
parse error (html5lib, strict, no HTML namespace on the elements).

Errors that come from the site's own raw HTML (in its content or its config.toml; not the
theme, not Chronicle) are listed in scripts/html5_allowlist.txt, one entry a line:
    <site>/<path or glob> [code,code...]: why
(without codes, any error of the matched pages). An entry must still match an error: one that
matches none, or gives no reason, is itself a failure. Any other error on an allow-listed page
still fails. Prints every error as site/path:line:column: message [code], grouped by code.

Usage: python3 scripts/check_html5.py path/to/chronicle [--no-allowlist]
"""
import argparse
import fnmatch
import os
import re
import shutil
import sys
import tempfile

import html5lib
from html5lib import constants

import static_site as ss

ALLOWLIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "html5_allowlist.txt")


def parse_errors(data):
    """[(line, column, code, message)] of one document; [] when strict parsing succeeds."""
    strict = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=True, namespaceHTMLElements=False)
    try:
        strict.parse(data)
        return []
    except html5lib.html5parser.ParseError:
        pass
    # The strict parser stops at the first error; the lenient one lists them all.
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    parser.parse(data)
    errors = []
    for (line, column), code, variables in parser.errors:
        message = constants.E.get(code, code)
        try:
            message = message % (variables or {})
        except (KeyError, TypeError, ValueError):
            pass
        errors.append((line, column, code, message))
    return errors or [(0, 0, "strict", "the strict parser failed")]


class Allowance:
    def __init__(self, pattern, codes, reason):
        self.pattern, self.codes, self.reason = pattern, codes, reason
        self.used = False

    def covers(self, page, code):
        return fnmatch.fnmatchcase(page, self.pattern) and (not self.codes or code in self.codes)


def read_allowlist(path):
    """[Allowance], and the problems with the file's lines."""
    entries, problems = [], []
    if not os.path.exists(path):
        return entries, problems
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            match = re.match(r"^(\S+\.html)(?:\s+([a-z0-9.,-]+))?:\s*(.*)$", line)
            if not match or len(match.group(3)) < 10:
                problems.append(f"{os.path.basename(path)}:{number}: an entry is `site/path.html [codes]: why` ({line!r})")
                continue
            codes = set(match.group(2).split(",")) if match.group(2) else set()
            entries.append(Allowance(match.group(1), codes, match.group(3)))
    return entries, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--no-allowlist", action="store_true", help="report the allow-listed pages as failures too")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    # The checker itself: a clean page passes, a stray end tag and a missing doctype are caught.
    good = b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><p>x</p></body></html>'
    assert parse_errors(good) == [], parse_errors(good)
    assert [e[2] for e in parse_errors(good.replace(b"<p>x</p>", b"<p>x</div>"))] == ["end-tag-too-early"]
    assert parse_errors(good.replace(b"<!DOCTYPE html>", b""))[0][2] == "expected-doctype-but-got-start-tag"
    allowed, problems = ([], []) if arguments.no_allowlist else read_allowlist(ALLOWLIST)
    failing = {}   # site/path -> errors
    pages = 0
    for name, source in ss.SITES:
        folder = tempfile.mkdtemp(prefix=f"chronicle-html5-{name}-")
        try:
            ss.build(binary, source, folder)
            for relative in ss.html_files(folder):
                pages += 1
                with open(os.path.join(folder, relative), "rb") as f:
                    errors = parse_errors(f.read())
                if errors:
                    failing[f"{name}/{relative}"] = errors
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    by_code = {}
    bad_pages = set()
    for page, errors in sorted(failing.items()):
        for line, column, code, message in errors:
            allowance = next((a for a in allowed if a.covers(page, code)), None)
            if allowance:
                allowance.used = True
            else:
                bad_pages.add(page)
            by_code.setdefault(code, []).append((allowance, f"{page}:{line}:{column}: {message} [{code}]"))
    for allowance in allowed:
        if not allowance.used:
            problems.append(f"{os.path.basename(ALLOWLIST)}: '{allowance.pattern}' matches no error any more: remove its entry")
    for code, lines in sorted(by_code.items(), key=lambda item: -len(item[1])):
        print(f"-- {code}: {len(lines)} error(s)")
        for allowance, line in lines:
            print(("   allowed: " if allowance else "   ") + line)
    for allowance in allowed:
        if allowance.used:
            print(f"allowed: {allowance.pattern} {','.join(sorted(allowance.codes)) or 'any'}: {allowance.reason}")
    for problem in problems:
        print("FAIL " + problem)
    print(f"html5: {pages} page(s) parsed; {len(failing)} with parse errors, {len(failing) - len(bad_pages)} of them only allow-listed ones")
    print(f"html5 check: {pages - len(bad_pages)} passed, {len(bad_pages) + len(problems)} failed")
    sys.exit(1 if bad_pages or problems else 0)


if __name__ == "__main__":
    main()
