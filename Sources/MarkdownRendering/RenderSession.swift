import ContentParsing
import SiteCore

/// The state of one body render: the context, the diagnostics found so far, and the counter
/// that keeps shortcode tokens unique. Belongs to one `BodyRenderer.render` call.
final class RenderSession {
    let markdown: MarkdownRenderer
    let context: RenderContext
    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []
    private var lineIndex: LineIndex?
    private var nextToken = 0

    init(markdown: MarkdownRenderer, context: RenderContext, source: SourceFile) {
        self.markdown = markdown
        self.context = context
        self.source = source
    }

    /// Markdown text with a token for every shortcode, and each token's HTML.
    struct Prepared {
        var markdown: String
        var outputs: [Int: String]
    }

    func report(_ severity: Severity, code: String, message: String, offset: Int) {
        if lineIndex == nil { lineIndex = LineIndex(source.text) }
        diagnostics.append(lineIndex!.diagnostic(
            severity, code: code, message: message, path: source.path, offset: offset))
    }

    /// Expands every shortcode of `nodes` and puts a token in its place.
    func prepare(_ nodes: [BodyNode]) -> Prepared {
        var text = ""
        var outputs: [Int: String] = [:]
        for node in nodes {
            switch node {
            case .text(let markdown, _):
                text += markdown
            case .shortcode(let call):
                let html = expand(call)
                let number = nextToken
                nextToken += 1
                outputs[number] = html
                text += ShortcodeToken.token(number)
            }
        }
        return Prepared(markdown: text, outputs: outputs)
    }

    /// Renders nodes as a Markdown document of their own (a shortcode's inner content): its
    /// headings get ids of their own, and `<!--more-->` in it is just a comment.
    func renderFragment(_ nodes: [BodyNode]) -> String {
        let prepared = prepare(nodes)
        let document = markdown.parse(prepared.markdown)
        var ids = HeadingIDGenerator()
        let marks = HeadingAnnotator.annotate(document, markdown: prepared.markdown, ids: &ids)
        let annotated = HeadingAnnotator.apply(marks, to: document.renderHTML())
        return ShortcodeToken.substitute(annotated.html, prepared.outputs)
    }

    /// Nodes as written, with nested shortcodes expanded (Hugo's `.Inner` of `{{< >}}`).
    func expandRaw(_ nodes: [BodyNode]) -> String {
        var text = ""
        for node in nodes {
            switch node {
            case .text(let raw, _): text += raw
            case .shortcode(let call): text += expand(call)
            }
        }
        return text
    }

    /// A Markdown snippet (a caption) as HTML without a lone `<p>` around it.
    func renderSnippet(_ text: String) -> String {
        HugoText.trimShortHTML(markdown.renderHTML(text))
    }

    /// One shortcode's HTML: the theme's own template when it has one (on pages; feeds keep the
    /// built-ins' plain forms), else the built-in; unknown ones render nothing (the parser has
    /// reported them).
    func expand(_ call: ShortcodeCall) -> String {
        let isBuiltIn = BuiltinShortcodes.names.contains(call.name)
        let themeFirst = isBuiltIn ? context.themeShortcodeNames.contains(call.name) && !context.forFeed : true
        if themeFirst {
            let inner = call.inner.map {
                call.isMarkdownForm ? HugoText.trimShortHTML(renderFragment($0)) : expandRaw($0)
            }
            if let html = context.themeShortcode(call, inner, context) { return html }
        }
        BuiltinShortcodes.checkArguments(call, session: self)
        switch call.name {
        case "admonition":
            return BuiltinShortcodes.admonition(call, session: self)
        case "youtube":
            return BuiltinShortcodes.youtube(call, session: self)
        case "figure":
            return BuiltinShortcodes.figure(call, session: self)
        case "ref", "relref":
            return BuiltinShortcodes.reference(call, absolute: call.name == "ref", session: self)
        default:
            return ""
        }
    }
}

extension ShortcodeCall {
    /// A named argument, or else the positional one at `position`.
    func argument(_ name: String, position: Int) -> ShortcodeArgument? {
        if let named = named(name) { return named }
        let positional = positional
        return position < positional.count ? positional[position] : nil
    }

    /// The value of `argument(name, position)` when it is not empty.
    func value(_ name: String, position: Int? = nil) -> String? {
        let found = position.map { self.argument(name, position: $0) } ?? named(name)
        guard let value = found?.value, !value.isEmpty else { return nil }
        return value
    }
}
