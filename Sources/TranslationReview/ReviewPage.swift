import MarkdownRendering

/// The frame of the `/_translate/` pages: a self-contained HTML5 document (inline CSS,
/// light and dark, from 390 px phones to wide screens).
enum ReviewPage {
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <link rel="icon" href="data:,">
        <title>\(HTMLEscaping.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// A state as a badge: an icon and a word, not a colour alone.
    static func badge(_ state: TranslationState) -> String {
        let icon = switch state {
        case .complete: "✓"
        case .missing: "✗"
        case .stale: "◷"
        }
        return "<span class=\"badge state-\(state.rawValue)\">\(icon) \(state.rawValue)</span>"
    }

    static let style = """
        :root{color-scheme:light dark;--bg:#fdfdfc;--fg:#1d1d21;--muted:#5d5d68;--line:#d9d9df;--panel:#f2f2f5;\
        --link:#0b57d0;--only:#a4231b;--only-bg:#fde8e6;--differs:#6e4700;--differs-bg:#fff0c7;--ok:#1b6331;--ok-bg:#e2f3e6}
        @media (prefers-color-scheme:dark){:root{--bg:#141417;--fg:#e6e6ea;--muted:#a6a6b1;--line:#3a3a42;--panel:#1f1f24;\
        --link:#8ab4f8;--only:#ffb4ab;--only-bg:#4d1612;--differs:#ffd97a;--differs-bg:#3f2f05;--ok:#93d9a4;--ok-bg:#123b1e}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;overflow-wrap:anywhere}
        .top,main{max-width:1280px;margin:0 auto;padding:12px 16px}
        a{color:var(--link)}
        h1{font-size:1.5rem;line-height:1.25;margin:.3em 0}
        code,pre,kbd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
        pre{background:var(--panel);padding:10px;border-radius:6px;overflow-x:auto;overflow-wrap:normal}
        img,video,iframe{max-width:100%;height:auto}
        .intro{max-width:46rem}
        table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}
        th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
        blockquote{margin:1em 0;padding-left:12px;border-left:3px solid var(--line);color:var(--muted)}
        details.admonition{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:6px;padding:6px 12px;margin:1em 0;background:var(--panel)}
        summary.admonition-title{font-weight:600;cursor:pointer}
        .muted{color:var(--muted)}
        .badge{display:inline-block;padding:0 8px;border-radius:999px;font-size:.85rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
        .state-complete{color:var(--ok);background:var(--ok-bg)}
        .state-missing{color:var(--only);background:var(--only-bg)}
        .state-stale{color:var(--differs);background:var(--differs-bg)}
        .facts{margin:.5em 0;padding-left:1.2em}
        .tr-flag{display:inline-block;font:600 .8rem/1.4 system-ui,sans-serif;padding:0 5px;margin:0 3px;border:2px solid currentColor;border-radius:4px;white-space:nowrap;text-decoration:none}
        .tr-only{color:var(--only);background:var(--only-bg)}
        .tr-differs{color:var(--differs);background:var(--differs-bg)}
        mark.tr-mark{color:inherit;background:var(--differs-bg);text-decoration:underline wavy var(--differs);text-underline-offset:3px}
        mark.tr-mark.tr-only{background:var(--only-bg);text-decoration-color:var(--only)}
        [data-tr]{outline:2px dashed var(--differs);outline-offset:3px}
        [data-tr=only-in]{outline-color:var(--only)}
        a[data-tr],img[data-tr]{outline-offset:1px}
        .legend{display:flex;flex-wrap:wrap;gap:6px 20px;margin:.6em 0;padding:8px 12px;border:1px solid var(--line);border-radius:6px;font-size:.9rem}
        .legend div{display:flex;gap:6px;align-items:baseline}
        .legend dt,.legend dd{margin:0}
        .gap-icon{font-weight:700}
        .grid{display:grid;grid-template-columns:repeat(var(--columns),minmax(0,1fr));column-gap:32px}
        .col-head{padding:8px 0;font-size:.9rem}
        .col-head .page-title{font-size:1.05rem;font-weight:600}
        .notes{grid-column:1/-1;margin:18px 0 4px;padding:6px 12px;border:1px solid var(--line);border-radius:6px;background:var(--panel);font-size:.9rem}
        .notes ul{margin:0;padding:0;list-style:none}
        .notes li{margin:2px 0}
        .cell{min-width:0;border-top:1px solid var(--line);padding-top:2px}
        .cell-lang{display:none;font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
        .gap{color:var(--muted);font-style:italic;border:2px dashed var(--line);border-radius:6px;padding:8px 12px;margin:12px 0}
        .groups{list-style:none;margin:0;padding:0}
        .group{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,4fr) minmax(0,2fr);gap:4px 16px;padding:10px 0;border-top:1px solid var(--line)}
        .group .key{font-size:.85rem}
        .counts{display:flex;flex-wrap:wrap;gap:8px;margin:.5em 0}
        @media (max-width:760px){.grid{grid-template-columns:minmax(0,1fr)}.cell-lang{display:block}.group{grid-template-columns:minmax(0,1fr)}h1{font-size:1.3rem}}
        """
}
