#!/usr/bin/env python3
"""Compares the article text of every content page: Hugo's build vs Chronicle's.

    compare_hugo.py --expected TSV --hugo HUGO_OUT --chronicle CHRONICLE_OUT [--threshold 98]

The content pages are the `html` paths of the expected-URLs list that are not list pages (home,
`/posts/`, `/tags/…`, `/categories/…`, `…/page/N/`): the posts, imprint, policy and vps pages
in both languages. For each page both files are reduced to text (tags stripped, entities
unescaped, white space collapsed, a space at every block element's edge) and compared exactly.
Prints the total, the exact matches, the percentage and, for each mismatch, its path and the
first differing ~80 characters of each side. Exits 1 below the threshold. Standard library only.
"""

import argparse
import html.parser
import pathlib
import re
import sys

# Elements that start a new line when a browser shows the page. Text on either side of one of
# their tags is separated by a space, so `<p>a</p>\n<p>b</p>` and `<p>a</p><p>b</p>` both read
# "a b"; inline elements (a, em, strong, code, span, sup, …) join their text without one.
BLOCK_ELEMENTS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "iframe", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
# Their text is not article text.
SKIPPED_ELEMENTS = {"script", "style", "template"}


class TextExtractor(html.parser.HTMLParser):
    """Visible text of an HTML fragment; comments, scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        elif tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def page_text(fragment: str) -> str:
    parser = TextExtractor()
    parser.feed(fragment)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


# ---------------------------------------------------------------------------------------------
# CHRONICLE CONTENT EXTRACTION
# The comparison gives Chronicle's copy of the site a `layouts/single.mustache` of just
# `{{{content}}}`, so its pages normally hold only the body, like Hugo's. If Chronicle's page
# is instead a full page of its default theme (the site's layouts/ not honoured), the body is
# taken from `<div class="post-content">…</div>` inside `<article>`. This is the only place
# that knows Chronicle's markup; change it here if the default theme changes.
# ---------------------------------------------------------------------------------------------
class _DivByClass(html.parser.HTMLParser):
    """Finds the first `<div class="CLASS">` and records where its matching `</div>` ends."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self, css_class):
        super().__init__(convert_charrefs=False)
        self.css_class = css_class
        self.start = None          # ((line, offset) of the opening tag, its length)
        self.end = None            # (line, offset) of the closing tag
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if self.end is not None or tag in self.VOID:
            return
        if self.start is None:
            classes = (dict(attrs).get("class") or "").split()
            if tag == "div" and self.css_class in classes:
                self.start = (self.getpos(), len(self.get_starttag_text()))
                self.depth = 1
        else:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.start is None or self.end is not None or tag in self.VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self.getpos()


def _offset(text, pos):
    line, col = pos
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[: line - 1]) + col


def extract_chronicle_content(page: str) -> str:
    """The body of a Chronicle page: the whole file, or the post-content div of a full page."""
    if 'class="post-content"' not in page:
        return page
    finder = _DivByClass("post-content")
    finder.feed(page)
    finder.close()
    if finder.start is None:
        return page
    tag_pos, tag_length = finder.start
    start = _offset(page, tag_pos) + tag_length
    end = _offset(page, finder.end) if finder.end is not None else len(page)
    return page[start:end]
# --------------------------------------------------------------------------------------------


LIST_PAGE = re.compile(
    r"""^(/[a-z]{2}(-[a-z]+)?)?/(          # optional language prefix
        index\.html                         # home
      | posts/index\.html                   # the posts section
      | (tags|categories)/.*                # taxonomy lists and terms
      | archives/.*                         # Chronicle's year archive (not in Hugo's list)
    )$|/page/[0-9]+/""", re.X)


def content_pages(expected: pathlib.Path):
    pages = []
    for line in expected.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        path, _, kind = line.partition("\t")
        if kind.strip() == "html" and not LIST_PAGE.search(path):
            pages.append(path)
    return pages


def first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def excerpt(text: str, at: int, before=20, width=80) -> str:
    start = max(0, at - before)
    piece = text[start:start + width]
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(text) else "")


def read(path: pathlib.Path):
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        return path.read_bytes().decode("utf-8", errors="replace")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--expected", required=True, type=pathlib.Path)
    ap.add_argument("--hugo", required=True, type=pathlib.Path)
    ap.add_argument("--chronicle", required=True, type=pathlib.Path)
    ap.add_argument("--threshold", type=float, default=98.0)
    args = ap.parse_args()

    pages = content_pages(args.expected)
    mismatches = []
    matches = 0
    for path in pages:
        hugo_html = read(args.hugo / path.lstrip("/"))
        chron_html = read(args.chronicle / path.lstrip("/"))
        if hugo_html is None or chron_html is None:
            side = "Hugo" if hugo_html is None else "Chronicle"
            if hugo_html is None and chron_html is None:
                side = "both builds"
            mismatches.append((path, f"missing in {side}", None, None))
            continue
        hugo_text = page_text(hugo_html)
        chron_text = page_text(extract_chronicle_content(chron_html))
        if hugo_text == chron_text:
            matches += 1
        else:
            at = first_difference(hugo_text, chron_text)
            note = f"differs at character {at} (Hugo {len(hugo_text)} chars, Chronicle {len(chron_text)})"
            mismatches.append((path, note, excerpt(hugo_text, at), excerpt(chron_text, at)))

    total = len(pages)
    percent = 100.0 * matches / total if total else 0.0
    for path, note, hugo_part, chron_part in mismatches:
        print(f"MISMATCH {path}: {note}")
        if hugo_part is not None:
            print(f"  hugo:      {hugo_part!r}")
            print(f"  chronicle: {chron_part!r}")
    print()
    print(f"content pages:  {total}")
    print(f"exact matches:  {matches}")
    print(f"match rate:     {percent:.1f}% (threshold {args.threshold:g}%)")
    missing_hugo = sum(1 for m in mismatches if m[1] in ("missing in Hugo", "missing in both builds"))
    missing_chronicle = sum(1 for m in mismatches if m[1] in ("missing in Chronicle", "missing in both builds"))
    if missing_hugo or missing_chronicle:
        print(f"missing pages:  {missing_hugo} in Hugo's output, {missing_chronicle} in Chronicle's")
    if total == 0:
        print("no content pages found in the expected-URLs list", file=sys.stderr)
        return 1
    return 0 if percent >= args.threshold else 1


if __name__ == "__main__":
    sys.exit(main())
