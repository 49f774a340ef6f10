"""What theme_test.py checks on every page it opens, and the record of what it found.

Log collects one job's results (printed together, so parallel jobs do not interleave);
PageChecker opens a URL in a driver and checks what a reader would notice: the page's status,
no horizontal overflow at the viewport's width, no console errors, no failed request, no request
to another host than the local server; optionally axe-core's WCAG 2.1 AA rules.
"""
import time
from urllib.parse import quote

from axe_selenium_python import Axe

import browser_common as bc

# WCAG 2.0 and 2.1, levels A and AA: the tags the axe-core at hand knows of these (axe-core 3.1
# tags WCAG 2.1's level-A rules wcag2a or wcag21aa and has no 'wcag21a' tag; a tag it does not
# know makes axe.run fail).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """
const done = arguments[arguments.length - 1];
const known = new Set(axe.getRules().flatMap(rule => rule.tags));
const tags = arguments[0].filter(tag => known.has(tag));
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
                   iframes: false})   // an embedded third-party player is not the theme's page
  .then(results => done({tags: tags, violations: results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))}))
  .catch(error => done({error: String(error)}));
"""


# Whether a reader can see an element: rendered (not display:none, not inside a closed
# <details>, not visibility:hidden or opacity 0) and with an area.
VISIBLE_JS = """
window.__chronicleVisible = function (element) {
  if (!element || !element.checkVisibility({opacityProperty: true, visibilityProperty: true,
                                            contentVisibilityAuto: true})) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
};
"""

# The colour an element shows as [r, g, b, a] (0-255), whatever syntax the CSS used (rgb, oklch,
# color-mix, ...): the browser paints it on a canvas.
PAINTED_COLOUR_JS = """
const canvas = document.createElement('canvas');
canvas.width = canvas.height = 1;
const context = canvas.getContext('2d', {willReadFrequently: true});
const paint = (colour) => { context.clearRect(0, 0, 1, 1); context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1); return Array.from(context.getImageData(0, 0, 1, 1).data); };
for (const element of [document.body, document.documentElement]) {
  const colour = paint(getComputedStyle(element).backgroundColor);
  if (colour[3] > 0) return colour;
}
return null;
"""


def relative_luminance(rgba):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def background_luminance(driver):
    """The relative luminance of the page's background (body, else html); None when neither
    has a background colour of its own."""
    colour = driver.execute_script(PAINTED_COLOUR_JS)
    return None if colour is None else relative_luminance(colour)


def is_visible(driver, element_or_selector, settle=0.08, timeout=2.0):
    """Whether the reader sees the element: the same reading twice, `settle` seconds apart
    (Chromium may update what a <details> that just opened or closed shows at its next rendering
    step; a single reading taken before it can be stale). Works with JavaScript off too."""
    script = VISIBLE_JS + """
        const element = typeof arguments[0] === 'string' ? document.querySelector(arguments[0]) : arguments[0];
        return window.__chronicleVisible(element);"""
    reading = driver.execute_script(script, element_or_selector)
    deadline = time.time() + timeout
    while True:
        time.sleep(settle)
        again = driver.execute_script(script, element_or_selector)
        if again == reading or time.time() > deadline:
            return again
        reading = again


class Log:
    """The results of one job: lines to print and failures, each failure with a group (the kind
    of problem, for the summary; by default the job's title) and a message."""

    def __init__(self, title):
        self.title = title
        self.lines = []
        self.failures = []
        self.passed = 0

    def check(self, condition, message, group=None, quiet=False):
        if condition:
            self.passed += 1
            if not quiet:
                self.lines.append("ok   " + message)
        else:
            self.lines.append("FAIL " + message)
            self.failures.append((group or self.title, message))
        return condition

    def note(self, message):
        self.lines.append("     " + message)


class PageChecker:
    """Opens pages in one driver (which must have the performance log on) and checks each.
    Requests that show up in the log only after the checks (late images, scripts' fetches) are
    charged to the page they came from when the next page is opened."""

    def __init__(self, driver, origin):
        self.driver = driver
        self.origin = origin
        self.previous = None        # (log, label, allowed failures) of the last page opened
        self.last_requests = []     # the requests of the last page opened, up to its checks

    def drain(self):
        requests = bc.read_requests(self.driver)
        errors = bc.console_errors(self.driver)
        if self.previous:
            log, label, allowed = self.previous
            self._judge(log, label, requests, errors, allowed, late=True)
        self.previous = None
        return requests, errors

    def _judge(self, log, label, requests, errors, allowed, late=False):
        when = " (after the checks)" if late else ""
        bad = [r for r in bc.failed(requests) if r.url not in allowed]
        log.check(not bad, f"{label}: no failed request{when} {bad[:3]}", "failed request", quiet=True)
        away = bc.foreign(requests)
        log.check(not away, f"{label}: no request to another host{when} {away[:3]}", "request to another host", quiet=True)
        errors = [e for e in errors if not any(e.startswith(url + " ") for url in allowed)]
        log.check(not errors, f"{label}: no console errors{when} {errors[:3]}", "console error", quiet=True)

    def open(self, log, path, label, width, expect_status=200, axe=False):
        """Opens origin+path (the viewport already set to `width`) and checks it. Returns the
        axe violations (a list) when axe is asked for."""
        self.drain()
        url = self.origin + quote(path, safe="/%")   # as the browser sends it: /de/tags/%C3%A4nderungen/
        self.driver.get(url)
        if self.driver.execute_script("return !!document.querySelector('meta[http-equiv=refresh i]')"):
            # An alias page: the reader lands on its target; check that.
            bc.wait_for(lambda: self.driver.current_url != url and
                        self.driver.execute_script("return document.readyState") == "complete", 5)
        time.sleep(0.05)
        requests = bc.read_requests(self.driver)
        self.last_requests = requests
        errors = bc.console_errors(self.driver)
        document = next((r for r in requests if r.kind == "Document" and r.url == url), None)
        status = document.status if document else None
        log.check(status == expect_status, f"{label}: status {status}, expected {expect_status}", "page status", quiet=True)
        allowed = {url} if expect_status >= 400 else set()
        self._judge(log, label, requests, errors, allowed)
        wide = self.driver.execute_script("return document.documentElement.scrollWidth")
        log.check(wide <= width, f"{label}: no horizontal overflow (scrollWidth {wide} > {width} px)",
                  "horizontal overflow", quiet=True)
        self.previous = (log, label, allowed)
        return self.axe(log, label) if axe else None

    def axe(self, log, label):
        """axe-core's WCAG 2.0/2.1 A and AA rules on the open page; each violation a failure
        with its rule, impact and the selectors of the elements. Returns the violations."""
        Axe(self.driver).inject()
        results = self.driver.execute_async_script(AXE_RUN, AXE_TAGS)
        if not log.check("error" not in results, f"{label}: axe ran ({results.get('error')})", "axe did not run"):
            return []
        violations = results["violations"]
        for violation in violations:
            targets = violation["nodes"]
            log.check(False, f"{label}: axe {violation['id']} ({violation['impact']}): {violation['help']}; "
                      f"{len(targets)} element(s): {', '.join(targets[:6])}", f"axe {violation['id']}")
        if not violations:
            log.check(True, f"{label}: axe: no WCAG 2.1 AA violation", quiet=True)
        return violations
