import ContentParsing
import SiteCore

/// Renders a page body: shortcodes expanded, Markdown through cmark-gfm, Hugo's heading ids,
/// table of contents and summary.
///
/// A value type without shared state: render pages from as many threads as you like (the
/// cmark parse inside is serialized by `CmarkLock`).
public struct BodyRenderer: Sendable {
    public var markup: MarkupConfig
    /// Hugo's `summaryLength`: words of the automatic summary (before running on to the end
    /// of the sentence).
    public var summaryLength: Int

    public init(markup: MarkupConfig, summaryLength: Int = 70) {
        self.markup = markup
        self.summaryLength = summaryLength
    }

    private var markdown: MarkdownRenderer { MarkdownRenderer(markup: markup) }

    public func render(_ document: Document, context: RenderContext) -> (body: RenderedBody, diagnostics: [Diagnostic]) {
        let session = RenderSession(markdown: markdown, context: context, source: document.source)
        // A parser that could not split the body leaves no nodes: render the body as Markdown.
        let nodes = document.nodes.isEmpty && !document.body.isEmpty
            ? [BodyNode.text(document.body, offset: document.bodyOffset)] : document.nodes
        let prepared = session.prepare(nodes)
        let parsed = markdown.parse(prepared.markdown)
        var problems: [Diagnostic] = []
        let nesting = parsed.maximumNesting()
        if nesting > Self.reasonableNesting {
            problems.append(Diagnostic(
                .warning, code: "markdown.nesting",
                message: "Markdown nested \(nesting) levels deep; more than \(Self.reasonableNesting) levels is rarely meant",
                location: SourceLocation(path: document.source.path)))
        }
        var ids = HeadingIDGenerator()
        let marks = HeadingAnnotator.annotate(parsed, markdown: prepared.markdown, ids: &ids)
        let placement = MoreMarker.mark(parsed)
        let annotated = HeadingAnnotator.apply(marks, to: parsed.renderHTML())
        var html = ShortcodeToken.substitute(annotated.html, prepared.outputs)

        // Headings and the table of contents.
        var headings: [Heading] = []
        var toc = TableOfContents()
        var inRange = false
        for (mark, inner) in zip(marks, annotated.innerHTML) {
            let innerHTML = ShortcodeToken.substitute(inner, prepared.outputs)
            let text = HTMLEscaping.unescape(HugoText.stripHTML(innerHTML)).trimmingGoWhitespace()
            headings.append(Heading(level: mark.level, text: text, id: mark.id))
            toc.add(level: mark.level, id: mark.id, html: innerHTML)
            if mark.level >= markup.tocStartLevel && (markup.tocEndLevel == -1 || mark.level <= markup.tocEndLevel) {
                inRange = true
            }
        }
        let tocHTML = inRange ? toc.html(startLevel: markup.tocStartLevel, stopLevel: markup.tocEndLevel) : ""

        // Summary: the author's divider, or Hugo's automatic one.
        var summaryHTML = ""
        var truncated = false
        var hasMoreMarker = false
        if let placement, let split = MoreMarker.split(html, placement: placement) {
            hasMoreMarker = true
            html = split.body
            summaryHTML = split.summary
            truncated = !split.rest.isEmpty
        }
        let hugoPlain = HugoText.stripHTML(html)
        if !hasMoreMarker {
            let (summary, cut) = HugoText.truncateToWholeSentence(hugoPlain, words: summaryLength)
            let text = summary.trimmingGoWhitespace()
            summaryHTML = text.isEmpty ? "" : "<p>\(text)</p>"
            truncated = cut
        }
        let body = RenderedBody(
            html: html, summaryHTML: summaryHTML, hasMoreMarker: hasMoreMarker, truncated: truncated,
            headings: headings, tocHTML: tocHTML,
            plainText: HTMLEscaping.unescape(hugoPlain).trimmingGoWhitespace(),
            wordCount: HugoText.totalWords(hugoPlain))
        return (body, (session.diagnostics + problems).sorted())
    }

    /// Block quotes, lists, emphasis and links nested deeper than this get a warning.
    public static let reasonableNesting = 100

    /// A Markdown snippet (a title, a description) as HTML; a single paragraph loses its `<p>`
    /// as with Hugo's `markdownify`. No shortcodes, no heading ids.
    public func renderMarkdown(_ markdown: String, context: RenderContext) -> String {
        HugoText.trimShortHTML(self.markdown.renderHTML(markdown))
    }
}
