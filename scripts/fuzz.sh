#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/, seeds their corpora from the real data and runs each in
# turn for FUZZ_SECONDS. Exits non-zero when a target crashes, leaks, hangs or runs out of memory;
# the input that did it is in .build-fuzz/artifacts/.
#
#   FUZZ_SECONDS   seconds per target (600)
#   FUZZ_TARGETS   which targets, space-separated (all four)
#   FUZZ_CONFIG    release (optimized, preconditions kept: several times the executions) or debug
#   FUZZ_ARGS      more libFuzzer options, e.g. "-jobs=2" or "-runs=1000"
#   SWIFT          the swift driver (swift)
#
# A crash input replays with:  SWIFT_BACKTRACE=enable=no .build-fuzz/release/<Target> .build-fuzz/artifacts/<Target>/crash-…
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=$ROOT/.build-fuzz
SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-600}
FUZZ_TARGETS=${FUZZ_TARGETS:-FuzzFrontMatter FuzzShortcodes FuzzRepair FuzzPage}
FUZZ_CONFIG=${FUZZ_CONFIG:-release}
FUZZ_ARGS=${FUZZ_ARGS:-}

declare -A DICTIONARY=(
  [FuzzFrontMatter]=frontmatter [FuzzShortcodes]=shortcodes [FuzzRepair]=repair [FuzzPage]=page
)

mkdir -p "$SCRATCH/logs" "$SCRATCH/artifacts"

# Build. The sanitizer flags go to every module (so the Chronicle modules and the C/C++ code of
# Yams and TOMLKit get coverage instrumentation and ASan), not only to Fuzz/. Not SwiftPM's
# `--sanitize fuzzer --sanitize address`: it passes `-sanitize=` twice, in no fixed order, and
# swiftc keeps only the last, so a module got either coverage or ASan. SwiftPM also builds the
# main package's ThemeEmbedder plugin tool with these flags, whose link fails (libFuzzer's
# `main` and its own); no fuzz target needs it and `swift build` still succeeds, so those errors
# are left out of what is shown.
SANITIZE=(-Xswiftc -sanitize=fuzzer,address
          -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address)
BIN=$("$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c "$FUZZ_CONFIG" --show-bin-path)
for target in $FUZZ_TARGETS; do
  if [ -z "${DICTIONARY[$target]:-}" ]; then
    echo "fuzz: unknown target '$target' (known: ${!DICTIONARY[*]})" >&2
    exit 2
  fi
  echo "fuzz: building $target ($FUZZ_CONFIG, -sanitize=fuzzer,address)…"
  log=$SCRATCH/logs/build-$target.log
  if ! "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c "$FUZZ_CONFIG" \
      "${SANITIZE[@]}" --product "$target" >"$log" 2>&1; then
    grep -v "Cannot export local symbol" "$log" | grep -v "ThemeEmbedder" | grep -B2 -A6 "error:" | head -60
    echo "fuzz: building $target failed; full log: $log" >&2
    exit 1
  fi
done

# Seed (content-addressed, so it only adds what is new).
python3 scripts/fuzz_seed.py "$SCRATCH/corpus" || exit 1

failed=()
summary=()
for target in $FUZZ_TARGETS; do
  corpus=$SCRATCH/corpus/$target
  artifacts=$SCRATCH/artifacts/$target
  log=$SCRATCH/logs/$target.log
  mkdir -p "$corpus" "$artifacts"
  echo
  echo "fuzz: running $target for ${FUZZ_SECONDS}s (log: $log)"
  # SWIFT_BACKTRACE: Swift's own crash handler would run first and trip ASan itself, hiding the
  # real report. detect_leaks: LeakSanitizer after each input that malloc'ed more than it freed
  # (slow: libFuzzer stops doing that after 1000 such inputs, and checks once more at the end);
  # known leaks of dependencies are suppressed in Fuzz/lsan.supp.
  # shellcheck disable=SC2086
  SWIFT_BACKTRACE=enable=no \
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/Fuzz/lsan.supp:print_suppressions=0} \
  "$BIN/$target" "$corpus" \
    -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
    -dict="$ROOT/Fuzz/dictionaries/${DICTIONARY[$target]}.dict" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 $FUZZ_ARGS >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  [ -n "$runs" ] || runs=$(grep -o '^Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]\+')
  seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | grep -o '[0-9]* second' | grep -o '[0-9]*')
  [ -n "$seconds" ] || seconds=$FUZZ_SECONDS
  rate=$(( ${runs:-0} / (seconds > 0 ? seconds : 1) ))
  corpus_size=$(find "$corpus" -type f | wc -l)
  if [ $status -eq 0 ] && grep -q "Is the code instrumented for coverage" "$log"; then
    status=3  # ran, but without coverage feedback it only tried random bytes: a broken build
    echo "fuzz: $target found no coverage: the Chronicle modules were not built with -sanitize=fuzzer" >&2
  fi
  if [ $status -eq 0 ]; then
    line="$target: ok, ${runs:-?} executions in ${seconds}s (${rate}/s), corpus $corpus_size inputs"
  else
    problem=$(grep -m1 -oE "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)[^(]*|ALARM: working on the last Unit for [0-9]+ seconds|out-of-memory \(used: [0-9]+Mb|invariant violated at .*|Fatal error: .*|Assertion .* failed" "$log")
    artifact=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -1 | sed 's/Test unit written to //')
    line="$target: FAILED (exit $status: ${problem:-see log}), ${runs:-?} executions; input: ${artifact:-none written}"
    failed+=("$target")
    grep -v '^#[0-9]' "$log" | tail -60
    [ -z "$artifact" ] || echo "fuzz: replay with: SWIFT_BACKTRACE=enable=no $BIN/$target $artifact"
  fi
  echo "fuzz: $line"
  summary+=("$line")
done

echo
echo "fuzz summary (${FUZZ_SECONDS}s per target):"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}; crashing inputs are in $SCRATCH/artifacts/" >&2
  exit 1
fi
