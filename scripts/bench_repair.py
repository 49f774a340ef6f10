#!/usr/bin/env python3
"""Mojibake repair, Chronicle vs Python's ftfy, side by side on ../shared/corpus/mojibake.

ftfy runs with only its encoding fixes (uncurl_quotes, fix_line_breaks, fix_latin_ligatures,
fix_character_width, unescape_html, remove_terminal_escapes, remove_control_chars off,
normalization=None); its time is the summed in-process fix_text time over all 200 damaged files.
Chronicle's time is the wall time of one `chronicle repair --output-dir DIR FILE...` process over
the same 200 files, process start, reading and writing included (DIR in /dev/shm when there is
one, so that the disk's cost of creating 200 files is left out as it is for ftfy; the time with
DIR on disk is printed too).

Each side gets one warm-up round (not timed), then --rounds timed rounds; the median is compared
(the minimum is shown too, since other work on the machine only ever adds time).

With 200 small files, starting the process is much of Chronicle's time; a second set where it is
not: the same cases repeated --copies times (10 by default: 2,000 files, names made distinct) in
one run, where both sides are given as MB/s of damaged input, Chronicle's CPU time (user + system,
all threads) beside its wall time (on 2 cores it cannot honestly exceed about twice the wall
time), and every copy checked against its original (a file's repair must not depend on how many
files the run holds). Chronicle is given the folder (`chronicle repair --output-dir OUT .`).

Usage: python3 scripts/bench_repair.py [--chronicle .build/release/chronicle] [--corpus DIR] [--rounds 7]
                                       [--copies 10] [--large-rounds 3]
"""

import argparse
import collections
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "mojibake")
KIND_ORDER = [
    "cp1252-sloppy", "cp1252-dropped", "latin1", "cp1254-dropped", "cp1250-sloppy", "macroman",
    "double-cp1252-sloppy", "partial-frontmatter", "partial-paragraphs", "clean", "clean-tricky",
]


def load_ftfy():
    try:
        import ftfy  # noqa: F401
    except ImportError:
        print("ftfy is missing; installing it with pip …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "ftfy"], check=True)
    import ftfy
    return ftfy


def read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def run_ftfy(cases, corpus, rounds):
    ftfy = load_ftfy()
    config = ftfy.TextFixerConfig(
        uncurl_quotes=False, fix_line_breaks=False, fix_latin_ligatures=False,
        fix_character_width=False, unescape_html=False, remove_terminal_escapes=False,
        remove_control_chars=False, normalization=None,
    )
    texts = [read(os.path.join(corpus, case["damaged"])) for case in cases]
    outputs = [ftfy.fix_text(text, config=config) for text in texts]  # warm-up, and the results
    times = []
    for _ in range(rounds):
        total = 0.0
        for text in texts:
            start = time.perf_counter()
            ftfy.fix_text(text, config=config)
            total += time.perf_counter() - start
        times.append(total)
    return outputs, times, ftfy.__version__


def run_chronicle(binary, cases, corpus, rounds, parent=None, files=None, cpu=None, written=None):
    """Wall times of `chronicle repair --output-dir` over `files` (default: the cases' damaged
    files) in `corpus`, and the outputs (of `written`, default `files`); `cpu`, a list, gets each
    timed round's user + system time."""
    files = files or [case["damaged"] for case in cases]
    written = written or files
    times = []
    output_dir = None
    for round_index in range(rounds + 1):
        if output_dir:
            shutil.rmtree(output_dir, ignore_errors=True)
        output_dir = tempfile.mkdtemp(prefix="chronicle-bench-repair-", dir=parent)
        start = time.perf_counter()
        process = subprocess.Popen(
            [binary, "repair", "--output-dir", output_dir, *files], cwd=corpus,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        stderr = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"chronicle repair failed ({os.waitstatus_to_exitcode(status)}): {stderr.decode()[:2000]}")
        if round_index > 0:  # the first round warms the page cache
            times.append(elapsed)
            if cpu is not None:
                cpu.append(usage.ru_utime + usage.ru_stime)
    outputs = [read(os.path.join(output_dir, name)) for name in written]
    shutil.rmtree(output_dir, ignore_errors=True)
    return outputs, times


def copy_files(cases, corpus, rounds):
    """How long the file system alone takes: copying the same files into a new folder in the
    temporary folder, in process (no repair, no process start)."""
    times = []
    for _ in range(rounds):
        target = tempfile.mkdtemp(prefix="chronicle-bench-copy-")
        start = time.perf_counter()
        for case in cases:
            destination = os.path.join(target, case["damaged"])
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            shutil.copyfile(os.path.join(corpus, case["damaged"]), destination)
        times.append(time.perf_counter() - start)
        shutil.rmtree(target, ignore_errors=True)
    return times


WARNING = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<column>\d+): warning: repaired mojibake '(?P<before>.*)' -> '(?P<after>.*)' \(")
NOTE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<column>\d+): note: a dropped byte was guessed; candidates, best first: '(?P<list>.*)' \[repair\.guess\]$")


def unescape(text):
    return re.sub(r"\\u\{([0-9A-F]+)\}", lambda match: chr(int(match.group(1), 16)), text)


def explained_repairs(binary, cases, corpus):
    """The repairs `chronicle repair --explain` reports, per file and line."""
    files = [case["damaged"] for case in cases]
    finished = subprocess.run(
        [binary, "repair", "--explain", "--check", *files], cwd=corpus,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    repairs = collections.defaultdict(list)
    for line in finished.stderr.decode("utf-8").splitlines():
        match = WARNING.match(line)
        if match:
            repairs[(match["path"], int(match["line"]))].append({
                "column": int(match["column"]), "before": unescape(match["before"]),
                "candidates": [unescape(match["after"])],
            })
            continue
        match = NOTE.match(line)
        if match and repairs[(match["path"], int(match["line"]))]:
            repairs[(match["path"], int(match["line"]))][-1]["candidates"] = [
                unescape(candidate) for candidate in match["list"].split("', '")
            ]
    return repairs


def original_in_top_three(damaged, original, path, repairs):
    """Whether choosing among the top three candidates of each guess rebuilds every line."""
    damaged_lines = damaged.split("\n")
    for number, wanted in enumerate(original.split("\n"), start=1):
        line = damaged_lines[number - 1]
        found = repairs.get((path, number), [])
        options = []
        for repair in sorted(found, key=lambda r: r["column"]):
            start = line.find(repair["before"], max(0, repair["column"] - 1))
            if start < 0:
                return False
            options.append((start, start + len(repair["before"]), repair["candidates"][:3]))

        def rebuild(index, position, built):
            if index == len(options):
                return built + line[position:] == wanted
            start, end, candidates = options[index]
            return any(rebuild(index + 1, end, built + line[position:start] + c) for c in candidates)

        if not rebuild(0, 0, ""):
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chronicle", default=os.path.join(ROOT, ".build", "release", "chronicle"))
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--copies", type=int, default=10, help="copies of the corpus in the large set (0: none)")
    parser.add_argument("--large-rounds", type=int, default=3)
    args = parser.parse_args()

    with open(os.path.join(args.corpus, "manifest.json"), encoding="utf-8") as handle:
        cases = json.load(handle)
    if not os.access(args.chronicle, os.X_OK):
        sys.exit(f"{args.chronicle} not found: build it first (swift build -c release)")

    ftfy_outputs, ftfy_times, ftfy_version = run_ftfy(cases, args.corpus, args.rounds)
    # ftfy's time holds no file system work; Chronicle's holds reading and writing 200 files. The
    # output goes to memory (tmpfs) when there is one, so that the disk's cost of creating files
    # does not count; the time with the default temporary folder is shown as well.
    memory = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    chronicle_outputs, chronicle_times = run_chronicle(args.chronicle, cases, args.corpus, args.rounds, memory)
    disk_times = None
    if memory:
        _, disk_times = run_chronicle(args.chronicle, cases, args.corpus, args.rounds)
        copy_times = copy_files(cases, args.corpus, args.rounds)
    # --explain over all files in one process, as the repair itself ran: the other files of a run
    # are the vocabulary that guesses are ranked with. Each dropped-byte file alone too (one
    # process each, no vocabulary), to show what the vocabulary adds.
    explained = explained_repairs(args.chronicle, cases, args.corpus)
    alone = {"exact": 0, "top3": 0}
    for case in cases:
        if not case["kind"].endswith("-dropped"):
            continue
        output = subprocess.run([args.chronicle, "repair", case["damaged"]], cwd=args.corpus,
                                capture_output=True).stdout.decode("utf-8")
        damaged = read(os.path.join(args.corpus, case["damaged"]))
        original = read(os.path.join(args.corpus, case["original"]))
        if output == original:
            alone["exact"] += 1
            alone["top3"] += 1
        elif original_in_top_three(damaged, original, case["damaged"], explained_repairs(args.chronicle, [case], args.corpus)):
            alone["top3"] += 1

    per_kind = collections.OrderedDict((kind, collections.Counter()) for kind in KIND_ORDER)
    totals = collections.Counter()
    for case, ftfy_out, chronicle_out in zip(cases, ftfy_outputs, chronicle_outputs):
        damaged = read(os.path.join(args.corpus, case["damaged"]))
        original = read(os.path.join(args.corpus, case["original"]))
        counter = per_kind.setdefault(case["kind"], collections.Counter())
        counter["cases"] += 1
        for name, output in (("ftfy", ftfy_out), ("chronicle", chronicle_out)):
            if output == original:
                counter[name] += 1
                totals[name] += 1
            if case["kind"].startswith("clean") and output != damaged:
                counter[name + " changed"] += 1
                totals[name + " changed"] += 1
        if case["kind"].endswith("-dropped"):
            totals["dropped"] += 1
            if chronicle_out == original:
                totals["dropped exact"] += 1
            if chronicle_out == original or original_in_top_three(damaged, original, case["damaged"], explained):
                totals["dropped top3"] += 1

    print(f"Mojibake corpus: {len(cases)} cases ({args.corpus})")
    print(f"ftfy {ftfy_version} (encoding fixes only) vs {os.path.relpath(args.chronicle, ROOT)}\n")
    print(f"{'kind':<22}{'cases':>6}{'ftfy exact':>12}{'chronicle exact':>17}")
    for kind, counter in per_kind.items():
        if not counter["cases"]:
            continue
        note = ""
        if kind.startswith("clean"):
            note = f"   changed: ftfy {counter['ftfy changed']}, chronicle {counter['chronicle changed']}"
        print(f"{kind:<22}{counter['cases']:>6}{counter['ftfy']:>12}{counter['chronicle']:>17}{note}")
    print()
    print(f"exact:                 ftfy {totals['ftfy']}/{len(cases)}, chronicle {totals['chronicle']}/{len(cases)}")
    print(f"clean files changed:   ftfy {totals['ftfy changed']}, chronicle {totals['chronicle changed']}")
    print(f"dropped-byte cases:    chronicle {totals['dropped exact']}/{totals['dropped']} exact, "
          f"{totals['dropped top3']}/{totals['dropped']} with the original among the top three candidates of --explain")
    print(f"  each file alone:     chronicle {alone['exact']}/{totals['dropped']} exact, {alone['top3']}/{totals['dropped']} "
          f"in the top three (no other files to learn the site's characters from)")
    ftfy_median = statistics.median(ftfy_times)
    chronicle_median = statistics.median(chronicle_times)
    print(f"ftfy fix_text, summed: median {ftfy_median * 1000:.1f} ms, min {min(ftfy_times) * 1000:.1f} ms "
          f"({args.rounds} rounds)")
    where = "output in /dev/shm" if memory else "output in the temporary folder"
    print(f"chronicle repair wall: median {chronicle_median * 1000:.1f} ms, min {min(chronicle_times) * 1000:.1f} ms "
          f"(one process over {len(cases)} files, {where}, {args.rounds} rounds)")
    if disk_times:
        print(f"  with output on disk: median {statistics.median(disk_times) * 1000:.1f} ms, "
              f"min {min(disk_times) * 1000:.1f} ms ({tempfile.gettempdir()}; only copying the 200 files there, "
              f"in Python, takes {statistics.median(copy_times) * 1000:.1f} ms: the disk's share)")
    ratio = ftfy_median / chronicle_median
    print(f"ratio ftfy/chronicle:  {ratio:.1f}x (medians; {min(ftfy_times) / min(chronicle_times):.1f}x on minimums; "
          f"the goal is at least 20x)")
    if args.copies > 0:
        large_set(args, cases, memory)


def large_set(args, cases, memory):
    """The corpus `args.copies` times in one run: throughput where process start-up is small."""
    work = tempfile.mkdtemp(prefix="chronicle-bench-repair-large-", dir=memory)
    try:
        names = []
        originals = []
        texts = []
        for copy in range(args.copies):
            for case in cases:
                name = f"copy{copy}-" + os.path.basename(case["damaged"])
                shutil.copyfile(os.path.join(args.corpus, case["damaged"]), os.path.join(work, name))
                names.append(name)
                originals.append(read(os.path.join(args.corpus, case["original"])))
                texts.append(read(os.path.join(work, name)))
        megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
        ftfy_outputs, ftfy_times, _ = run_ftfy([{"damaged": name} for name in names], work, args.large_rounds)
        cpu = []
        # The folder is given, not its 2,000 names: ArgumentParser's time grows with the square of
        # the number of arguments (a tenth of a second for 2,000), which is not repair work.
        outputs, times = run_chronicle(args.chronicle, None, work, args.large_rounds, memory, files=["."], cpu=cpu,
                                       written=names)
        exact = sum(output == original for output, original in zip(outputs, originals))
        ftfy_exact = sum(output == original for output, original in zip(ftfy_outputs, originals))
        clean_changed = sum(1 for name, output, text in zip(names, outputs, texts) if ".clean" in name and output != text)
        ftfy_median = statistics.median(ftfy_times)
        wall = statistics.median(times)
        print(f"\nLarge set: the corpus {args.copies} times in one run, {len(names)} files, {megabytes:.1f} MB "
              f"({args.large_rounds} rounds, medians)")
        print(f"exact:                 ftfy {ftfy_exact}/{len(names)}, chronicle {exact}/{len(names)} "
              f"(clean files changed by chronicle: {clean_changed})")
        print(f"ftfy fix_text, summed: {ftfy_median:.3f} s, {megabytes / ftfy_median:.1f} MB/s")
        print(f"chronicle repair:      {wall:.3f} s wall, {statistics.median(cpu):.3f} s user+sys "
              f"({statistics.median(cpu) / wall:.2f}x the wall time; {os.cpu_count()} cores), "
              f"{megabytes / wall:.1f} MB/s (one process, output in {'/dev/shm' if memory else 'the temporary folder'})")
        print(f"ratio of throughput:   {ftfy_median / wall:.1f}x (chronicle / ftfy; the goal is at least 20x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
