"""The theme test's own detectors, tried on pages made to fail: a check that cannot fail proves
nothing. Each page below has one fault; PageChecker must report it, and must report nothing on
the clean page. Also: is_visible() sees a link in a closed <details> as hidden, and the
background luminance reads a dark background as dark.
"""
import os
import tempfile
import time

import browser_common as bc
import theme_behaviours as behaviours
import theme_reference
from page_checks import Log, PageChecker, background_luminance, is_visible
from static_site import StaticServer

HEAD = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' \
       '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{0}</title>' \
       '<link rel="icon" href="data:,"></head><body><main><h1>{0}</h1>{1}</main></body></html>'

PAGES = {
    "clean": "<p>Nothing wrong here.</p>",
    "404": "<p>The server answers a missing page with this one.</p>",
    "wide": '<div style="width: 600px">Too wide for a phone.</div>',
    "foreign": '<img src="http://third-party.invalid/pixel.png" alt="x">',
    "missing": '<img src="/no-such-image.png" alt="x">',
    "error": "<script>throw new Error('deliberate')</script>",
    "late": "<script>setTimeout(() => { const i = new Image(); i.alt = ''; "
            "i.src = 'http://late-third-party.invalid/p.png'; document.body.append(i); }, 100)</script>",
    "axe": '<p style="color: #bbb; background: #fff">Too faint to read.</p><img src="data:,">',
    "closed": '<details><summary>More</summary><p><a id="inside" href="/">inside</a></p></details>'
              '<div style="background: #111; color: #eee">dark</div>',
    "dark": '<style>body { background: #121212; color: #eee }</style><p>Dark.</p>',
}


def run(driver):
    """Returns a Log whose failures are the detectors that did not detect."""
    log = Log("harness self-test")
    folder = tempfile.mkdtemp(prefix="chronicle-selftest-")
    for name, body in PAGES.items():
        with open(os.path.join(folder, f"{name}.html"), "w") as f:
            f.write(HEAD.format(name, body))
    server = StaticServer(folder)
    try:
        bc.set_view(driver, 390, 844, "light")
        checker = PageChecker(driver, server.origin)

        def faults(name, axe=False, status=200):
            found = Log(name)
            checker.open(found, f"/{name}.html", name, 390, expect_status=status, axe=axe)
            time.sleep(0.3)   # what comes later is charged to this page when the next one opens
            checker.open(found, "/clean.html", "clean after " + name, 390)   # charges late requests
            checker.drain()
            return {group for group, _ in found.failures}

        clean = faults("clean", axe=True)
        log.check(not clean, f"self-test: a clean page passes every check ({clean})")
        for name, group in [("wide", "horizontal overflow"), ("foreign", "request to another host"),
                            ("missing", "failed request"), ("missing", "console error"),
                            ("error", "console error"), ("late", "request to another host")]:
            log.check(group in faults(name), f"self-test: the '{name}' page is caught as '{group}'")
        found = faults("axe", axe=True)
        for rule in ["axe color-contrast", "axe image-alt"]:
            log.check(rule in found, f"self-test: axe reports '{rule}' ({sorted(found)})")
        log.check("page status" in faults("nothing-here", status=200),
                  "self-test: a missing page (404) is caught as 'page status'")
        log.check(not faults("nothing-here", status=404), "self-test: a 404 page expected as such passes")
        driver.get(server.origin + "/closed.html")
        log.check(not is_visible(driver, "#inside"), "self-test: a link in a closed <details> counts as hidden")
        driver.execute_script("document.querySelector('details').open = true")
        log.check(is_visible(driver, "#inside"), "self-test: the same link in the opened <details> counts as shown")
        light = background_luminance(driver)
        log.check(light is None, f"self-test: no background colour set reads as none ({light})")
        driver.get(server.origin + "/dark.html")
        dark = background_luminance(driver)
        log.check(dark is not None and dark < 0.2, f"self-test: a dark body background reads as dark ({dark})")
        checker.drain()
    finally:
        server.stop()
    behaviours_on_reference(driver, log)
    return log


def behaviours_on_reference(driver, log):
    """Every behaviour check passes on theme_reference's pages, and catches its broken copy."""
    for broken in [False, True]:
        folder = tempfile.mkdtemp(prefix="chronicle-reference-")
        theme_reference.write(folder, broken)
        server = StaticServer(folder)
        found = Log("reference")
        bare = bc.browser(javascript=False)
        try:
            checker = PageChecker(driver, server.origin)
            behaviours.language_switch(checker, found, "reference", {"en": "/posts/a/", "de": "/de/posts/a/"},
                                       [("/posts/only/", "en", "de", "/de/")])
            behaviours.theme_switch(checker, found, "reference", "/", "/posts/")
            behaviours.menu(checker, found, "reference", "/", ["Demos"])
            behaviours.admonition(checker, found, "reference", "/posts/a/")
            behaviours.youtube(checker, found, "reference", "/posts/a/")
            behaviours.code(checker, found, "reference", "/posts/a/")
            behaviours.without_javascript(bare, server.origin, found, "reference", "/posts/a/", "/posts/a/", "/")
            checker.drain()
        finally:
            bare.quit()
            server.stop()
        messages = [message for _, message in found.failures]
        if not broken:
            log.check(not messages and found.passed > 50,
                      f"self-test: every behaviour check passes on the reference pages ({found.passed} passed; failed: {messages})")
        else:
            for part in theme_reference.BROKEN_CAUGHT:
                log.check(any(part in message for message in messages), f"self-test: the broken reference is caught: '{part}'")
