#!/usr/bin/env python3
"""Checks the code highlighting colours of themes/default/static/css/chronicle.css: every
--hl-* colour is `light-dark(LIGHT, DARK)`, and each side has at least 4.5:1 contrast (WCAG AA,
normal text) on the code background of its scheme (#f6f8fa light, #161b22 dark); --hl-gi and
--hl-gd on their own backgrounds (--hl-gi-bg, --hl-gd-bg). Exits 1 and names the pairs that fall
short.

Usage: python3 scripts/check_contrast.py [path/to/chronicle.css]
"""
import os
import re
import sys

BACKGROUNDS = {"light": "#f6f8fa", "dark": "#161b22"}
MINIMUM = 4.5


def luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colour_sets(css):
    """(label, scheme, {name: colour}) for the light and the dark side of the --hl-* colours."""
    pairs = re.findall(r"--hl-([\w-]+):\s*light-dark\(\s*(#[0-9a-fA-F]{6})\s*,\s*(#[0-9a-fA-F]{6})\s*\)", css)
    return [("light side", "light", {name: light for name, light, _ in pairs}),
            ("dark side", "dark", {name: dark for name, _, dark in pairs})]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "themes", "default", "static", "css", "chronicle.css")
    css = open(path, encoding="utf-8").read()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    failures = 0
    sets = colour_sets(css)
    if len(sets[0][2]) < 10:
        sys.exit(f"{path}: expected --hl-* colours written as light-dark(LIGHT, DARK), found {len(sets[0][2])}")
    plain = re.findall(r"--hl-([\w-]+):\s*#", css)
    if plain:
        sys.exit(f"{path}: --hl-{plain[0]} is one colour for both schemes; write light-dark(LIGHT, DARK)")
    names = set().union(*(colours for _, _, colours in sets))
    for selector, scheme, colours in sets:
        for missing in sorted(names - colours.keys()):
            failures += 1
            print(f"  FAIL {selector} does not set --hl-{missing}")
        print(f"{selector} ({scheme}, on {BACKGROUNDS[scheme]})")
        for name, colour in sorted(colours.items()):
            if name.endswith("-bg"):
                continue
            background = colours.get(f"{name}-bg", BACKGROUNDS[scheme])
            ratio = contrast(colour, background)
            ok = ratio >= MINIMUM
            failures += not ok
            print(f"  {'ok  ' if ok else 'FAIL'} --hl-{name:3} {colour} on {background}: {ratio:.2f}:1")
    if failures:
        sys.exit(f"{failures} colour(s) below {MINIMUM}:1")
    print(f"all colours at least {MINIMUM}:1")


if __name__ == "__main__":
    main()
