#!/usr/bin/env python3
"""Seeds the fuzz corpora from real data (never committed; run by scripts/fuzz.sh).

    fuzz_seed.py CORPUS_ROOT

writes CORPUS_ROOT/<target>/<sha1> for each fuzz target:
- every .md of ../shared/corpus/hugo-blog/content (all targets but FuzzRepair),
- the .md inputs of the golden fixtures under Tests/*/Fixtures (txtar sections named *.md, or .md
  files) (all targets),
- the mojibake corpus's damaged files and their originals (FuzzRepair; the damaged ones also
  FuzzPage, as the build repairs and then renders them).
Files are named by content hash, so seeding twice adds nothing and inputs libFuzzer added to a
corpus folder stay.
"""
import hashlib
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHRONICLE_SHARED", ROOT.parent / "shared"))
HUGO = SHARED / "corpus" / "hugo-blog" / "content"
MOJIBAKE = SHARED / "corpus" / "mojibake" / "cases"
# Larger seeds only slow the fuzzer; libFuzzer's -max_len defaults to the largest seed.
MAX_SEED = 64 * 1024


def txtar_markdown(data: bytes):
    """The sections of a txtar file whose name ends in .md."""
    parts = re.split(rb"^-- (.+?) --\n", data, flags=re.M)
    for name, body in zip(parts[1::2], parts[2::2]):
        if name.strip().endswith(b".md"):
            yield body


def fixtures():
    for path in sorted(ROOT.glob("Tests/*/Fixtures/**/*")):
        if not path.is_file():
            continue
        if path.suffix == ".txtar":
            yield from txtar_markdown(path.read_bytes())
        elif path.suffix == ".md":
            yield path.read_bytes()


def files(folder: Path, pattern: str):
    if not folder.is_dir():
        print(f"fuzz_seed: {folder} not found, skipped", file=sys.stderr)
        return
    for path in sorted(folder.rglob(pattern)):
        if path.is_file():
            yield path.read_bytes()


def main() -> int:
    corpus_root = Path(sys.argv[1])
    hugo = list(files(HUGO, "*.md"))
    golden = list(fixtures())
    damaged = list(files(MOJIBAKE, "*.damaged.md"))
    originals = list(files(MOJIBAKE, "*.original.md"))
    seeds = {
        "FuzzFrontMatter": hugo + golden,
        "FuzzShortcodes": hugo + golden,
        "FuzzRepair": damaged + originals + golden,
        "FuzzPage": hugo + golden + damaged,
    }
    for target, inputs in seeds.items():
        folder = corpus_root / target
        folder.mkdir(parents=True, exist_ok=True)
        added = 0
        for data in inputs:
            if len(data) > MAX_SEED:
                continue
            path = folder / hashlib.sha1(data).hexdigest()
            if not path.exists():
                path.write_bytes(data)
                added += 1
        total = sum(1 for _ in folder.iterdir())
        print(f"fuzz_seed: {target}: {added} seeds added, {total} inputs in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
