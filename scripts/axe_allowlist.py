"""Axe violations that come from a site's own content or config.toml (not the theme), read from
scripts/axe_allowlist.txt: one entry a line,
    <site>/<path glob> | <rule> | <element selector as axe prints it> | why
(the path without its leading slash: 'hugo-blog/de/*' is every German page of the Hugo blog).
An element an entry covers is not a failure; an entry that covered nothing in a run is one
(stale), and so is a line without a reason.
"""
import fnmatch
import os
import threading

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "axe_allowlist.txt")


class Entry:
    def __init__(self, pattern, rule, target, reason):
        self.pattern, self.rule, self.target, self.reason = pattern, rule, target, reason
        self.used = False


class AxeAllowlist:
    def __init__(self, path=PATH):
        self.entries, self.problems = [], []
        self.lock = threading.Lock()
        if not os.path.exists(path):
            return
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                parts = [part.strip() for part in line.split(" | ")]
                if len(parts) != 4 or len(parts[3]) < 10:
                    self.problems.append(f"{os.path.basename(path)}:{number}: an entry is `site/path-glob | rule | selector | why` ({line!r})")
                    continue
                self.entries.append(Entry(*parts))

    def covers(self, site, path, rule, target):
        page = f"{site}/{path.lstrip('/')}"
        for entry in self.entries:
            if entry.rule == rule and entry.target == target and fnmatch.fnmatchcase(page, entry.pattern):
                with self.lock:
                    entry.used = True
                return entry
        return None

    def stale(self):
        return [f"{os.path.basename(PATH)}: '{e.pattern} | {e.rule} | {e.target}' covered no violation: remove it"
                for e in self.entries if not e.used]
