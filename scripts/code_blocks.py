#!/usr/bin/env python3
"""Fenced code blocks (``` or ~~~) of Markdown files (and of folders of them, recursively), for
the highlighting benchmarks (bench/highlight, bench/source-highlight.cpp).

Usage: python3 scripts/code_blocks.py DEFAULT_LANGUAGE OUTPUT PATH...
Writes OUTPUT as records "language\\0code\\0"; fences without a language get DEFAULT_LANGUAGE.
"""
import re, sys, pathlib
default, output = sys.argv[1], sys.argv[2]
out = []
for arg in sys.argv[3:]:
    paths = sorted(pathlib.Path(arg).rglob('*.md')) + sorted(pathlib.Path(arg).rglob('*.txtar')) if pathlib.Path(arg).is_dir() else [pathlib.Path(arg)]
    for p in paths:
        lines = p.read_text(encoding='utf-8', errors='replace').split('\n')
        i = 0
        while i < len(lines):
            m = re.match(r'^( {0,3})(```+|~~~+)\s*([\w+#-]*)', lines[i])
            if m:
                indent, fence, lang = m.group(1), m.group(2), m.group(3)
                j = i + 1; code = []
                while j < len(lines) and not lines[j].strip().startswith(fence):
                    l = lines[j]
                    code.append(l[len(indent):] if l.startswith(indent) else l.lstrip())
                    j += 1
                out.append((lang or default, '\n'.join(code) + '\n'))
                i = j + 1
            else:
                i += 1
with open(output, 'wb') as f:
    for lang, code in out:
        f.write(lang.encode() + b'\0' + code.encode() + b'\0')
print(len(out), 'blocks,', sum(len(c) for _, c in out), 'bytes', file=sys.stderr)
