#!/usr/bin/env python3
"""Translation by content folder vs by file name: the same blog in both layouts must build alike.

    compare_layouts.py [--chronicle BIN] [--corpus DIR] [--keep]

Copies the real blog (../shared/corpus/hugo-blog) twice into a temporary folder:
  - "bundles": as it is (`posts/2023/a/index.de.md` beside `index.en.md`);
  - "folders": rearranged into one content folder per language, `content/en/…` and
    `content/de/…`, with `contentDir` set for each language in config.toml. A file named for a
    language goes to that language's folder without the language in its name; a file named for
    none goes to the default language's. Bundle resources (images…) go to the default
    language's folder only: the other language's bundle shares them, as Hugo shares them.
Both copies get the `theme` line removed (scripts/compare_hugo_prepare.py's config edit).

Then builds each copy with Hugo 0.111 (minimal layouts that print each page's URL, title,
language, translations and resources, so the comparison sees what the layout changes) and with
Chronicle (its default theme), and compares, for each generator, the set of files written and
their bytes between the two layouts. Chronicle must write exactly the same files with the same
bytes in both layouts, except for paths where Hugo's own two outputs differ too (those are
listed). Exits 1 on any other difference, 2 when a build fails. Standard library only.
"""

import argparse
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import compare_hugo_prepare  # noqa: E402

LANGUAGES = ("en", "de")
DEFAULT = "en"
MARKDOWN = (".md", ".markdown")

# What Hugo's layouts print: enough to see a page's place (URL, language, translations and
# resources), the same for both layouts when the rearrangement is faithful.
HUGO_LAYOUTS = {
    "_default/single.html": (
        "{{ .RelPermalink }} {{ .Lang }} {{ .Title }}\n"
        "{{ range .Translations }}{{ .Lang }}={{ .RelPermalink }} {{ end }}\n"
        "{{ range .Resources }}{{ .RelPermalink }} {{ end }}\n{{ .Content }}\n"),
    "_default/list.html": "{{ .Title }}\n{{ range .Pages }}{{ .RelPermalink }}\n{{ end }}",
    "_default/terms.html": "{{ .Title }}\n{{ range .Pages }}{{ .RelPermalink }}\n{{ end }}",
    "index.html": "{{ range .Pages }}{{ .RelPermalink }}\n{{ end }}",
    "404.html": "404\n",
}


def language_of(name: str):
    """`index.de.md` -> ("index.md", "de"); `index.md` -> ("index.md", None)."""
    stem, ext = os.path.splitext(name)
    base, dot, code = stem.rpartition(".")
    if dot and code.lower() in LANGUAGES:
        return base + ext, code.lower()
    return name, None


def rearrange(bundles: pathlib.Path, folders: pathlib.Path) -> dict:
    """Copies the site at `bundles` to `folders` with one content folder per language."""
    shutil.copytree(bundles, folders, ignore=shutil.ignore_patterns("content"))
    counts = {"pages": 0, "resources": 0}
    content = bundles / "content"
    for path in sorted(content.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(content)
        if path.suffix.lower() in MARKDOWN:
            name, language = language_of(path.name)
            target = folders / "content" / (language or DEFAULT) / relative.parent / name
            counts["pages"] += 1
        else:
            target = folders / "content" / DEFAULT / relative
            counts["resources"] += 1
        if target.exists():
            sys.exit(f"compare_layouts: two files would become {target}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    config = folders / "config.toml"
    text = config.read_text(encoding="utf-8")
    for code in LANGUAGES:
        header = re.compile(rf"(?m)^([ \t]*)\[languages\.{code}\][ \t]*$")
        if not header.search(text):
            sys.exit(f"compare_layouts: no [languages.{code}] in config.toml")
        text = header.sub(rf'\g<0>\n\g<1>  contentDir = "content/{code}"', text, count=1)
    config.write_text(text, encoding="utf-8")
    return counts


def digest_tree(folder: pathlib.Path) -> dict:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def differences(a: dict, b: dict) -> dict:
    """Path -> how the two trees differ there."""
    result = {}
    for path in sorted(set(a) | set(b)):
        if path not in a:
            result[path] = "only in the folders layout"
        elif path not in b:
            result[path] = "only in the bundles layout"
        elif a[path] != b[path]:
            result[path] = "different content"
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chronicle", default=str(ROOT / ".build/release/chronicle"))
    parser.add_argument("--corpus", default=str(compare_hugo_prepare.CORPUS))
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    chronicle = pathlib.Path(args.chronicle)
    if not chronicle.exists():
        print(f"compare_layouts: no Chronicle binary at {chronicle} (run 'make build')", file=sys.stderr)
        return 2
    if shutil.which("hugo") is None:
        print("compare_layouts: hugo is not installed (apt-get install hugo)", file=sys.stderr)
        return 2
    version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    print(f"compare_layouts: {version}")

    with compare_hugo_prepare.work_folder("chronicle-layouts.", args.keep) as work:
        bundles = work / "bundles"
        shutil.copytree(args.corpus, bundles)
        compare_hugo_prepare.edit_config(bundles)
        folders = work / "folders"
        counts = rearrange(bundles, folders)
        print(f"compare_layouts: rearranged {counts['pages']} pages and {counts['resources']} other files "
              f"into content/en and content/de")

        trees = {}
        for layout in ("bundles", "folders"):
            site = work / layout
            hugo_site = work / f"hugo-{layout}"
            shutil.copytree(site, hugo_site)
            compare_hugo_prepare.write_layouts(hugo_site, dict(
                HUGO_LAYOUTS, **{
                    "shortcodes/admonition.html": compare_hugo_prepare.hugo_admonition_template(),
                    "shortcodes/youtube.html": compare_hugo_prepare.HUGO_LAYOUTS["shortcodes/youtube.html"],
                }))
            compare_hugo_prepare.build(
                ["hugo", "--noBuildLock", "--source", hugo_site, "--destination", work / f"hugo-{layout}-out"],
                f"Hugo ({layout})", work / f"hugo-{layout}.log", hugo=True)
            compare_hugo_prepare.build(
                [chronicle, "build", "--source", site, "--output", work / f"chronicle-{layout}-out"],
                f"Chronicle ({layout})", work / f"chronicle-{layout}.log")
            trees[("hugo", layout)] = digest_tree(work / f"hugo-{layout}-out")
            trees[("chronicle", layout)] = digest_tree(work / f"chronicle-{layout}-out")

        hugo = differences(trees[("hugo", "bundles")], trees[("hugo", "folders")])
        ours = differences(trees[("chronicle", "bundles")], trees[("chronicle", "folders")])
        for generator in ("hugo", "chronicle"):
            print(f"compare_layouts: {generator}: {len(trees[(generator, 'bundles')])} files from the bundles layout, "
                  f"{len(trees[(generator, 'folders')])} from the folders layout")
        print(f"compare_layouts: Hugo's two outputs differ at {len(hugo)} path(s)")
        for path, how in hugo.items():
            print(f"  {path}: {how}")
        print(f"compare_layouts: Chronicle's two outputs differ at {len(ours)} path(s)")
        unexplained = {path: how for path, how in ours.items() if path not in hugo}
        for path, how in ours.items():
            print(f"  {path}: {how}" + ("" if path in hugo else "   <- Hugo writes it alike in both layouts"))
        for layout in ("bundles", "folders"):
            log = (work / f"chronicle-{layout}.log").read_text(encoding="utf-8").strip()
            print(f"compare_layouts: Chronicle's summary ({layout}): {log.splitlines()[-1] if log else ''}")
        if unexplained:
            print(f"compare_layouts: FAIL: {len(unexplained)} path(s) differ in Chronicle's output but not in Hugo's")
            return 1
        print("compare_layouts: OK: Chronicle writes the same files with the same bytes from both layouts"
              + (" (apart from the paths Hugo also writes differently)" if ours else ""))
        return 0


if __name__ == "__main__":
    sys.exit(main())
