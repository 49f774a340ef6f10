#!/usr/bin/env python3
"""Whole-site builds, Chronicle vs Hugo, side by side in one run (`make bench`).

Generates deterministic bilingual blogs with ../shared/bench/make_corpus.py (cached in
.build-bench/), then builds each one with `chronicle build` (its default theme) and with Hugo
(Debian's package) through a small theme written here: single pages with their table of
contents, paginated home, section and taxonomy lists, an admonition shortcode, and Hugo's own
RSS and sitemap templates. Both write a complete site: every page, list, tag page, feed and
sitemap. The two do not render the same HTML (different themes), so the figures compare what it
costs each tool to turn the same content into a full site.

Each round runs both tools once, alternately, into fresh output folders (one warm-up round is
not counted), in /dev/shm unless --on-disk: this machine's disk adds seconds of noise. Wall time is measured around the process; peak memory is the process's maximum
resident set (wait4). Ratios are Chronicle / Hugo of the medians: below 1 means Chronicle is
faster or smaller. These machines are noisy: compare ratios from one run, not absolute times.

Usage: python3 scripts/bench_build.py [--posts 200,2000] [--rounds 5] [--mojibake 0.05]
                                      [--chronicle .build/release/chronicle] [--hugo hugo]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
MAKE_CORPUS = os.path.join(SHARED, "bench", "make_corpus.py")
CACHE = os.path.join(ROOT, ".build-bench")

# A small Hugo theme that renders what Chronicle's default theme renders (page, lists with
# pagination, taxonomies); feeds and sitemaps come from Hugo's built-in templates.
HUGO_THEME = {
    "layouts/_default/baseof.html": """<!doctype html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}
</head><body><nav>{{ range .Site.Home.AllTranslations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "layouts/_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2006-01-02" }}</time>
{{ with .Params.author }}<p>{{ . }}</p>{{ end }}
{{ if .Params.toc }}{{ .TableOfContents }}{{ end }}
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>{{ end }}
</article>{{ end }}
""",
    "layouts/_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}</article>{{ end }}
{{ with .Paginator.Next }}<a href="{{ .URL }}">next</a>{{ end }}{{ end }}
""",
    "layouts/_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
""",
    "layouts/index.html": """{{ define "main" }}{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}</article>{{ end }}{{ end }}
""",
    "layouts/shortcodes/admonition.html": """{{ $type := .Get "type" | default (.Get 0) | default "note" }}<div class="admonition {{ $type }}"><p class="admonition-title">{{ .Get "title" | default (title $type) }}</p>{{ .Inner | markdownify }}</div>
""",
}


def corpus(posts, mojibake):
    """The generated site for `posts` posts (made once, then reused)."""
    name = f"corpus-{posts}" + (f"-mojibake{mojibake}" if mojibake else "")
    path = os.path.join(CACHE, name)
    if not os.path.isfile(os.path.join(path, "config.toml")):
        shutil.rmtree(path, ignore_errors=True)
        command = [sys.executable, MAKE_CORPUS, "--posts", str(posts), "--out", path]
        if mojibake:
            command += ["--mojibake", str(mojibake)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return path


def hugo_theme():
    themes = os.path.join(CACHE, "hugo-themes")
    for relative, text in HUGO_THEME.items():
        path = os.path.join(themes, "bench", relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    return themes


def run(command, env=None):
    """Wall seconds, peak resident memory in MiB, exit status and standard error of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode, stderr.decode("utf-8", "replace")


def count_output(folder):
    files = pages = 0
    for _, _, names in os.walk(folder):
        files += len(names)
        pages += sum(1 for name in names if name.endswith(".html"))
    return files, pages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", default="200,2000", help="comma-separated corpus sizes (posts)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--mojibake", type=float, default=0.0, help="fraction of files damaged (Chronicle repairs them)")
    parser.add_argument("--chronicle", default=os.path.join(ROOT, ".build", "release", "chronicle"))
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--on-disk", action="store_true",
                        help="write the sites to the temporary folder instead of /dev/shm (the disk's noise included)")
    args = parser.parse_args()

    if not os.access(args.chronicle, os.X_OK):
        sys.exit(f"{args.chronicle} not found: run 'make build' first")
    if shutil.which(args.hugo) is None:
        sys.exit("hugo not found: apt-get install -y hugo")
    hugo_version = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.strip()
    themes = hugo_theme()
    hugo_env = dict(os.environ, HUGO_ENABLEGITINFO="false")

    scratch = None if args.on_disk or not os.access("/dev/shm", os.W_OK) else "/dev/shm"
    print(f"Chronicle {os.path.relpath(args.chronicle, ROOT)} vs {hugo_version}")
    print(f"sites written to {scratch or tempfile.gettempdir()}")
    print(f"{args.rounds} rounds after one warm-up; medians (min); peak resident memory\n")
    print(f"{'posts':>6} {'tool':<10}{'files':>7}{'pages':>7}{'wall s':>16}{'memory MiB':>12}")
    for posts in [int(size) for size in args.posts.split(",")]:
        site = corpus(posts, args.mojibake)
        work = tempfile.mkdtemp(prefix="chronicle-bench-", dir=scratch)
        tools = {
            "chronicle": lambda out: [args.chronicle, "build", "--source", site, "--output", out],
            "hugo": lambda out: [args.hugo, "--source", site, "--destination", out, "--themesDir", themes,
                                 "--theme", "bench", "--noBuildLock", "--cacheDir", os.path.join(work, "hugo-cache"),
                                 "--quiet"],
        }
        results = {tool: {"wall": [], "memory": [], "files": 0, "pages": 0} for tool in tools}
        for round_index in range(args.rounds + 1):
            for tool, command in tools.items():
                out = os.path.join(work, f"{tool}-{round_index}")
                wall, memory, status, stderr = run(command(out), env=hugo_env if tool == "hugo" else None)
                if status != 0:
                    sys.exit(f"{tool} failed on {posts} posts (exit {status}):\n{stderr[-3000:]}")
                if round_index > 0:
                    results[tool]["wall"].append(wall)
                    results[tool]["memory"].append(memory)
                results[tool]["files"], results[tool]["pages"] = count_output(out)
                shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
        for tool, result in results.items():
            wall = f"{statistics.median(result['wall']):.3f} ({min(result['wall']):.3f})"
            print(f"{posts:>6} {tool:<10}{result['files']:>7}{result['pages']:>7}{wall:>16}"
                  f"{statistics.median(result['memory']):>12.0f}")
        chronicle, hugo = results["chronicle"], results["hugo"]
        print(f"{posts:>6} {'ratio':<10}{'':>14}{statistics.median(chronicle['wall']) / statistics.median(hugo['wall']):>16.2f}"
              f"{statistics.median(chronicle['memory']) / statistics.median(hugo['memory']):>12.2f}   (Chronicle / Hugo)\n")


if __name__ == "__main__":
    main()
