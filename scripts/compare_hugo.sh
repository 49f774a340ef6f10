#!/usr/bin/env bash
# Article text of the real Hugo blog, Chronicle vs Hugo 0.111 (`make compare-hugo`).
#
# Builds two copies of ../shared/corpus/hugo-blog in a temporary folder, both with the `theme`
# line removed and markup.highlight.lineNos = false:
#   - with Hugo (HUGO_ENABLEGITINFO=false hugo --noBuildLock), through a minimal layout that
#     prints only .Content, an admonition shortcode that prints its title and inner Markdown,
#     and a youtube shortcode that prints the id (scripts/compare_hugo_prepare.py);
#   - with Chronicle, through layouts/single.mustache = {{{content}}} and
#     layouts/shortcodes/youtube.mustache = {{id}}.
# Then compares the text of every content page (scripts/compare_hugo.py) and exits 1 when
# fewer than THRESHOLD percent match exactly. Nothing is written outside the temporary folder.
#
# Environment: CHRONICLE (binary, default .build/release/chronicle), CORPUS, EXPECTED,
# THRESHOLD (default 98), KEEP=1 to keep the temporary folder for a closer look.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPTS="$ROOT/scripts"
CORPUS=${CORPUS:-$ROOT/../shared/corpus/hugo-blog}
EXPECTED=${EXPECTED:-$ROOT/../shared/corpus/hugo-blog.expected-urls.tsv}
CHRONICLE=${CHRONICLE:-$ROOT/.build/release/chronicle}
THRESHOLD=${THRESHOLD:-98}

[ -d "$CORPUS" ] || { echo "compare-hugo: corpus not found: $CORPUS" >&2; exit 2; }
[ -f "$EXPECTED" ] || { echo "compare-hugo: expected-URLs list not found: $EXPECTED" >&2; exit 2; }
[ -x "$CHRONICLE" ] || { echo "compare-hugo: no Chronicle binary at $CHRONICLE (run 'make build')" >&2; exit 2; }

if ! command -v hugo >/dev/null 2>&1; then
    echo "compare-hugo: installing hugo (Debian package)…"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update && $SUDO apt-get install -y hugo
fi
echo "compare-hugo: $(hugo version)"
case "$(hugo version)" in
    *v0.111.*) ;;
    *) echo "compare-hugo: warning: the reference is Hugo 0.111; results may differ" >&2 ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/chronicle-compare-hugo.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "compare-hugo: keeping $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi

# --- Hugo ---------------------------------------------------------------------------------
cp -R "$CORPUS" "$WORK/hugo-site"
python3 "$SCRIPTS/compare_hugo_prepare.py" hugo "$WORK/hugo-site"
if ! (cd "$WORK/hugo-site" && HUGO_ENABLEGITINFO=false hugo --noBuildLock \
        --source "$WORK/hugo-site" --destination "$WORK/hugo-out") >"$WORK/hugo.log" 2>&1; then
    cat "$WORK/hugo.log" >&2
    echo "compare-hugo: the Hugo build failed" >&2
    exit 2
fi
echo "compare-hugo: Hugo built $(find "$WORK/hugo-out" -name '*.html' | wc -l) HTML files"

# --- Chronicle ----------------------------------------------------------------------------
cp -R "$CORPUS" "$WORK/chronicle-site"
python3 "$SCRIPTS/compare_hugo_prepare.py" chronicle "$WORK/chronicle-site"
if ! "$CHRONICLE" build --source "$WORK/chronicle-site" --output "$WORK/chronicle-out" \
        >"$WORK/chronicle.log" 2>&1; then
    cat "$WORK/chronicle.log" >&2
    echo "compare-hugo: the Chronicle build failed" >&2
    exit 2
fi
if [ ! -d "$WORK/chronicle-out" ]; then
    cat "$WORK/chronicle.log" >&2
    echo "compare-hugo: Chronicle exited 0 but wrote no $WORK/chronicle-out" >&2
    exit 2
fi
echo "compare-hugo: Chronicle built $(find "$WORK/chronicle-out" -name '*.html' | wc -l) HTML files"
if grep -qiE 'warning|error' "$WORK/chronicle.log"; then
    echo "compare-hugo: Chronicle's diagnostics:"
    sed 's/^/  /' "$WORK/chronicle.log"
fi
echo

# --- Compare ------------------------------------------------------------------------------
python3 "$SCRIPTS/compare_hugo.py" --expected "$EXPECTED" \
    --hugo "$WORK/hugo-out" --chronicle "$WORK/chronicle-out" --threshold "$THRESHOLD"
