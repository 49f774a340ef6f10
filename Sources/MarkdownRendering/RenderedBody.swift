/// A page body rendered to HTML, with what templates and lists need from it.
public struct RenderedBody: Sendable {
    /// The whole body.
    public var html: String
    /// The summary lists show: the HTML before `<!--more-->`, or the automatic summary of whole
    /// blocks (`BlockSummary`); headings without their ids. (Feeds have Hugo's plain-text
    /// automatic summary: `FeedBody.summaryHTML`.)
    public var summaryHTML: String
    /// The author set `<!--more-->` (at the top level, not inside a shortcode).
    public var hasMoreMarker: Bool
    /// There is more content than `summaryHTML`.
    public var truncated: Bool
    /// The headings of the body (not those inside shortcodes), in document order.
    public var headings: [Heading]
    /// Hugo's `<nav id="TableOfContents">…</nav>` for the configured levels; "" when no heading
    /// is in range.
    public var tocHTML: String
    /// Hugo's word count: runs of non-space characters in the plain text.
    public var wordCount: Int

    public init(
        html: String, summaryHTML: String, hasMoreMarker: Bool, truncated: Bool,
        headings: [Heading], tocHTML: String, wordCount: Int
    ) {
        self.html = html
        self.summaryHTML = summaryHTML
        self.hasMoreMarker = hasMoreMarker
        self.truncated = truncated
        self.headings = headings
        self.tocHTML = tocHTML
        self.wordCount = wordCount
    }

    /// The text with tags stripped as Hugo's `StripHTML` does (entities as written); made when
    /// asked for.
    public var strippedText: String { HugoText.stripHTML(html) }

    /// The text with tags stripped and entities decoded, for search (made when asked for).
    public var plainText: String {
        HTMLEscaping.unescape(strippedText).trimmingGoWhitespace()
    }
}
