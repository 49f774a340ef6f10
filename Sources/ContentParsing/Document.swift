import SiteCore

/// A content file split into front matter and body, with the body's shortcodes parsed.
public struct Document: Sendable {
    public var source: SourceFile
    public var frontMatter: FrontMatter
    /// The body as written (after the front matter's closing line).
    public var body: String
    /// UTF-8 offset of the body in `source.text`.
    public var bodyOffset: Int
    /// 1-based line of the body's first line in the source file.
    public var bodyStartLine: Int
    /// The body split into Markdown text and shortcode calls.
    public var nodes: [BodyNode]
    /// Calls of shortcodes the catalog does not know (reported as `shortcode.unknown`); they
    /// are left out of `nodes`.
    public var unknownShortcodes: [ShortcodeCall] = []

    public init(
        source: SourceFile, frontMatter: FrontMatter, body: String,
        bodyOffset: Int, bodyStartLine: Int, nodes: [BodyNode]
    ) {
        self.source = source
        self.frontMatter = frontMatter
        self.body = body
        self.bodyOffset = bodyOffset
        self.bodyStartLine = bodyStartLine
        self.nodes = nodes
    }
}
