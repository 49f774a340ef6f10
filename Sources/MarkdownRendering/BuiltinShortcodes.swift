import ContentParsing
import Foundation

/// The shortcodes Chronicle knows without a theme: admonition, youtube, figure, ref/relref.
enum BuiltinShortcodes {
    /// The shortcodes Chronicle renders itself.
    static let names: Set<String> = ["admonition", "youtube", "figure", "ref", "relref"]

    /// The parameters each built-in takes: its named ones, and how many of the first of them
    /// may also be given by position.
    static let parameters: [String: (named: [String], positional: Int)] = [
        "admonition": (["type", "title", "open"], 3),
        "youtube": (["id", "class", "title", "start", "autoplay"], 2),
        "figure": (["src", "alt", "caption", "title", "link", "target", "rel", "class", "width", "height", "attr", "attrlink"], 1),
        "ref": (["path", "lang", "outputFormat"], 1),
        "relref": (["path", "lang", "outputFormat"], 1),
    ]

    /// Warns about arguments a built-in does not take (a typo, a parameter of another theme's
    /// shortcode): they are ignored, and the warning names the ones it takes.
    static func checkArguments(_ call: ShortcodeCall, session: RenderSession) {
        guard let (named, positional) = parameters[call.name] else { return }
        let takes = named.joined(separator: ", ")
        for argument in call.arguments {
            // A name that is not a name at all has been reported by the parser already.
            let isName = argument.name?.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            } ?? false
            if let name = argument.name, isName, !named.contains(name) {
                session.report(
                    .warning, code: "shortcode.argument",
                    message: "shortcode '\(call.name)' has no parameter '\(name)'; it is ignored (\(call.name) takes \(takes))",
                    offset: argument.offset)
            }
        }
        let extra = call.positional.dropFirst(positional)
        if let first = extra.first {
            let order = named.prefix(positional).joined(separator: ", ")
            session.report(
                .warning, code: "shortcode.argument",
                message: "shortcode '\(call.name)' takes at most \(positional) positional argument\(positional == 1 ? "" : "s") (\(order)); \(extra.count) more ignored",
                offset: first.offset)
        }
    }

    // MARK: admonition

    /// `{{< admonition type=warning title="Wichtig" open=false >}}…{{< /admonition >}}` or
    /// positional `{{< admonition warning "Wichtig" false >}}`. The inner content is Markdown.
    static func admonition(_ call: ShortcodeCall, session: RenderSession) -> Forms {
        var type = AdmonitionType.note
        if let name = call.value("type", position: 0) {
            if let known = AdmonitionType(name: name) {
                type = known
            } else {
                session.report(
                    .warning, code: "shortcode.admonition-type",
                    message: "unknown admonition type '\(name)', rendered as 'note'",
                    offset: call.offset)
            }
        }
        let title = call.value("title", position: 1) ?? session.context.admonitionTitle(type.rawValue)
        let openArgument = call.argument("open", position: 2)
        let isOpen = !(openArgument.map { !$0.quoted && $0.value == "false" } ?? false)
        let content = call.inner.map { session.renderFragment($0) } ?? .empty
        let escapedTitle = HTMLEscaping.escape(title)
        let page = """
            <details class="admonition \(type.rawValue)"\(isOpen ? " open" : "")>
            <summary class="admonition-title">\(type.icon)\(escapedTitle)</summary>
            <div class="admonition-content">\(content.page)</div>
            </details>
            """
        guard session.wantsFeed else { return Forms(page) }
        return Forms(page: page, feed: "<blockquote><p><strong>\(escapedTitle)</strong></p>\n\(content.feed)</blockquote>")
    }

    // MARK: youtube

    /// `{{< youtube ID >}}`, `{{< youtube id=ID title="…" start=30 >}}`: a link to the video
    /// that loads nothing from YouTube until the reader clicks it (the theme's script then puts
    /// the privacy-enhanced player from `data-embed` in its place; without scripts it opens the
    /// video on YouTube). A plain link in feeds.
    static func youtube(_ call: ShortcodeCall, session: RenderSession) -> Forms {
        guard let id = call.value("id", position: 0) else {
            session.report(
                .error, code: "shortcode.argument",
                message: "youtube needs a video id ({{< youtube ID >}})", offset: call.offset)
            return .empty
        }
        let text = VideoText(context: session.context)
        let title = call.value("title") ?? text.title
        let start = call.value("start").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let encodedID = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#&="))) ?? id
        var url = "https://www.youtube.com/watch?v=\(encodedID)"
        if let start { url += "&t=\(start)s" }
        var embed = "https://www.youtube-nocookie.com/embed/\(encodedID)?autoplay=1"
        if let start { embed += "&start=\(start)" }
        let classes = ["video-embed"] + (call.value("class", position: 1).map { [$0] } ?? [])
        let escapedTitle = HTMLEscaping.escape(title)
        let page = "<div class=\"\(HTMLEscaping.escape(classes.joined(separator: " ")))\">"
            + "<a class=\"video-embed-link\" href=\"\(HTMLEscaping.escape(url))\" data-embed=\"\(HTMLEscaping.escape(embed))\" target=\"_blank\" rel=\"noopener\">"
            + "<span class=\"video-embed-title\">\(escapedTitle)</span>"
            + "<span class=\"video-embed-note\">\(HTMLEscaping.escape(text.note))</span></a></div>"
        guard session.wantsFeed else { return Forms(page) }
        return Forms(page: page, feed: "<p><a href=\"\(HTMLEscaping.escape(url))\">\(escapedTitle)</a></p>")
    }

    // MARK: figure

    /// `{{< figure src="a.png" alt="…" caption="*Markdown*" title="…" link="…" >}}`.
    static func figure(_ call: ShortcodeCall, session: RenderSession) -> Forms {
        guard let source = call.value("src", position: 0) else {
            session.report(
                .error, code: "shortcode.argument",
                message: "figure needs a src ({{< figure src=\"image.png\" >}})", offset: call.offset)
            return .empty
        }
        // A `javascript:`, `vbscript:` or `data:` link is an error at its argument and left out:
        // the whole figure for its src, the link around the image or the attribution otherwise.
        var unsafe: Set<String> = []
        for (name, position) in [("src", 0), ("link", nil), ("attrlink", nil)] as [(String, Int?)] {
            guard let argument = position.map({ call.argument(name, position: $0) }) ?? call.named(name),
                  let scheme = session.context.unsafeLinkScheme(argument.value) else { continue }
            unsafe.insert(name)
            session.report(
                .error, code: "url.unsafe",
                message: "figure \(name) is a \(scheme): URL, which could run script in the reader's browser; "
                    + (name == "src" ? "the figure is left out" : "the link is left out"),
                offset: argument.offset)
        }
        if unsafe.contains("src") { return .empty }
        let caption = call.value("caption")
        let captionHTML = caption.map { session.renderSnippet($0) }
        var html = "<figure"
        if let className = call.value("class") { html += " class=\"\(HTMLEscaping.escape(className))\"" }
        html += ">\n"
        let link = unsafe.contains("link") ? nil : call.value("link")
        if let link {
            html += "<a href=\"\(HTMLEscaping.escape(link))\""
            if let target = call.value("target") { html += " target=\"\(HTMLEscaping.escape(target))\"" }
            if let rel = call.value("rel") { html += " rel=\"\(HTMLEscaping.escape(rel))\"" }
            html += ">"
        }
        html += "<img src=\"\(HTMLEscaping.escape(source))\""
        if let alt = call.value("alt") {
            html += " alt=\"\(HTMLEscaping.escape(alt))\""
        } else if let captionHTML {
            let plain = HTMLEscaping.plainText(captionHTML)
            html += " alt=\"\(HTMLEscaping.escape(plain))\""
        }
        if let width = call.value("width") { html += " width=\"\(HTMLEscaping.escape(width))\"" }
        if let height = call.value("height") { html += " height=\"\(HTMLEscaping.escape(height))\"" }
        // Pages load images lazily, with the size of the file when the author gave none (the
        // page keeps its place while the image loads); feeds get the plain tag. The rest is
        // the same in both.
        var feed = html
        if call.value("width") == nil, call.value("height") == nil, let size = session.context.imageSize(source) {
            html += size.attributes
        }
        html += " loading=\"lazy\" decoding=\"async\""
        html += ">"
        feed += ">"
        var rest = ""
        if link != nil { rest += "</a>" }
        rest += "\n"
        let title = call.value("title")
        let attribution = call.value("attr").map { session.renderSnippet($0) }
        if title != nil || captionHTML != nil || attribution != nil {
            rest += "<figcaption>"
            if let title { rest += "<h4>\(HTMLEscaping.escape(title))</h4>" }
            if captionHTML != nil || attribution != nil {
                rest += "<p>\(captionHTML ?? "")"
                if let attribution {
                    if captionHTML != nil { rest += " " }
                    if let attributionLink = call.value("attrlink"), !unsafe.contains("attrlink") {
                        rest += "<a href=\"\(HTMLEscaping.escape(attributionLink))\">\(attribution)</a>"
                    } else {
                        rest += attribution
                    }
                }
                rest += "</p>"
            }
            rest += "</figcaption>\n"
        }
        rest += "</figure>"
        return Forms(page: html + rest, feed: session.wantsFeed ? feed + rest : html + rest)
    }

    // MARK: ref / relref

    /// `{{< ref "posts/a.md" >}}` (absolute URL), `{{< relref path="/posts/a" lang="en" >}}`
    /// (site-relative); `#anchor` is kept. An unknown target is an error and renders as written.
    static func reference(_ call: ShortcodeCall, absolute: Bool, session: RenderSession) -> String {
        guard let target = call.value("path", position: 0) else {
            session.report(
                .error, code: "shortcode.argument",
                message: "\(call.name) needs a path ({{< \(call.name) \"posts/page.md\" >}})",
                offset: call.offset)
            return ""
        }
        var path = target
        var fragment = ""
        if let hash = target.firstIndex(of: "#") {
            path = String(target[..<hash])
            fragment = String(target[hash...])
        }
        if path.isEmpty {
            return HTMLEscaping.escape(fragment)
        }
        let language = call.value("lang")
        guard let url = session.context.resolveReference(path, language, absolute) else {
            let where_ = language.map { " in language '\($0)'" } ?? ""
            session.report(
                .error, code: "shortcode.ref",
                message: "\(call.name) target '\(path)' not found\(where_)", offset: call.offset)
            return HTMLEscaping.escape(target)
        }
        return HTMLEscaping.escape(url + fragment)
    }
}
