#!/usr/bin/env python3
"""`[permalinks]` on the real blog: every path Hugo 0.111 writes exists in Chronicle's build.

    compare_permalinks.py [--chronicle PATH] [--pattern PATTERN] [--keep]

Copies ROOT/../shared/corpus/hugo-blog twice into a temporary folder, removes the `theme`
line from each config and adds `[permalinks] posts = PATTERN` (default
"/:year/:month/:slug/"). Hugo 0.111 builds one copy with minimal layouts that paginate as the
blog's theme did (home by 10, lists by 20), so that every kind of page is written; Chronicle
(`--chronicle`, default .build/release/chronicle, else .build/debug/chronicle) builds the
other with its default theme. Each Hugo output is classified as
../shared/corpus/hugo-blog.expected-urls.tsv does it (html, feed, sitemap, robots, 404,
`redirect -> TARGET`) and must exist in Chronicle's output with the same kind (redirects to
the same target). `chronicle check` on Chronicle's copy must report no broken links
(`link.broken`, `shortcode.ref`) and no URL problems (`url.*`). Prints a summary with counts;
exits 1 on any mismatch. Only the Python standard library is used.
"""

import argparse
import collections
import json
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from compare_hugo_prepare import CORPUS, build, edit_config, work_folder, write_layouts  # noqa: E402

# Hugo's views: the home pages posts by 10, sections and terms by 20 (the blog's theme did),
# so that Hugo writes the same pagination pages (and their /page/1/ redirects) it wrote then.
HUGO_LAYOUTS = {
    "index.html": '{{ $p := .Paginate (where .Site.RegularPages "Section" "posts") 10 }}'
                  "{{ range $p.Pages }}{{ .RelPermalink }}\n{{ end }}",
    "_default/list.html": "{{ $p := .Paginate .Pages 20 }}{{ range $p.Pages }}{{ .RelPermalink }}\n{{ end }}",
    "_default/terms.html": "{{ range .Data.Terms }}{{ .Page.RelPermalink }}\n{{ end }}",
    "_default/single.html": "{{ .Title }}\n",
    "404.html": "404\n",
    "shortcodes/admonition.html": "{{ .Inner }}\n",
    "shortcodes/youtube.html": "{{ .Get 0 }}\n",
}

REDIRECT = re.compile(r'content="0; url=([^"]*)"')
PROBLEM_CODES = ("link.broken", "shortcode.ref")


def add_permalinks(site: pathlib.Path, pattern: str) -> None:
    config = site / "config.toml"
    text = config.read_text(encoding="utf-8")
    if re.search(r"(?m)^\s*\[permalinks\]", text):
        sys.exit("compare_permalinks: the corpus config already has [permalinks]")
    config.write_text(text.rstrip("\n") + f'\n\n[permalinks]\n  posts = "{pattern}"\n', encoding="utf-8")


def classify(path: pathlib.Path, relative: str):
    """The kind of an output file as the expected-URLs list names it, or None to skip it."""
    name = relative.rsplit("/", 1)[-1]
    if name == "404.html":
        return "404"
    if name == "robots.txt":
        return "robots"
    if name == "sitemap.xml":
        return "sitemap"
    if name.endswith(".xml"):
        return "feed"
    if name.endswith(".html"):
        match = REDIRECT.search(path.read_text(encoding="utf-8", errors="replace"))
        return f"redirect -> {match.group(1)}" if match else "html"
    return None


def chronicle_problem(kind: str, text):
    """Why Chronicle's file is not of `kind` (the checks of ExpectedURLTests), or None."""
    if text is None:
        return "missing"
    target = REDIRECT.search(text)
    if kind in ("html", "404"):
        if not text.startswith("<!DOCTYPE html>") or target:
            return "not a page"
    elif kind == "feed":
        if '<rss version="2.0"' not in text:
            return "not a feed"
    elif kind == "sitemap":
        if "<urlset" not in text and "<sitemapindex" not in text:
            return "not a sitemap"
    elif kind == "robots":
        if "Sitemap:" not in text:
            return "robots.txt names no sitemap"
    else:
        wanted = kind[len("redirect -> "):]
        actual = target.group(1) if target else None
        if actual != wanted:
            return f"redirects to {actual or 'nothing'}, not {wanted}"
    return None


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = ROOT / ".build" / "release" / "chronicle"
    if not default.exists():
        default = ROOT / ".build" / "debug" / "chronicle"
    parser.add_argument("--chronicle", default=str(default), help="the chronicle binary")
    parser.add_argument("--pattern", default="/:year/:month/:slug/", help="the posts permalink")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = parser.parse_args()
    chronicle = pathlib.Path(args.chronicle)
    if not chronicle.exists():
        sys.exit(f"compare_permalinks: no chronicle binary at {chronicle} (make build, or --chronicle)")
    if not shutil.which("hugo"):
        sys.exit("compare_permalinks: hugo is not installed (apt-get install hugo)")
    if not CORPUS.is_dir():
        sys.exit(f"compare_permalinks: no corpus at {CORPUS}")

    with work_folder("compare-permalinks-", args.keep) as work:
        sites = {}
        for which in ("hugo", "chronicle"):
            site = work / f"{which}-site"
            shutil.copytree(CORPUS, site)
            edit_config(site)
            add_permalinks(site, args.pattern)
            sites[which] = site
        write_layouts(sites["hugo"], HUGO_LAYOUTS)

        hugo_out, chronicle_out = work / "hugo-out", work / "chronicle-out"
        build(["hugo", "--noBuildLock", "-s", sites["hugo"], "-d", hugo_out], "Hugo", work / "hugo.log", hugo=True)
        build([chronicle, "build", "--source", sites["chronicle"], "--output", chronicle_out], "Chronicle", work / "chronicle.log")

        expected = {}
        for path in sorted(hugo_out.rglob("*")):
            if path.is_file():
                relative = path.relative_to(hugo_out).as_posix()
                kind = classify(path, relative)
                if kind:
                    expected["/" + relative] = kind

        mismatches = []
        counts = collections.Counter()
        matched = collections.Counter()
        for url, kind in expected.items():
            label = "redirect" if kind.startswith("redirect") else kind
            counts[label] += 1
            file = chronicle_out / url.lstrip("/")
            text = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else None
            problem = chronicle_problem(kind, text)
            if problem:
                mismatches.append(f"{url}: {problem} (Hugo: {kind})")
            else:
                matched[label] += 1

        # Pages must really have moved (paths the blog without permalinks does not have), or
        # the comparison proves nothing.
        plain = CORPUS.parent / "hugo-blog.expected-urls.tsv"
        before = {line.split("\t")[0] for line in plain.read_text(encoding="utf-8").splitlines() if "\t" in line}
        moved = [url for url, kind in expected.items() if kind == "html" and url not in before]

        checked = run([str(chronicle), "check", "--source", str(sites["chronicle"]), "--format", "json"])
        report = json.loads(checked.stdout or "{}")
        problems = [d for d in report.get("diagnostics", [])
                    if d.get("code") in PROBLEM_CODES or d.get("code", "").startswith("url.")]

        print(f"permalinks: posts = \"{args.pattern}\"")
        print(f"Hugo 0.111 wrote {len(expected)} paths: "
              + ", ".join(f"{counts[k]} {k}" for k in sorted(counts)))
        print(f"pages at a path the blog without [permalinks] does not have: {len(moved)}")
        print(f"in Chronicle's output with the same kind: {sum(matched.values())} of {len(expected)} ("
              + ", ".join(f"{matched[k]} {k}" for k in sorted(counts)) + ")")
        print(f"chronicle check: {report.get('pages', '?')} pages, {report.get('errors', '?')} error(s), "
              f"{report.get('warnings', '?')} warning(s), {len(problems)} link/URL problem(s)")
        for line in mismatches[:40]:
            print("  mismatch: " + line)
        if len(mismatches) > 40:
            print(f"  … and {len(mismatches) - 40} more")
        for diagnostic in problems[:20]:
            print(f"  check: {diagnostic.get('path')}:{diagnostic.get('line', '')}: "
                  f"{diagnostic.get('message')} [{diagnostic.get('code')}]")
        failed = bool(mismatches or problems or not moved)
        print("FAIL" if failed else "OK")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
