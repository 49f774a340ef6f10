"""A minimal page set that meets the theme's contract (theme_behaviours.py), and a broken copy.

theme_selftest.py runs the behaviour checks on both: every check must pass on the reference
(a failure there is the harness's fault, not the theme's) and the broken copy's faults must be
caught. Not the theme: just enough HTML, CSS and script to show what the checks accept.
"""
import os

CSS = """
:root { color-scheme: light; --bg: #fff; --fg: #111; }
@media (prefers-color-scheme: dark) { :root:not([data-theme=light]) { color-scheme: dark; --bg: #111; --fg: #eee; } }
:root[data-theme=dark] { color-scheme: dark; --bg: #111; --fg: #eee; }
body { background: var(--bg); color: var(--fg); margin: 0; font: 16px sans-serif; }
a { color: inherit; }
@media (min-width: 768px) {
  summary.nav-toggle { display: none; }
  details.nav-menu::details-content { content-visibility: visible; display: block; }
  details.nav-menu > ul > li { display: inline-block; }
}
"""
THEME_SCRIPT = ("<script>(function () { var t = localStorage.getItem('chronicle-theme');"
                " if (t) document.documentElement.dataset.theme = t; })()</script>")
SCRIPT = """
const button = document.getElementById('theme-switch');
button.hidden = false;
button.addEventListener('click', () => {
  const now = document.documentElement.dataset.theme;
  const next = now === undefined ? 'light' : now === 'light' ? 'dark' : null;
  if (next) { document.documentElement.dataset.theme = next; localStorage.setItem('chronicle-theme', next); }
  else { delete document.documentElement.dataset.theme; localStorage.removeItem('chronicle-theme'); }
});
for (const link of document.querySelectorAll('a.video-embed-link')) link.addEventListener('click', (event) => {
  event.preventDefault();
  const frame = document.createElement('iframe');
  frame.title = 'Video';
  frame.src = 'https://www.youtube-nocookie.com/embed/' + link.dataset.id;
  link.replaceWith(frame);
});
for (const block of document.querySelectorAll('div.highlight')) {
  const copy = document.createElement('button');
  copy.className = 'copy-code';
  copy.textContent = 'Copy';
  block.append(copy);
}
"""
BODY = """<details class="admonition note"><summary>Note</summary><div><p>Closed at first.</p></div></details>
<div class="video-embed"><a class="video-embed-link" data-id="abc" href="https://www.youtube.com/watch?v=abc">Play</a></div>
<div class="highlight"><pre tabindex="0"><code>echo hello</code></pre></div>"""


def page(lang, title, body, switch, alternates=None, broken=False):
    links = "".join(f'<link rel="alternate" hreflang="{l}" href="{h}">' for l, h in (alternates or {}).items())
    head_script, end_script = ("", THEME_SCRIPT) if broken else (THEME_SCRIPT, "")
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<link rel="icon" href="data:,">{links}{head_script}<style>{CSS}</style></head><body>
<header><details class="nav-menu"><summary class="nav-toggle">Menu</summary><ul>
<li><a href="/posts/">Posts</a></li><li><a href="/tags/">Tags</a></li>
<li class="has-children"><details class="submenu"><summary>Demos</summary>
<ul><li><a href="https://demo.example/">Stable</a></li></ul></details></li></ul></details>
<nav class="language-switch">{switch}</nav><button id="theme-switch" hidden>Colour scheme</button></header>
<main><h1>{title}</h1>{body}</main>{end_script}<script>{SCRIPT}</script></body></html>"""


def write(folder, broken=False):
    """Writes the reference pages into folder; broken: the theme script after the body (a
    flash), no lang-fallback class, the toggle shown on wide screens, the switch button shown
    without JavaScript, the player loaded before any click, code blocks out of the TAB order."""
    body = BODY
    css_wide = "@media (min-width: 768px)"
    fallback = '<a class="lang-fallback" href="/de/" hreflang="de">Deutsch</a>'
    if broken:
        body = body.replace('<a class="video-embed-link" data-id="abc" href="https://www.youtube.com/watch?v=abc">Play</a>',
                            '<iframe title="Video" src="https://www.youtube-nocookie.com/embed/abc"></iframe>')
        body = body.replace(' tabindex="0"', "")
        fallback = fallback.replace(' class="lang-fallback"', "")
    files = {
        "index.html": page("en", "Home", "<p>Home.</p>", '<a href="/de/" hreflang="de">Deutsch</a>', broken=broken),
        "de/index.html": page("de", "Start", "<p>Start.</p>", '<a href="/" hreflang="en">English</a>', broken=broken),
        "posts/index.html": page("en", "Posts", "<p>Posts.</p>", "", broken=broken),
        "posts/a/index.html": page("en", "A", body, '<a href="/de/posts/a/" hreflang="de">Deutsch</a>',
                                   {"de": "/de/posts/a/"}, broken),
        "de/posts/a/index.html": page("de", "A (de)", body, '<a href="/posts/a/" hreflang="en">English</a>',
                                      {"en": "/posts/a/"}, broken),
        "posts/only/index.html": page("en", "Only in English", "<p>One language.</p>", fallback, broken=broken),
    }
    for path, text in files.items():
        if broken:
            text = text.replace(css_wide, "@media (min-width: 7680px)").replace('<button id="theme-switch" hidden>', '<button id="theme-switch">')
        os.makedirs(os.path.join(folder, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(folder, path), "w", encoding="utf-8") as f:
            f.write(text)


# What the behaviour checks must say about the broken copy (parts of the failure messages).
BROKEN_CAUGHT = [
    "the link has class lang-fallback",
    "no flash: data-theme is 'dark' when <body> starts",
    "at 1280 px: the toggle is not shown",
    "at 1280 px: the menu links are shown without a click",
    "no request to another host before the click",
    "every div.highlight pre has tabindex=0",
    "without JavaScript: the colour scheme button is hidden",
]
