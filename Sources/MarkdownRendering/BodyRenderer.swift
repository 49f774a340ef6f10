import ContentParsing
import SiteCore

/// Renders a page body: shortcodes expanded, Markdown through cmark-gfm, Hugo's heading ids,
/// table of contents and summary; and, from the same parse, the body as feeds show it.
///
/// A value type without shared state: render pages from as many threads as you like (see
/// `CmarkDocument` for how cmark-gfm's parsers share one table).
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

    /// What one body render gives.
    public struct Output: Sendable {
        public var body: RenderedBody
        /// The body as feeds show it; the page form when `feed` was not asked for.
        public var feed: FeedBody
        public var diagnostics: [Diagnostic]
    }

    /// Renders `document`. With `feed`, the feed form is derived from the same parse: only the
    /// shortcodes' HTML differs between the two forms (admonitions as block quotes, videos as
    /// links), so the tree is parsed and rendered once and the shortcodes are put back twice.
    public func render(_ document: Document, context: RenderContext, feed: Bool = true) -> Output {
        let session = RenderSession(markdown: markdown, context: context, source: document.source, wantsFeed: feed)
        // A parser that could not split the body leaves no nodes: render the body as Markdown.
        let nodes = document.nodes.isEmpty && !document.body.isEmpty
            ? [BodyNode.text(document.body, offset: document.bodyOffset)] : document.nodes
        let prepared = session.prepare(nodes)
        let (parsed, inventory) = markdown.parseWithInventory(prepared.markdown)
        var problems: [Diagnostic] = []
        let nesting = inventory.maximumNesting
        if nesting > Self.reasonableNesting {
            problems.append(Diagnostic(
                .warning, code: "markdown.nesting",
                message: "Markdown nested \(nesting) levels deep; more than \(Self.reasonableNesting) levels is rarely meant",
                location: SourceLocation(path: document.source.path)))
        }
        var ids = HeadingIDGenerator()
        let marks = HeadingAnnotator.annotate(inventory.headings, markdown: prepared.markdown, ids: &ids)
        let placement = MoreMarker.mark(inventory.html)
        var outputs = prepared.outputs
        let taskLists = session.decorate(parsed, inventory, outputs: &outputs)
        let assembled = parsed.withRenderedHTML {
            HTMLAssembler.assemble($0, marks: marks, outputs: outputs, feed: feed)
        }
        let forms = taskLists ? TaskListItems.finish(assembled.forms, feed: feed) : assembled.forms

        // Headings and the table of contents (page form).
        var headings: [Heading] = []
        var toc = TableOfContents()
        var inRange = false
        for (mark, innerHTML) in zip(marks, assembled.innerHTML) {
            let text = HTMLEscaping.plainText(innerHTML)
            headings.append(Heading(level: mark.level, text: text, id: mark.id))
            toc.add(level: mark.level, id: mark.id, html: innerHTML)
            if mark.level >= markup.tocStartLevel && (markup.tocEndLevel == -1 || mark.level <= markup.tocEndLevel) {
                inRange = true
            }
        }
        let tocHTML = inRange ? toc.html(startLevel: markup.tocStartLevel, stopLevel: markup.tocEndLevel) : ""

        let page = summarized(forms.page, placement: placement)
        // Lists show whole blocks (feeds keep Hugo's plain-text summary, below).
        let listSummary = page.hasMoreMarker
            ? (html: BlockSummary.withoutHeadingIDs(page.summaryHTML), truncated: page.truncated)
            : BlockSummary.automatic(page.html, words: summaryLength)
        // Code is highlighted on pages only (feeds keep plain code): after the summary is cut,
        // so the automatic summary and the word count never see line numbers.
        var pageHTML = page.html
        var summaryHTML = listSummary.html
        if markup.highlightCodeFences {
            let code = CodeBlockHighlighter(lineNumbers: markup.lineNumbers)
            pageHTML = code.highlight(page.html)
            if ByteSearch.contains("<pre", in: summaryHTML) { summaryHTML = code.highlight(summaryHTML) }
        }
        let body = RenderedBody(
            html: pageHTML, summaryHTML: summaryHTML, hasMoreMarker: page.hasMoreMarker,
            truncated: listSummary.truncated, headings: headings, tocHTML: tocHTML, wordCount: page.words)
        let feedBody: FeedBody
        if forms.isSame {
            feedBody = FeedBody(html: page.html, summaryHTML: page.summaryHTML)
        } else {
            let feedForm = summarized(forms.feed, placement: placement, countsWords: false)
            feedBody = FeedBody(html: feedForm.html, summaryHTML: feedForm.summaryHTML)
        }
        return Output(body: body, feed: feedBody, diagnostics: (session.diagnostics + problems).sorted())
    }

    /// One form of the body with its summary: the author's divider, or Hugo's automatic one;
    /// and, when `countsWords`, its word count. The text without tags is made only for an
    /// automatic summary; words are counted while the tags are stripped.
    private func summarized(_ full: String, placement: MoreMarker.Placement?, countsWords: Bool = true)
        -> (html: String, summaryHTML: String, hasMoreMarker: Bool, truncated: Bool, words: Int)
    {
        if let placement, let split = MoreMarker.split(full, placement: placement) {
            let words = countsWords ? HugoText.wordCount(ofHTML: split.body) : 0
            return (split.body, split.summary, true, split.hasRest, words)
        }
        let hugoPlain = HugoText.stripHTML(full)
        let (summary, cut) = HugoText.truncateToWholeSentence(hugoPlain, words: summaryLength)
        let text = summary.trimmingGoWhitespace()
        let words = countsWords ? HugoText.totalWords(hugoPlain) : 0
        return (full, text.isEmpty ? "" : "<p>\(text)</p>", false, cut, words)
    }

    /// Block quotes, lists, emphasis and links nested deeper than this get a warning.
    public static let reasonableNesting = 100

    /// A Markdown snippet (a title, a description) as HTML; a single paragraph loses its `<p>`
    /// as with Hugo's `markdownify`. No shortcodes, no heading ids.
    public func renderMarkdown(_ markdown: String, context: RenderContext) -> String {
        HugoText.trimShortHTML(self.markdown.renderHTML(markdown))
    }
}

/// A page body as feeds show it: admonitions as plain block quotes, videos as links, images
/// without lazy loading (readers show items away from the site, often without scripts).
public struct FeedBody: Sendable {
    /// The whole body.
    public var html: String
    /// The summary: the HTML before the author's divider, or Hugo's automatic one (the first
    /// `summaryLength` words of the plain text, run on to the end of the sentence, in `<p>`).
    public var summaryHTML: String

    public init(html: String, summaryHTML: String) {
        self.html = html
        self.summaryHTML = summaryHTML
    }
}
