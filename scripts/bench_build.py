#!/usr/bin/env python3
"""Whole-site builds: Chronicle vs Hugo vs a floor program, side by side in one run (`make bench`).

Generates deterministic bilingual blogs with ../shared/bench/make_corpus.py (cached in
.build-bench/corpus-N/), then builds each one three ways:

  chronicle  `chronicle build` with its default theme;
  hugo       Hugo (Debian's package) with the theme in bench/hugo-theme/, which writes the same
             kinds of pages as Chronicle's default theme: posts, the home page and the section
             list with pagination, tag and category pages with pagination, the taxonomy index
             pages, an RSS feed for every list (newest 10 items, as Chronicle's), sitemaps,
             archives, 404 pages and robots.txt, in both languages;
  floor      bench/floor.c (built into .build-bench/floor): one thread that only parses and
             renders every post body with cmark-gfm and writes one HTML file each, the least
             any generator must do with these posts.

The themes do not write the same HTML, so the figures compare what it costs each tool to turn the
same content into a full site. Each round runs the three tools once, alternately (the order
rotates from round to round), each into a fresh output folder, after a sync (the writes of one
build are not flushed on the next one's time); the folders are counted, and removed only when
every size is done (on ext4 without a journal, as here, freed inodes are skipped for a minute
or more, so deleting between builds would slow the next builds' file creation); one warm-up
round is not counted. Output goes to the system's temporary folder (on
disk) unless --scratch names another (--scratch /dev/shm: no disk noise). Wall time is measured
around the process, CPU time (user + system) from wait4; peak memory is the process's maximum
resident set, as /usr/bin/time reports it (Debian's `time` package). The ratios are of the
medians: below 1 means Chronicle is faster or smaller; "ok" and "MISS" compare them with the
targets of the issue that set up this benchmark. Compare ratios from one run, not absolute times
across machines. Hugo takes minutes per build at 10,000 posts: a full run of the default sizes
takes 20-30 minutes. With --mojibake, Hugo stops on the damaged front matter (C1 control
characters in YAML) and is left out.

--callgrind runs one Chronicle build of the first size (1,000 posts by default) under
`valgrind --tool=callgrind` and prints its instruction count (Ir) with the commit: a figure that
does not drift with machine noise, to compare changes by (`make bench-callgrind`). Valgrind
serializes Chronicle's threads and runs some 50-100 times slower: 10-15 minutes for the
1,000-post build (at commit 3067cd2), more on a busy machine. The profile stays in
.build-bench/callgrind.out for callgrind_annotate.

Usage: python3 scripts/bench_build.py [--posts 1000,10000] [--rounds 3] [--scratch /dev/shm]
                                      [--mojibake 0.05] [--chronicle .build/release/chronicle]
                                      [--hugo hugo] [--floor .build-bench/floor] [--callgrind]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench_common import CACHE, ROOT, THEME, commit, corpus, hugo_env, hugo_theme_args, shown

FLOOR_SOURCE = os.path.join(ROOT, "bench", "floor.c")
TOOLS = ("chronicle", "hugo", "floor")
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None  # Debian's `time` package

# The targets, by corpus size: Chronicle / Hugo wall time and peak memory, Chronicle's
# own peak memory, Chronicle / floor wall time (every size) and the 10,000 / 1,000 post scaling.
HUGO_TARGETS = {1000: {"wall": 0.25, "memory": 0.5}, 10000: {"wall": 0.1}}
MEMORY_TARGETS_MIB = {10000: 1024}
FLOOR_TARGET = 2.0
SCALING_TARGETS = {(1000, 10000): 11.0}


def build_floor(path):
    """Compiles bench/floor.c into `path` when it is missing or older than the source."""
    if os.path.isfile(path) and os.path.getmtime(path) >= os.path.getmtime(FLOOR_SOURCE):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    command = [os.environ.get("CC", "cc"), "-O2", FLOOR_SOURCE, "-o", path,
               "-lcmark-gfm-extensions", "-lcmark-gfm"]
    print(" ".join(command), file=sys.stderr, flush=True)
    if subprocess.run(command).returncode != 0:
        sys.exit("could not build the floor program (cmark-gfm headers: make deps)")


def run(command, env=None, memory_file=None):
    """Wall seconds, CPU seconds (user + system, all threads), peak resident memory in MiB, exit
    status and standard error of one process.

    The peak memory comes from GNU time (`memory_file` names its output) when there is one: a
    child of this script starts with the script's own peak (Linux carries it across fork and
    exec, some 15 MiB of Python); a child of /usr/bin/time starts with about 1 MiB.
    """
    if memory_file and GNU_TIME:
        command = [GNU_TIME, "--format=%M", f"--output={memory_file}"] + command
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    memory = usage.ru_maxrss / 1024
    if memory_file and GNU_TIME:
        with open(memory_file, encoding="utf-8") as handle:
            memory = int(handle.read().split()[-1]) / 1024
    cpu = usage.ru_utime + usage.ru_stime  # includes the children /usr/bin/time waited for
    return elapsed, cpu, memory, process.returncode, stderr.decode("utf-8", "replace")


def count_output(folder):
    """Files and HTML pages under `folder`."""
    files = pages = 0
    for _, _, names in os.walk(folder):
        files += len(names)
        pages += sum(1 for name in names if name.endswith(".html"))
    return files, pages


def callgrind(args, scratch):
    """One Chronicle build under callgrind; prints the total instruction count."""
    for tool in ("valgrind", "objcopy"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found: apt-get install -y valgrind binutils")
    posts = int(args.posts.split(",")[0])
    site = corpus(posts, args.mojibake)
    work = tempfile.mkdtemp(prefix="chronicle-callgrind-", dir=scratch)
    profile = os.path.join(CACHE, "callgrind.out")
    try:
        # Valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug info Swift writes and gives up;
        # a copy without it runs the same instructions (the symbol table stays, for annotating).
        binary = os.path.join(work, "chronicle")
        subprocess.run(["objcopy", "--strip-debug", args.chronicle, binary], check=True)
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}",
                   binary, "build", "--source", site, "--output", os.path.join(work, "site")]
        # Swift seeds its hash tables per process; a fixed seed keeps the count from wandering.
        env = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")
        print(f"{' '.join(command)}\n(10-15 minutes for 1000 posts) …", file=sys.stderr, flush=True)
        wall, _, _, status, stderr = run(command, env=env)
        if status != 0:
            sys.exit(f"the build under valgrind failed (exit {status}):\n{stderr[-3000:]}")
        total = None
        with open(profile, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith(("summary:", "totals:")):
                    total = int(line.split()[1])
        if total is None:
            sys.exit(f"no summary: or totals: line in {profile}")
        files, pages = count_output(os.path.join(work, "site"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    valgrind = subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"callgrind, chronicle build of {posts} posts{' (mojibake)' if args.mojibake else ''}: "
          f"{total:,} instructions (Ir)")
    print(f"commit {commit()}, binary {shown(args.chronicle)}, {valgrind}, "
          f"{pages} pages / {files} files written, {wall:.0f} s under valgrind")
    print(f"profile: {shown(profile)} (callgrind_annotate {shown(profile)} | head -40)")


def fmt(value, target=None, below=False, digits=2):
    """A figure, with whether it meets its target (<= target, or < target when `below`)."""
    if value is None:
        return "-"
    text = f"{value:.{digits}f}"
    if target is not None:
        met = value < target if below else value <= target
        text += " ok" if met else " MISS"
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", default="1000,10000", help="comma-separated corpus sizes (posts)")
    parser.add_argument("--rounds", type=int, default=3, help="counted rounds (one warm-up round comes first)")
    parser.add_argument("--mojibake", type=float, default=0.0, help="fraction of files damaged (Chronicle repairs them)")
    parser.add_argument("--chronicle", default=os.path.join(ROOT, ".build", "release", "chronicle"))
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--floor", default=os.path.join(CACHE, "floor"),
                        help="the floor program, compiled from bench/floor.c when missing or older")
    parser.add_argument("--scratch", default=tempfile.gettempdir(),
                        help="where the sites are written (default: the temporary folder, on disk; "
                             "/dev/shm leaves the disk's noise out)")
    parser.add_argument("--on-disk", action="store_true", help=argparse.SUPPRESS)  # the default now
    parser.add_argument("--callgrind", action="store_true",
                        help="only count the instructions of one Chronicle build of the first size (minutes)")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    args.chronicle = os.path.abspath(args.chronicle)
    scratch = os.path.abspath(args.scratch)

    if not os.access(args.chronicle, os.X_OK):
        sys.exit(f"{args.chronicle} not found: run 'make build' first")
    if args.callgrind:
        callgrind(args, scratch)
        return
    if shutil.which(args.hugo) is None:
        sys.exit("hugo not found: apt-get install -y hugo")
    build_floor(args.floor)
    hugo_version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.strip()
    sizes = [int(size) for size in args.posts.split(",")]

    print(f"chronicle {shown(args.chronicle)} (commit {commit()})")
    print(f"hugo      {hugo_version}, theme bench/{THEME}")
    print(f"floor     {shown(args.floor)} (bench/floor.c: cmark-gfm only, one thread)")
    if not GNU_TIME:
        print("warning: no /usr/bin/time (apt-get install -y time): each peak memory includes this script's own")
    print(f"sites written to {scratch}, synced before each build; {args.rounds} round{'s' * (args.rounds != 1)}"
          " after one warm-up, tools alternating")
    print("median (min) of wall time, CPU time (user + system, all threads: less disturbed by a busy machine)"
          " and peak memory\n", flush=True)
    header = f"{'posts':>6}  {'tool':<10}{'files':>7}{'pages':>7}{'wall s':>20}{'cpu s':>20}{'memory MiB':>16}"
    medians = {}
    finished = []
    try:
        for posts in sizes:
            site = corpus(posts, args.mojibake)
            if posts >= 5000:
                print(f"note: Hugo takes minutes per build at {posts} posts "
                      f"({args.rounds} round{'s' * (args.rounds != 1)} + warm-up)", file=sys.stderr, flush=True)
            work = tempfile.mkdtemp(prefix="chronicle-bench-", dir=scratch)
            commands = {
                "chronicle": lambda out: [args.chronicle, "build", "--source", site, "--output", out],
                "hugo": lambda out: [args.hugo, "--source", site, "--destination", out] + hugo_theme_args(work)
                                    + ["--quiet"],
                "floor": lambda out: [args.floor, site, out],
            }
            hugo_environment = hugo_env(work)
            results = {tool: {"wall": [], "cpu": [], "memory": [], "files": 0, "pages": 0} for tool in TOOLS}
            skipped = set()
            try:
                for round_index in range(args.rounds + 1):
                    shift = round_index % len(TOOLS)
                    for tool in TOOLS[shift:] + TOOLS[:shift]:
                        if tool in skipped:
                            continue
                        out = os.path.join(work, f"{tool}-{round_index}")
                        os.sync()  # the previous build's writes reach the disk outside anyone's time
                        wall, cpu, memory, status, stderr = run(commands[tool](out), env=hugo_environment if tool == "hugo" else None,
                                                           memory_file=os.path.join(work, "memory"))
                        if status != 0 and tool == "hugo" and args.mojibake:
                            # Damaged front matter holds C1 control characters, which Hugo's YAML
                            # reader refuses: Chronicle repairs them, Hugo stops.
                            print(f"note: Hugo stops on the damaged corpus, left out: {stderr.strip().splitlines()[-1][:300]}\n")
                            skipped.add(tool)
                            shutil.rmtree(out, ignore_errors=True)
                            continue
                        if status != 0:
                            sys.exit(f"{tool} failed on {posts} posts (exit {status}):\n{stderr[-3000:]}")
                        label = "warm-up" if round_index == 0 else f"round {round_index}/{args.rounds}"
                        print(f"  {posts} posts, {label}: {tool} {wall:.2f} s, cpu {cpu:.2f} s, {memory:.0f} MiB",
                              file=sys.stderr, flush=True)
                        if round_index > 0:
                            results[tool]["wall"].append(wall)
                            results[tool]["cpu"].append(cpu)
                            results[tool]["memory"].append(memory)
                        results[tool]["files"], results[tool]["pages"] = count_output(out)
            finally:
                # Outputs stay until every size is done: deleting thousands of files makes the next
                # builds' file creation slow for a minute or more on some file systems (ext4
                # without a journal skips recently freed inodes), which would time the disk's
                # bookkeeping rather than the tools.
                finished.append(work)
            print(header)
            for tool in (tool for tool in TOOLS if tool not in skipped):
                result = results[tool]
                wall = f"{statistics.median(result['wall']):.3f} ({min(result['wall']):.3f})"
                cpu = f"{statistics.median(result['cpu']):.3f} ({min(result['cpu']):.3f})"
                memory = f"{statistics.median(result['memory']):.0f} ({min(result['memory']):.0f})"
                print(f"{posts:>6}  {tool:<10}{result['files']:>7}{result['pages']:>7}{wall:>20}{cpu:>20}{memory:>16}")
                medians[posts, tool] = (statistics.median(result["wall"]), statistics.median(result["memory"]))
            print(flush=True)

    finally:
        for work in finished:
            shutil.rmtree(work, ignore_errors=True)

    # Every ratio the issue sets a target for, one column per size.
    rows = []
    wall = lambda posts, tool: medians[posts, tool][0] if (posts, tool) in medians else None
    memory = lambda posts, tool: medians[posts, tool][1] if (posts, tool) in medians else None
    ratio = lambda a, b: None if a is None or b is None else a / b
    rows.append(("Chronicle / Hugo, wall time",
                 [fmt(ratio(wall(p, "chronicle"), wall(p, "hugo")), HUGO_TARGETS.get(p, {}).get("wall")) for p in sizes],
                 ", ".join(f"<= {t['wall']} at {p}" for p, t in HUGO_TARGETS.items() if "wall" in t)))
    rows.append(("Chronicle / Hugo, peak memory",
                 [fmt(ratio(memory(p, "chronicle"), memory(p, "hugo")), HUGO_TARGETS.get(p, {}).get("memory")) for p in sizes],
                 ", ".join(f"<= {t['memory']} at {p}" for p, t in HUGO_TARGETS.items() if "memory" in t)))
    rows.append(("Chronicle peak memory, MiB",
                 [fmt(memory(p, "chronicle"), MEMORY_TARGETS_MIB.get(p), below=True, digits=0) for p in sizes],
                 ", ".join(f"< {t} at {p}" for p, t in MEMORY_TARGETS_MIB.items())))
    rows.append(("Chronicle / floor, wall time",
                 [fmt(ratio(wall(p, "chronicle"), wall(p, "floor")), FLOOR_TARGET) for p in sizes],
                 f"<= {FLOOR_TARGET:g} at every size"))
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for tool, name in (("chronicle", "Chronicle"), ("hugo", "Hugo"), ("floor", "floor")):
            target = SCALING_TARGETS.get((small, large)) if tool == "chronicle" else None
            scaling = ratio(wall(large, tool), wall(small, tool))
            rows.append((f"{name} {large} / {small} posts, wall time", [""] * (len(sizes) - 1) + [fmt(scaling, target)],
                         f"<= {target:g}" if target else ""))
    width = max(len(row[0]) for row in rows) + 2
    print("medians: ratios and limits".ljust(width) + "".join(f"{f'{p} posts':>14}" for p in sizes) + "   target")
    for label, cells, target in rows:
        print(label.ljust(width) + "".join(f"{cell:>14}" for cell in cells) + f"   {target}")


if __name__ == "__main__":
    main()
