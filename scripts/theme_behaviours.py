"""The reader theme's behaviours (issue #12), each as a reader would try it in the browser.

The selectors are the theme's contract:
- language switch: nav.language-switch a[hreflang]; a.lang-fallback when the page has no
  translation (it leads to that language's home);
- colour scheme: button#theme-switch cycles auto -> light -> dark -> auto, the choice in
  <html data-theme> and localStorage['chronicle-theme'];
- menu: details.nav-menu > summary.nav-toggle (collapsed on phones), li.has-children >
  details.submenu > summary;
- admonitions: details.admonition; YouTube: .video-embed a.video-embed-link -> iframe;
- code: div.highlight pre[tabindex=0], button.copy-code.
Every function takes a PageChecker (its driver has JavaScript and the network log on) and a Log.
"""
from urllib.parse import urlsplit

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import browser_common as bc
from page_checks import background_luminance, is_visible

PHONE, DESKTOP = (390, 844), (1280, 800)


def tap(driver, element):
    """Clicks where the reader sees the element (its centre, scrolled into view), as a mouse or
    a finger does: whatever is on top there gets the click. (WebElement.click() refuses elements
    that Selenium's own visibility rules call hidden, e.g. in a closed <details> whose content
    CSS shows.)"""
    x, y = driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', inline: 'center'});"
        "const box = arguments[0].getBoundingClientRect();"
        "return [Math.floor(box.left + box.width / 2), Math.floor(box.top + box.height / 2)];", element)
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(x, y).click()
    actions.perform()


def path_of(url):
    return urlsplit(url).path if url else None


def language_switch(checker, log, site, translated, untranslated):
    """translated: {lang: path} of one post in every language; untranslated: [(path, lang of the
    page, other lang, that lang's home path)]."""
    driver = checker.driver
    bc.set_view(driver, *DESKTOP, "light")
    for lang, path in translated.items():
        label = f"{site} language switch on {path}"
        checker.open(log, path, label, DESKTOP[0])
        checker.drain()
        for other, other_path in translated.items():
            if other == lang:
                continue
            links = driver.find_elements(By.CSS_SELECTOR, f"nav.language-switch a[hreflang='{other}']")
            if not log.check(len(links) == 1, f"{label}: one nav.language-switch link to '{other}' ({len(links)})"):
                continue
            href = path_of(links[0].get_attribute("href"))
            log.check(href == other_path, f"{label}: the '{other}' link points at the translation {other_path} ({href})")
            log.check("lang-fallback" not in (links[0].get_attribute("class") or ""),
                      f"{label}: the '{other}' link is not marked lang-fallback")
            tap(driver, links[0])
            bc.wait_for(lambda: path_of(driver.current_url) == href, 5)
            new_lang = driver.execute_script("return document.documentElement.lang")
            log.check(new_lang == other, f"{label}: following it, <html lang> is '{other}' ({new_lang!r})")
            back = driver.execute_script(
                "const l = document.querySelector('link[rel=alternate][hreflang=\"' + arguments[0] + '\"]');"
                "return l ? l.href : null;", lang)
            log.check(path_of(back) == path,
                      f"{label}: the '{other}' page's link[rel=alternate][hreflang={lang}] points back ({path_of(back)})")
            checker.drain()
    for path, lang, other, home in untranslated:
        label = f"{site} language switch on {path} (no '{other}' translation)"
        checker.open(log, path, label, DESKTOP[0])
        checker.drain()
        links = driver.find_elements(By.CSS_SELECTOR, f"nav.language-switch a[hreflang='{other}']")
        if not log.check(len(links) == 1, f"{label}: one nav.language-switch link to '{other}' ({len(links)})"):
            continue
        log.check("lang-fallback" in (links[0].get_attribute("class") or "").split(),
                  f"{label}: the link has class lang-fallback ({links[0].get_attribute('class')!r})")
        href = path_of(links[0].get_attribute("href"))
        log.check(href == home, f"{label}: the link leads to the '{other}' home {home} ({href})")
        tap(driver, links[0])
        bc.wait_for(lambda: path_of(driver.current_url) == href, 5)
        new_lang = driver.execute_script("return document.documentElement.lang")
        log.check(new_lang == other, f"{label}: following it, <html lang> is '{other}' ({new_lang!r})")
        checker.drain()


# Records data-theme when the parser has just inserted <body> (before anything of the body can
# be painted) and at DOMContentLoaded.
THEME_PROBE = """
window.__chronicleThemeAt = {};
new MutationObserver(function (records, observer) {
  if (document.body) {
    window.__chronicleThemeAt.body = document.documentElement.getAttribute('data-theme');
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
document.addEventListener('DOMContentLoaded', function () {
  window.__chronicleThemeAt.domContentLoaded = document.documentElement.getAttribute('data-theme');
});
"""


def theme_state(driver):
    return driver.execute_script(
        "return [document.documentElement.dataset.theme === undefined ? null : document.documentElement.dataset.theme,"
        " localStorage.getItem('chronicle-theme')]")


def theme_switch(checker, log, site, page, other_page):
    driver = checker.driver
    label = f"{site} colour scheme switch"
    bc.set_view(driver, *DESKTOP, "light")
    checker.open(log, page, f"{label} on {page}", DESKTOP[0])
    checker.drain()
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    buttons = driver.find_elements(By.CSS_SELECTOR, "button#theme-switch")
    if not log.check(len(buttons) == 1, f"{label}: the page has button#theme-switch"):
        return
    button = buttons[0]
    if not log.check(is_visible(driver, button), f"{label}: the button is shown when the script runs"):
        return
    log.check(bool((button.accessible_name or "").strip()), f"{label}: the button has an accessible name ({button.accessible_name!r})")
    state = theme_state(driver)
    log.check(state == [None, None], f"{label}: starts at auto: no data-theme, nothing stored ({state})")
    for expected in [["light", "light"], ["dark", "dark"], [None, None]]:
        tap(driver, button)
        state = theme_state(driver)
        if expected[0] is None:
            ok = state[0] is None and state[1] in (None, "auto")
        else:
            ok = state == expected
        log.check(ok, f"{label}: a click goes on to {expected[0] or 'auto'} (data-theme, localStorage: {state})")

    def luminance_check(scheme, clicks, want_dark, what):
        bc.set_view(driver, *DESKTOP, scheme)
        driver.execute_script("localStorage.clear()")
        driver.refresh()
        for _ in range(clicks):
            tap(driver, driver.find_element(By.CSS_SELECTOR, "button#theme-switch"))
        bc.wait_for(lambda: _is_dark(driver) == want_dark, 2)   # a transition may be running
        value = background_luminance(driver)
        shown = "none set" if value is None else f"{value:.3f}"
        log.check(value is not None and (value < 0.2 if want_dark else value >= 0.5),
                  f"{label}: {what}: the background is {'dark' if want_dark else 'light'} (luminance {shown})")

    luminance_check("dark", 0, True, "auto with the system dark")
    luminance_check("light", 0, False, "auto with the system light")
    luminance_check("light", 2, True, "dark chosen, the system light")
    # Stays: a reload and another page, with data-theme already set before the body is parsed.
    driver.execute_cdp_cmd("Page.enable", {})
    probe = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": THEME_PROBE})
    try:
        driver.refresh()
        at = driver.execute_script("return window.__chronicleThemeAt")
        log.check(theme_state(driver)[0] == "dark", f"{label}: dark stays after a reload ({theme_state(driver)})")
        log.check(_is_dark(driver), f"{label}: after a reload the background is still dark")
        log.check(at.get("domContentLoaded") == "dark", f"{label}: no flash: data-theme is 'dark' at DOMContentLoaded ({at})")
        log.check(at.get("body") == "dark", f"{label}: no flash: data-theme is 'dark' when <body> starts (a blocking script in <head>) ({at})")
        checker.open(log, other_page, f"{label} on {other_page}", DESKTOP[0])
        at = driver.execute_script("return window.__chronicleThemeAt")
        log.check(theme_state(driver)[0] == "dark", f"{label}: dark stays on another page, {other_page} ({theme_state(driver)})")
        log.check(at.get("body") == "dark" and at.get("domContentLoaded") == "dark",
                  f"{label}: no flash on {other_page} either ({at})")
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": probe["identifier"]})
    checker.drain()
    luminance_check("dark", 1, False, "light chosen, the system dark")
    driver.execute_script("localStorage.clear()")
    bc.set_view(driver, *DESKTOP, "light")


def _is_dark(driver):
    value = background_luminance(driver)
    return value is not None and value < 0.2


TOP_LINKS_JS = """
const menu = document.querySelector('details.nav-menu');
return menu ? [...menu.querySelectorAll('a')].filter(a => !a.closest('details.submenu')) : [];
"""


def tab_to(driver, selector, limit=60):
    """Presses TAB (from the top of a freshly loaded page) until the element matching selector
    has the focus."""
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement && document.activeElement.matches(arguments[0])", selector):
            return True
    return False


def menu(checker, log, site, page, nested):
    driver = checker.driver
    label = f"{site} menu on {page}"
    bc.set_view(driver, *PHONE, "light")
    checker.open(log, page, f"{label} at {PHONE[0]} px", PHONE[0])
    checker.drain()
    if not log.check(bool(driver.find_elements(By.CSS_SELECTOR, "details.nav-menu > summary.nav-toggle")),
                     f"{label}: the menu is a details.nav-menu with summary.nav-toggle"):
        return
    links = driver.execute_script(TOP_LINKS_JS)
    log.check(bool(links), f"{label}: the menu has links ({len(links)})")
    toggle = driver.find_element(By.CSS_SELECTOR, "summary.nav-toggle")
    log.check(is_visible(driver, toggle), f"{label} at {PHONE[0]} px: the toggle is shown")
    hidden = [a.text for a in links if is_visible(driver, a)]
    log.check(links and not hidden, f"{label} at {PHONE[0]} px: the menu links are hidden before a tap (shown: {hidden})")
    tap(driver, toggle)
    shown = [a for a in links if is_visible(driver, a)]
    log.check(links and len(shown) == len(links), f"{label} at {PHONE[0]} px: a tap shows the menu links ({len(shown)}/{len(links)})")

    driver.refresh()
    if log.check(tab_to(driver, "summary.nav-toggle"), f"{label} at {PHONE[0]} px: TAB reaches the toggle"):
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        links = driver.execute_script(TOP_LINKS_JS)
        shown = [a for a in links if is_visible(driver, a)]
        log.check(links and len(shown) == len(links), f"{label} at {PHONE[0]} px: Enter on the toggle shows the menu links ({len(shown)}/{len(links)})")
    if nested:
        driver.refresh()
        tap(driver, driver.find_element(By.CSS_SELECTOR, "summary.nav-toggle"))

        def keyboard_open():
            # The reader opens the menu by keyboard, then goes on with TAB.
            driver.refresh()
            tab_to(driver, "summary.nav-toggle")
            ActionChains(driver).send_keys(Keys.ENTER).perform()
        _submenus(driver, log, f"{label} at {PHONE[0]} px", nested, keyboard_open)

    bc.set_view(driver, *DESKTOP, "light")
    checker.open(log, page, f"{label} at {DESKTOP[0]} px", DESKTOP[0])
    checker.drain()
    log.check(not is_visible(driver, "summary.nav-toggle"), f"{label} at {DESKTOP[0]} px: the toggle is not shown")
    links = driver.execute_script(TOP_LINKS_JS)
    shown = [a for a in links if is_visible(driver, a)]
    log.check(links and len(shown) == len(links), f"{label} at {DESKTOP[0]} px: the menu links are shown without a click ({len(shown)}/{len(links)})")
    if nested:
        _submenus(driver, log, f"{label} at {DESKTOP[0]} px", nested, driver.refresh)


SUBMENU_SUMMARIES = "li.has-children > details.submenu > summary"


def _submenus(driver, log, label, names, reset):
    """Each nested menu named in `names` opens by click, and by TAB then Enter (after reset(),
    which reloads the page and leaves the focus where TAB is to go on from)."""
    for name in names:
        def find():
            items = driver.find_elements(By.CSS_SELECTOR, SUBMENU_SUMMARIES)
            texts = [driver.execute_script("return arguments[0].textContent", s) for s in items]
            index = next((i for i, t in enumerate(texts) if name in t), None)
            return index, items, texts
        index, items, texts = find()
        if not log.check(index is not None, f"{label}: a submenu summary for '{name}' ({[t.strip() for t in texts]})"):
            continue
        summary = items[index]
        inner_js = "return arguments[0].parentElement.querySelector(':scope > ul')"
        inner = driver.execute_script(inner_js, summary)
        if not log.check(inner is not None, f"{label}: the '{name}' submenu has a ul"):
            continue
        log.check(not is_visible(driver, inner), f"{label}: the '{name}' submenu is closed at first")
        tap(driver, summary)
        log.check(is_visible(driver, inner), f"{label}: a click on '{name}' opens its submenu")
        tap(driver, summary)
        log.check(not is_visible(driver, inner), f"{label}: a second click on '{name}' closes it")
        reset()
        index, items, _ = find()
        summary = items[index]
        inner = driver.execute_script(inner_js, summary)
        reached = _tab_until(driver, summary)
        if log.check(reached, f"{label}: TAB reaches the '{name}' summary"):
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            log.check(is_visible(driver, inner), f"{label}: Enter on '{name}' opens its submenu")


def _tab_until(driver, element, limit=60):
    """Presses TAB from the current focus until `element` has it."""
    for _ in range(limit):
        if driver.execute_script("return document.activeElement === arguments[0]", element):
            return True
        ActionChains(driver).send_keys(Keys.TAB).perform()
    return False


def admonition(checker, log, site, page, javascript=True):
    driver = checker.driver
    how = "with JavaScript" if javascript else "without JavaScript"
    label = f"{site} closed admonition on {page} {how}"
    bc.set_view(driver, *DESKTOP, "light")
    if javascript:
        checker.open(log, page, label, DESKTOP[0])
        checker.drain()
    else:
        driver.get(checker.origin + page)
    boxes = driver.find_elements(By.CSS_SELECTOR, "details.admonition:not([open])")
    if not log.check(bool(boxes), f"{label}: the page has a closed details.admonition"):
        return
    box = boxes[0]
    body = driver.execute_script("return [...arguments[0].children].find(c => c.tagName !== 'SUMMARY')", box)
    log.check(body is not None and not is_visible(driver, body), f"{label}: its text is hidden at first")
    tap(driver, box.find_element(By.CSS_SELECTOR, ":scope > summary"))
    log.check(driver.execute_script("return arguments[0].open", box), f"{label}: a click on its summary opens it")
    log.check(body is not None and is_visible(driver, body), f"{label}: its text shows")


def youtube(checker, log, site, page):
    driver = checker.driver
    label = f"{site} YouTube embed on {page}"
    bc.set_view(driver, *DESKTOP, "light")
    checker.open(log, page, label, DESKTOP[0])
    later, _ = checker.drain()
    away = bc.foreign(checker.last_requests + later)
    log.check(not away, f"{label}: no request to another host before the click {away[:3]}")
    embeds = driver.find_elements(By.CSS_SELECTOR, ".video-embed")
    if not log.check(bool(embeds), f"{label}: the page has a .video-embed"):
        return
    embed = embeds[0]
    frames = embed.find_elements(By.TAG_NAME, "iframe")
    log.check(not frames, f"{label}: no iframe before the click")
    links = embed.find_elements(By.CSS_SELECTOR, "a.video-embed-link")
    if not log.check(bool(links), f"{label}: the embed has an a.video-embed-link"):
        return
    tap(driver, links[0])
    bc.wait_for(lambda: embed.find_elements(By.TAG_NAME, "iframe"), 5)
    frames = embed.find_elements(By.TAG_NAME, "iframe")
    src = frames[0].get_attribute("src") if frames else None
    log.check(bool(src) and src.startswith("https://www.youtube-nocookie.com/embed/"),
              f"{label}: after the click an iframe of www.youtube-nocookie.com/embed/ ({src})")
    log.check(bool(frames) and bool((frames[0].get_attribute("title") or "").strip()),
              f"{label}: the iframe has a title")
    log.check(not embed.find_elements(By.CSS_SELECTOR, "a.video-embed-link"), f"{label}: the iframe replaces the link")
    after = bc.read_requests(driver)
    nocookie = "www.youtube-nocookie.com"
    away = [r for r in bc.foreign(after) if r.host != nocookie]
    log.check(not away, f"{label}: after the click, requests to no host but {nocookie} {away[:3]}")
    bad = [r for r in bc.failed(after) if r.host != nocookie]
    log.check(not bad, f"{label}: after the click, no failed request but to {nocookie} {bad[:3]}")
    errors = [e for e in bc.console_errors(driver) if nocookie not in e]
    log.check(not errors, f"{label}: after the click, no console errors {errors[:3]}")


def code(checker, log, site, page):
    driver = checker.driver
    label = f"{site} code blocks on {page}"
    bc.set_view(driver, *DESKTOP, "light")
    checker.open(log, page, label, DESKTOP[0])
    checker.drain()
    blocks = driver.find_elements(By.CSS_SELECTOR, "div.highlight")
    if not log.check(bool(blocks), f"{label}: the page has div.highlight code blocks"):
        return
    pres = driver.find_elements(By.CSS_SELECTOR, "div.highlight pre")
    untabbable = [i for i, pre in enumerate(pres) if pre.get_attribute("tabindex") != "0"]
    log.check(pres and not untabbable, f"{label}: every div.highlight pre has tabindex=0 (not: {untabbable} of {len(pres)})")
    bc.wait_for(lambda: all(b.find_elements(By.CSS_SELECTOR, "button.copy-code") for b in blocks), 2)
    missing = [i for i, b in enumerate(blocks) if not b.find_elements(By.CSS_SELECTOR, "button.copy-code")]
    log.check(not missing, f"{label}: a button.copy-code in every block (missing in {missing} of {len(blocks)})")
    names = [(b.accessible_name or "").strip() for b in driver.find_elements(By.CSS_SELECTOR, "div.highlight button.copy-code")]
    log.check(names and all(names), f"{label}: each copy button has an accessible name ({sorted(set(names))})")


def without_javascript(driver, origin, log, site, admonition_page, code_page, menu_page):
    """The JavaScript-free reader: admonitions and the phone menu still open; no dead controls."""
    class Bare:
        pass
    bare = Bare()
    bare.driver, bare.origin = driver, origin
    if admonition_page:
        admonition(bare, log, site, admonition_page, javascript=False)
    label = f"{site} without JavaScript"
    bc.set_view(driver, *PHONE, "light")
    driver.get(origin + menu_page)
    switch = driver.find_elements(By.CSS_SELECTOR, "button#theme-switch")
    log.check(not switch or not is_visible(driver, switch[0]), f"{label}: the colour scheme button is hidden (it needs the script)")
    toggles = driver.find_elements(By.CSS_SELECTOR, "summary.nav-toggle")
    if log.check(bool(toggles), f"{label}: {menu_page} has summary.nav-toggle"):
        tap(driver, toggles[0])
        links = driver.execute_script(TOP_LINKS_JS)
        shown = [a for a in links if is_visible(driver, a)]
        log.check(links and len(shown) == len(links), f"{label}: at {PHONE[0]} px a tap on the toggle shows the menu ({len(shown)}/{len(links)})")
    bc.set_view(driver, *DESKTOP, "light")
    driver.get(origin + menu_page)
    links = driver.execute_script(TOP_LINKS_JS)
    shown = [a for a in links if is_visible(driver, a)]
    log.check(links and len(shown) == len(links), f"{label}: at {DESKTOP[0]} px the menu links are shown ({len(shown)}/{len(links)})")
    if code_page:
        driver.get(origin + code_page)
        buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button.copy-code") if is_visible(driver, b)]
        log.check(not buttons, f"{label}: no copy button on {code_page} (it needs the script)")
