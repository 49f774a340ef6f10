#!/usr/bin/env bash
# The release binary (fully static, as `make build` makes it), built as users get it:
# - its cmark-gfm self-test must pick the parallel route of the static link (the wrapped
#   special-character calls), not fall back to one parse at a time;
# - the hugo-blog corpus and the example site built with one thread and with every core must be
#   byte-identical.
# Usage: scripts/check_release.sh [path/to/chronicle]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/chronicle}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for site in ../shared/corpus/hugo-blog .; do
    name=$(basename "$(cd "$site" && pwd)")
    "$bin" build --source "$site" --output "$work/$name-1" --jobs 1 >/dev/null 2>"$work/$name-1.log" || true
    "$bin" build --source "$site" --output "$work/$name-all" --verbose >/dev/null 2>"$work/$name-all.log" || true
    for run in 1 all; do
        if [ ! -d "$work/$name-$run" ]; then
            echo "FAIL $name: the build with --jobs $run wrote nothing:"; tail -5 "$work/$name-$run.log"; failed=1
        fi
    done
    if ! grep -q "Markdown: parallel (static" "$work/$name-all.log"; then
        echo "FAIL $name: cmark-gfm does not parse in parallel in the release binary:"
        grep "Markdown:" "$work/$name-all.log" || tail -5 "$work/$name-all.log"
        failed=1
    fi
    if diff -r "$work/$name-1" "$work/$name-all" >"$work/diff.txt"; then
        echo "ok   $name: $(find "$work/$name-all" -type f | wc -l) files identical with 1 thread and with every core"
    else
        echo "FAIL $name: output differs between 1 thread and every core:"; head -20 "$work/diff.txt"; failed=1
    fi
done
exit $failed
