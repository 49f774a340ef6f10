# Chronicle: `make site` builds the example site into public/, `make test` runs every test.
# Both install what they need on a fresh Debian machine (cmark-gfm from apt).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/chronicle

.PHONY: all deps pydeps browserdeps browser-test build site test test-tsan golden-update compare-hugo compare-layouts compare-permalinks hugodeps bench bench-serve bench-callgrind bench-repair bench-highlight fuzz clean
.PHONY: all deps pydeps browserdeps browser-test theme-test build site test test-tsan golden-update compare-hugo bench bench-serve bench-callgrind bench-repair fuzz clean

all: build

# cmark-gfm is a system library (libcmark-gfm-dev); install it when either header is missing.
deps:
	@if [ ! -f /usr/include/cmark-gfm.h ] || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "Installing libcmark-gfm-dev and libcmark-gfm-extensions-dev…"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev; \
	fi
	@if [ "$$(g++ -print-file-name=libstdc++.a)" = "libstdc++.a" ]; then \
		echo "Installing the static libstdc++ (for the static release build)…"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y "libstdc++-$$(gcc -dumpversion | cut -d. -f1)-dev"; \
	fi
	@if [ "$$(gcc -print-file-name=libjemalloc.a)" = "libjemalloc.a" ]; then \
		echo "Installing libjemalloc-dev (the release build's allocator)…"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libjemalloc-dev; \
	fi

# A fully static executable (Swift runtime, Foundation, libc, libstdc++ and cmark-gfm linked in):
# no dynamic loader, no relocations at start-up, so it starts in about 1 ms instead of 4-5 ms,
# which is most of the cost of `chronicle repair` over a folder of posts. It needs the static
# libraries of libc6-dev, libstdc++ and libcmark-gfm-dev (installed by `deps`).
# It allocates through jemalloc (libjemalloc-dev's static archive, linked before libc.a, so it
# replaces glibc's malloc as glibc allows for static programs): a build makes millions of short-
# lived Swift strings and arrays, and glibc's malloc spent over a quarter of a 10,000-post
# build's CPU time, its share growing with the heap; jemalloc builds that site about a quarter
# faster (measured with `make bench`; README, Performance).
# FlyingFox (serve) links FoundationNetworking, which wants libcurl; Chronicle makes no HTTP
# requests, and a static libcurl would need OpenSSL, Kerberos and LDAP archives Debian does not
# ship, so the static executable links build-support/curl_stub.c as its libcurl (see there).
JEMALLOC = $(shell gcc -print-file-name=libjemalloc.a)
CURL_STUB := .build/curl-stub/libcurl.a
CURL_WRAP := $(shell grep -o '__wrap_curl_[a-z_]*' build-support/curl_stub.c | sort -u | sed 's/__wrap_/-Xlinker --wrap=/')
# The stubs are linked as an object; `-lcurl` (which FoundationNetworking asks for) finds an
# empty archive here when the system has no libcurl.a, and nothing from libcurl.a when it has.
$(CURL_STUB): build-support/curl_stub.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -c $< -o $(dir $@)curl_stub.o
	$(CC) -x c -c /dev/null -o $(dir $@)empty.o
	rm -f $@ && ar rcs $@ $(dir $@)empty.o

build: deps $(CURL_STUB)
	$(SWIFT) build -c release --product chronicle --static-swift-stdlib -Xswiftc -static-executable \
		-Xlinker $(JEMALLOC) $(CURL_WRAP) -Xlinker $(CURDIR)/$(dir $(CURL_STUB))curl_stub.o \
		-Xlinker -L$(CURDIR)/$(dir $(CURL_STUB))

site: build
	$(RELEASE_BIN) build --source . --output public
	@echo
	@echo "The example site is in $(CURDIR)/public/"
	@echo "Preview it, live:  $(RELEASE_BIN) serve   then http://127.0.0.1:1313/"

# Python packages the checks use (feedparser reads our feeds as a feed reader would), and
# Pagefind (pagefind_bin: its binary, for `chronicle build --search` and its tests).
pydeps:
	@python3 -c 'import feedparser, yaml' 2>/dev/null || python3 -m pip install --quiet feedparser pyyaml
	@python3 -c 'import pagefind_bin; pagefind_bin.get_executable()' 2>/dev/null || python3 -m pip install --quiet 'pagefind_bin>=1.5,<2'

# Headless Chromium, its driver and Selenium, for the browser tests (scripts/browser_test.py,
# scripts/theme_test.py); axe-core (through axe-selenium-python) and html5lib for the theme test.
# axe-selenium-python's own axe-core (3.1) misreads color-mix() colours; the theme test injects
# the axe-core 4 that axe-playwright-python ships (installed without Playwright: only the script).
browserdeps:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
		echo "Installing chromium and chromium-driver (the browser test)…"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver fonts-noto-color-emoji; }
	@python3 -c 'import selenium' 2>/dev/null || python3 -m pip install --quiet selenium
	@python3 -c 'import axe_selenium_python, html5lib' 2>/dev/null || python3 -m pip install --quiet axe-selenium-python html5lib
	@python3 -c 'import importlib.util as u; assert u.find_spec("axe_playwright_python")' 2>/dev/null || python3 -m pip install --quiet --no-deps axe-playwright-python

# Hugo 0.111 (Debian's `hugo`), the reference the comparison scripts build the same sites with.
hugodeps:
	@command -v hugo >/dev/null 2>&1 || { echo "Installing hugo (the reference for compare-*)…"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y hugo; }

# The real blog rearranged into one content folder per language (contentDir): Chronicle must
# write the same files with the same bytes as from the page-bundle layout, except where Hugo's
# own two outputs differ (scripts/compare_layouts.py).
compare-layouts: hugodeps
	$(SWIFT) build --product chronicle
	python3 scripts/compare_layouts.py --chronicle .build/debug/chronicle

# `chronicle serve` in headless Chromium: live reload, the error overlay, the translator view;
# then `build --search` searched as a reader does (screenshots in screenshots/ for review).
browser-test: browserdeps pydeps
	$(SWIFT) build --product chronicle
	python3 scripts/browser_test.py .build/debug/chronicle
	python3 scripts/search_test.py .build/debug/chronicle
	python3 scripts/check_contrast.py

# The reader theme on the example site and ../shared/corpus/hugo-blog, built and served on
# 127.0.0.1: every page at 390 px, the main kinds in both languages at 1280 and 390 px, light and
# dark, with axe-core (screenshots/theme-*.png), the theme's behaviours (language and colour
# scheme switches, menu, admonitions, YouTube, code) in headless Chromium; then every page
# through html5lib's strict parser (scripts/html5_allowlist.txt: content's own raw HTML). Both
# run, then it fails if either failed.
theme-test: browserdeps pydeps
	$(SWIFT) build --product chronicle
	python3 scripts/theme_test.py .build/debug/chronicle; theme=$$?; \
		python3 scripts/check_html5.py .build/debug/chronicle; html5=$$?; \
		[ $$theme = 0 ] && [ $$html5 = 0 ]

# Every test: the Swift tests, the feeds as a feed reader reads them, the blog in both content
# layouts and with [permalinks] against Hugo (compare-layouts, compare-permalinks), `serve` and search in a
# browser, the reader theme in a browser and through an HTML5 parser (theme-test), the
# parallel cmark-gfm parsing under ThreadSanitizer (test-tsan), and the release binary as users
# get it (its static parallel cmark route, byte-identical output with 1 thread and with every
# core).
test: deps pydeps browserdeps hugodeps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 scripts/check_feeds.py .build/debug/chronicle
	python3 scripts/compare_layouts.py --chronicle .build/debug/chronicle
	python3 scripts/compare_permalinks.py --chronicle .build/debug/chronicle
	python3 scripts/browser_test.py .build/debug/chronicle
	python3 scripts/search_test.py .build/debug/chronicle
	python3 scripts/check_contrast.py
	$(MAKE) theme-test
	$(MAKE) test-tsan
	$(MAKE) build
	bash scripts/check_release.sh $(RELEASE_BIN)

# The parallel cmark-gfm parsing (Sources/CCmarkGate) under ThreadSanitizer: a build of its own
# in TSAN_SCRATCH (every module instrumented: 4.5 minutes from scratch on 2 busy cores), then
# ConcurrencyTests (15 s). Fails on any data race report. libcmark-gfm itself is not instrumented:
# TSan checks the gate and its counters, and Chronicle's code around cmark, not cmark's own tables.
TSAN_SCRATCH ?= .build-tsan
test-tsan: deps
	TSAN_OPTIONS="halt_on_error=1 $(TSAN_OPTIONS)" $(SWIFT) test --sanitize=thread --scratch-path $(TSAN_SCRATCH) --filter ConcurrencyTests

# Rewrites the expected sections of the golden fixtures; review the diff like code.
golden-update: deps
	GOLDEN_UPDATE=1 $(SWIFT) test --filter "GoldenTests|BadInputFixtureTests"

# Article text of the real Hugo blog, Chronicle vs Hugo 0.111 (needs the Debian hugo package).
compare-hugo: build
	bash scripts/compare_hugo.sh

# [permalinks] on the real blog: every path Hugo 0.111 writes exists in Chronicle's build, of the
# same kind, and `chronicle check` finds no broken links (needs the Debian hugo package).
compare-permalinks: hugodeps
	$(SWIFT) build --product chronicle
	python3 scripts/compare_permalinks.py --chronicle .build/debug/chronicle

# Mojibake repair vs Python's ftfy on ../shared/corpus/mojibake.
bench-repair: build
	python3 scripts/bench_repair.py

# Whole-site builds on generated bilingual blogs of BENCH_POSTS posts each (cached in
# .build-bench/): Chronicle vs Hugo (Debian's package, theme bench/hugo-theme/) vs the floor
# program (bench/floor.c: cmark-gfm renders every post body, nothing else), alternating, on disk;
# medians and ratios of wall time and peak memory, files and pages each wrote. Hugo takes minutes
# per build at 10,000 posts: the whole run takes 20-30 minutes.
# BENCH_POSTS=1000 BENCH_ROUNDS=1 make bench   is a quick look.
BENCH_POSTS ?= 1000,10000
BENCH_ROUNDS ?= 3
BENCH_FLOOR := .build-bench/floor
$(BENCH_FLOOR): bench/floor.c | deps
	@mkdir -p $(dir $@)
	$(CC) -O2 $< -o $@ -lcmark-gfm-extensions -lcmark-gfm

bench: build $(BENCH_FLOOR)
	@command -v hugo >/dev/null 2>&1 && [ -x /usr/bin/time ] && command -v wrk >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y hugo time wrk; }
	python3 scripts/bench_build.py --posts $(BENCH_POSTS) --rounds $(BENCH_ROUNDS) --floor $(BENCH_FLOOR)
	@echo
	$(BENCH_SERVE)

# Live reload on the same generated blogs: `chronicle serve` vs `hugo server`, one post edited
# BENCH_EDITS times (after a warm-up edit), from the file write to Chronicle's server-sent
# `reload` event / Hugo's `Total in N ms` rebuild line, and to a GET that returns the new text;
# then wrk (64 connections, 10 s) on a post page of the 1,000-post blog. About 7 minutes, most of
# it Hugo's first build and rebuilds of 10,000 posts.   BENCH_POSTS=1000 make bench-serve   is a quick look.
BENCH_EDITS ?= 10
BENCH_SERVE = python3 scripts/bench_serve.py --posts $(BENCH_POSTS) --edits $(BENCH_EDITS) --wrk
bench-serve: build
	@command -v hugo >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y hugo wrk; }
	$(BENCH_SERVE)

# The instruction count (callgrind's Ir) of one build of the 1,000-post blog, with the commit:
# the stable figure to compare changes by (machine noise does not move it). Valgrind runs the
# build some 100 times slower: about a quarter of an hour at commit 3067cd2.
bench-callgrind: build
	@command -v valgrind >/dev/null 2>&1 && command -v objcopy >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y valgrind binutils; }
	python3 scripts/bench_build.py --callgrind --posts 1000

# The cost per code block of the build-time highlighter (Sources/CodeHighlighting, built with
# swiftc -O on its own) over the fenced blocks of ../shared/corpus/hugo-blog (unlabelled: lexed as
# shell) and of the highlight golden fixtures (one per language); microseconds per block.
HIGHLIGHT_BENCH := .build/hl-bench
bench-highlight:
	@mkdir -p $(HIGHLIGHT_BENCH)
	python3 scripts/code_blocks.py sh $(HIGHLIGHT_BENCH)/blocks.bin ../shared/corpus/hugo-blog/content Tests/GoldenTests/Fixtures/highlight
	$(SWIFT)c -O -wmo -module-name HighlightBench Sources/CodeHighlighting/*.swift bench/highlight/main.swift -o $(HIGHLIGHT_BENCH)/highlight-bench
	$(HIGHLIGHT_BENCH)/highlight-bench $(HIGHLIGHT_BENCH)/blocks.bin 500
	$(HIGHLIGHT_BENCH)/highlight-bench $(HIGHLIGHT_BENCH)/blocks.bin 500 --line-numbers

# libFuzzer targets of Fuzz/ (front matter, shortcodes, repair, whole page), each for FUZZ_SECONDS,
# seeded from ../shared/corpus and the golden fixtures; crashing inputs land in .build-fuzz/artifacts/.
# FUZZ_TARGETS="FuzzPage" FUZZ_SECONDS=60 make fuzz   runs one target for a minute.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= FuzzFrontMatter FuzzShortcodes FuzzRepair FuzzPage
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" SWIFT=$(SWIFT) bash scripts/fuzz.sh

clean:
	rm -rf .build .build-fuzz .build-tsan public
