import ContentParsing
import MarkdownRendering
import SiteCore

/// Builds documents by hand, so these tests do not depend on the shortcode parser.
enum Fixture {
    static func markup(_ configure: (inout MarkupConfig) -> Void = { _ in }) -> MarkupConfig {
        var markup = MarkupConfig()
        configure(&markup)
        return markup
    }

    /// A document whose body is `markdown` alone.
    static func document(_ markdown: String, path: String = "content/test.md") -> Document {
        Document(
            source: SourceFile(path: path, text: markdown), frontMatter: FrontMatter(format: .none),
            body: markdown, bodyOffset: 0, bodyStartLine: 1, nodes: [.text(markdown, offset: 0)])
    }

    /// A document from pieces: strings are Markdown, calls are shortcodes. Offsets point into a
    /// source text that is the pieces written out one after the other.
    static func document(_ pieces: [Piece], path: String = "content/test.md") -> Document {
        var source = ""
        var nodes: [BodyNode] = []
        for piece in pieces {
            let offset = source.utf8.count
            switch piece {
            case .text(let text):
                nodes.append(.text(text, offset: offset))
                source += text
            case .call(let call):
                var call = call
                call.offset = offset
                nodes.append(.shortcode(call))
                source += "{{< \(call.name) >}}"
            }
        }
        return Document(
            source: SourceFile(path: path, text: source), frontMatter: FrontMatter(format: .none),
            body: source, bodyOffset: 0, bodyStartLine: 1, nodes: nodes)
    }

    enum Piece {
        case text(String)
        case call(ShortcodeCall)
    }

    static func call(
        _ name: String, _ arguments: [ShortcodeArgument] = [], markdownForm: Bool = false,
        inner: [BodyNode]? = nil
    ) -> ShortcodeCall {
        ShortcodeCall(
            name: name, arguments: arguments, isMarkdownForm: markdownForm, inner: inner,
            innerSource: inner.map { nodes in
                nodes.map { if case .text(let text, _) = $0 { text } else { "" } }.joined()
            }, offset: 0)
    }

    static func named(_ name: String, _ value: String, quoted: Bool = false) -> ShortcodeArgument {
        ShortcodeArgument(name: name, value: value, quoted: quoted, offset: 0)
    }

    static func positional(_ value: String, quoted: Bool = false) -> ShortcodeArgument {
        ShortcodeArgument(name: nil, value: value, quoted: quoted, offset: 0)
    }

    static let context = RenderContext(language: "en")

    static func render(
        _ document: Document, markup: MarkupConfig = MarkupConfig(), summaryLength: Int = 70,
        context: RenderContext = Fixture.context
    ) -> BodyRenderer.Output {
        BodyRenderer(markup: markup, summaryLength: summaryLength).render(document, context: context)
    }

    static func html(_ markdown: String, markup: MarkupConfig = MarkupConfig()) -> String {
        render(document(markdown), markup: markup).body.html
    }
}
