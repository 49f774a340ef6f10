/// The script the server adds to every HTML page it serves: it listens to the server's events
/// on the same address (so it works behind a tunnel too), reloads the page after a build and
/// puts it back at the same scroll position, and shows a failed build's diagnostics over the
/// page until the next good build.
enum ReloadScript {
    static let path = "/_chronicle/reload.js"
    static let eventsPath = "/_chronicle/events"

    /// The tag added before `</body>`.
    static let tag = "<script src=\"\(path)\" defer></script>"

    /// `html` with the tag before its last `</body>` (or at the end when it has none).
    static func inject(into html: String) -> String {
        if let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return html.replacingCharacters(in: range, with: tag + "</body>")
        }
        return html + tag
    }

    static let source = #"""
    (() => {
      "use strict";
      const key = "chronicle-scroll:" + location.pathname;
      const saved = sessionStorage.getItem(key);
      if (saved !== null) {
        sessionStorage.removeItem(key);
        const [x, y] = saved.split(",").map(Number);
        const restore = () => window.scrollTo(x, y);
        if (document.readyState === "complete") restore(); else addEventListener("load", restore, { once: true });
      }
      let run = null;
      const events = new EventSource("/_chronicle/events");
      events.addEventListener("hello", (e) => {
        const hello = JSON.parse(e.data);
        if (run !== null && hello.run !== run) reload();
        run = hello.run;
      });
      events.addEventListener("reload", () => reload());
      events.addEventListener("error", (e) => { if (e.data) showOverlay(JSON.parse(e.data)); });
      function reload() {
        sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
        location.reload();
      }
      function el(tag, attributes, ...children) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
        for (const child of children) node.append(child);
        return node;
      }
      function showOverlay(failure) {
        document.getElementById("chronicle-overlay")?.remove();
        const host = el("div", { id: "chronicle-overlay" });
        const shadow = host.attachShadow({ mode: "open" });
        shadow.append(el("style", {}, `
          :host { all: initial; }
          .backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 20, 24, .72);
            overflow: auto; padding: 4vh 4vw; font: 15px/1.45 system-ui, sans-serif; }
          .panel { max-width: 60rem; margin: 0 auto; background: #fff; color: #1b1b1f; border-radius: 8px;
            border-top: 6px solid #c62828; padding: 1.25rem 1.5rem; box-shadow: 0 8px 30px rgba(0,0,0,.4); }
          h1 { font-size: 1.15rem; margin: 0 0 .25rem; }
          p { margin: 0 0 1rem; color: #4a4a52; }
          ol { margin: 0; padding: 0; list-style: none; }
          li { margin: 0 0 1rem; }
          .where { font: 13px/1.4 ui-monospace, monospace; color: #1b1b1f; word-break: break-all; }
          .severity { font-weight: 700; color: #c62828; }
          .severity.warning { color: #8a5a00; }
          .message { margin: .15rem 0 .35rem; overflow-wrap: anywhere; }
          pre { margin: 0; padding: .5rem .75rem; background: #f3f3f6; border-radius: 4px; overflow-x: auto;
            font: 13px/1.4 ui-monospace, monospace; }
          .note { font-size: 13px; color: #4a4a52; }
          button { float: right; font: inherit; border: 1px solid #bbb; background: #fafafa; border-radius: 4px; padding: .2rem .6rem; cursor: pointer; }
          @media (prefers-color-scheme: dark) {
            .panel { background: #1e1e24; color: #ececf1; }
            p, .note { color: #b4b4be; }
            .where { color: #ececf1; }
            pre { background: #2a2a32; }
            .severity { color: #ff8a80; }
            .severity.warning { color: #ffcc66; }
            button { background: #2a2a32; color: #ececf1; border-color: #555; }
          }`));
        const list = el("ol");
        for (const d of failure.diagnostics) {
          const where = [d.location.path, d.location.line, d.location.column].filter((v) => v !== undefined && v !== null).join(":");
          const item = el("li", {},
            el("div", { class: "where" }, where + ": ", el("span", { class: "severity " + d.severity }, d.severity)),
            el("div", { class: "message" }, d.message + " [" + d.code + "]"));
          if (d.sourceLine) {
            const caret = d.location.column ? "\n" + " ".repeat(Math.max(0, d.location.column - 1)) + "^" : "";
            item.append(el("pre", {}, d.sourceLine + caret));
          }
          for (const note of d.notes || []) {
            item.append(el("div", { class: "note" }, [note.location.path, note.location.line, note.location.column]
              .filter((v) => v !== undefined && v !== null).join(":") + ": note: " + note.message));
          }
          list.append(item);
        }
        const close = el("button", { type: "button" }, "Hide");
        close.addEventListener("click", () => host.remove());
        const count = failure.errorCount + (failure.errorCount === 1 ? " error" : " errors");
        shadow.append(el("div", { class: "backdrop", role: "alertdialog", "aria-label": "Build failed" },
          el("div", { class: "panel" }, close, el("h1", {}, "Build failed: " + count),
            el("p", {}, failure.stale ? "You are looking at the last good build. Fix the problems below and save: this page reloads by itself."
                                      : "Fix the problems below and save: this page reloads by itself."),
            list)));
        document.documentElement.append(host);
      }
    })();
    """#
}
