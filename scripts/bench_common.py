"""What the benchmarks share (scripts/bench_build.py, scripts/bench_serve.py): where things are,
the generated corpora cached in .build-bench/, the Hugo theme and environment, the commit."""

import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
MAKE_CORPUS = os.path.join(SHARED, "bench", "make_corpus.py")
CACHE = os.path.join(ROOT, ".build-bench")
THEMES = os.path.join(ROOT, "bench")  # Hugo's --themesDir: bench/hugo-theme is the theme
THEME = "hugo-theme"


def corpus(posts, mojibake=0.0):
    """The generated site for `posts` posts (made once, then reused)."""
    name = f"corpus-{posts}" + (f"-mojibake{mojibake}" if mojibake else "")
    path = os.path.join(CACHE, name)
    if not os.path.isfile(os.path.join(path, "config.toml")):
        print(f"generating {path} …", file=sys.stderr, flush=True)
        shutil.rmtree(path, ignore_errors=True)
        command = [sys.executable, MAKE_CORPUS, "--posts", str(posts), "--out", path]
        if mojibake:
            command += ["--mojibake", str(mojibake)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return path


def hugo_theme_args(work):
    """Hugo's arguments for the bench theme, with its cache in `work` (not in the corpus)."""
    return ["--themesDir", THEMES, "--theme", THEME, "--noBuildLock",
            "--cacheDir", os.path.join(work, "hugo-cache")]


def hugo_env(work):
    """Hugo's environment: Git info off; robots.txt on, as Chronicle writes one; Hugo's
    resources/ folder in `work`, out of the corpus."""
    return dict(os.environ, HUGO_ENABLEGITINFO="false", HUGO_ENABLEROBOTSTXT="true",
                HUGO_RESOURCEDIR=os.path.join(work, "hugo-resources"))


def shown(path):
    """`path` relative to the repository when it is inside it."""
    relative = os.path.relpath(path, ROOT)
    return path if relative.startswith("..") else relative


def commit():
    """The short commit of the working tree, marked when it has uncommitted changes."""
    head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return head + (" (with uncommitted changes)" if dirty else "")


def version(command):
    """The first line a `--version`-style command prints, or why there is none."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except OSError as error:
        return f"({error.strerror})"
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0] if lines else "(no version output)"
