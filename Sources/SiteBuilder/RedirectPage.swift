import MarkdownRendering

/// The small page Hugo writes where a URL only redirects (aliases, `…/page/1/`, `/en/`).
enum RedirectPage {
    static func html(to target: String, language: String) -> String {
        let escaped = HTMLEscaping.escape(target)
        return """
            <!DOCTYPE html><html lang="\(HTMLEscaping.escape(language))"><head><title>\(escaped)</title>\
            <link rel="canonical" href="\(escaped)"><meta name="robots" content="noindex"><link rel="icon" href="data:,">\
            <meta charset="utf-8"><meta http-equiv="refresh" content="0; url=\(escaped)"></head></html>

            """
    }
}
