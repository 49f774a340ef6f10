// Chronicle's default theme: the few things that need a script. Every page works without it:
// the menus and admonitions are <details>, a video is a link, the colour scheme follows the
// system. Loaded with `defer`; the chosen scheme is applied by an inline line in <head>.
(function () {
  "use strict";
  var root = document.documentElement;

  // Colour scheme: auto (the system's) -> light -> dark -> auto, remembered.
  var schemeButton = document.getElementById("theme-switch");
  var order = ["auto", "light", "dark"];
  function currentScheme() { return root.dataset.theme || "auto"; }
  function showScheme() {
    if (!schemeButton) return;
    var label = schemeButton.dataset["label" + currentScheme().charAt(0).toUpperCase() + currentScheme().slice(1)];
    schemeButton.setAttribute("aria-label", label);
    schemeButton.title = label;
    schemeButton.dataset.scheme = currentScheme();
  }
  if (schemeButton) {
    schemeButton.hidden = false;
    showScheme();
    schemeButton.addEventListener("click", function () {
      var next = order[(order.indexOf(currentScheme()) + 1) % order.length];
      if (next === "auto") delete root.dataset.theme; else root.dataset.theme = next;
      try {
        if (next === "auto") localStorage.removeItem("chronicle-theme"); else localStorage.setItem("chronicle-theme", next);
      } catch (e) { /* private mode: the choice lasts for this page */ }
      showScheme();
    });
  }

  // The main menu is a <details> that CSS shows open on wide screens; browsers that cannot
  // style its content get it opened here. Open sub-menus close on Escape or a click elsewhere.
  var menu = document.querySelector(".nav-menu");
  var wide = window.matchMedia("(min-width: 64rem)");
  function syncMenu() { if (menu) menu.open = wide.matches; }
  syncMenu();
  if (wide.addEventListener) wide.addEventListener("change", syncMenu);
  var tocs = document.querySelectorAll(".toc");
  var tocWide = window.matchMedia("(min-width: 75rem)");
  function syncToc() { tocs.forEach(function (toc) { if (tocWide.matches) toc.open = true; }); }
  syncToc();
  if (tocWide.addEventListener) tocWide.addEventListener("change", syncToc);
  var submenus = document.querySelectorAll(".submenu");
  function closeSubmenus(except) {
    submenus.forEach(function (item) { if (item !== except) item.open = false; });
  }
  submenus.forEach(function (item) {
    item.addEventListener("toggle", function () { if (item.open) closeSubmenus(item); });
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".submenu")) closeSubmenus(null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector(".submenu[open]") || (!wide.matches && menu && menu.open ? menu : null);
    if (open) { open.open = false; open.querySelector("summary").focus(); }
  });

  // A copy button on every code block; line numbers are not copied.
  document.querySelectorAll(".post-content pre").forEach(function (pre) {
    var code = pre.querySelector("code");
    if (!code || !navigator.clipboard) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = root.dataset.copy || "Copy";
    button.addEventListener("click", function () {
      var copy = code.cloneNode(true);
      copy.querySelectorAll(".ln").forEach(function (number) { number.remove(); });
      navigator.clipboard.writeText(copy.textContent).then(function () {
        button.textContent = root.dataset.copied || "Copied";
        setTimeout(function () { button.textContent = root.dataset.copy || "Copy"; }, 1600);
      });
    });
    (pre.parentElement.classList.contains("highlight") ? pre.parentElement : pre).classList.add("has-copy");
    (pre.parentElement.classList.contains("highlight") ? pre.parentElement : pre).appendChild(button);
  });

  // Videos load from their host only when the reader asks: the link becomes the player.
  document.querySelectorAll("a.video-embed-link[data-embed]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = link.dataset.embed;
      frame.title = (link.querySelector(".video-embed-title") || link).textContent.trim();
      frame.allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share";
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.allowFullscreen = true;
      link.replaceWith(frame);
      frame.focus();
    });
  });

  // Printing shows every admonition and the table of contents, closed or not.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll(".post-content details, .toc"), function (item) { return !item.open; });
    opened.forEach(function (item) { item.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (item) { item.open = false; });
    opened = [];
  });

  // Wide tables and code blocks scroll inside themselves: make those reachable by keyboard
  // (highlighted code has tabindex already; plain fences and tables get it when they scroll).
  document.querySelectorAll(".post-content table, .post-content pre").forEach(function (table) {
    if (table.scrollWidth > table.clientWidth + 1 && !table.hasAttribute("tabindex")) table.tabIndex = 0;
  });
})();
