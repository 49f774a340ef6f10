/// A content file cut into its front matter block and its body, before either is parsed.
public struct FrontMatterBlock: Sendable, Hashable {
    public var format: FrontMatterFormat
    /// The block as written: the lines between `---`/`+++` delimiters, or for JSON the whole
    /// object with its braces. Empty when there is no front matter.
    public var raw: String
    /// UTF-8 offset of `raw` in the source text.
    public var rawOffset: Int
    /// 1-based line of the first line of `raw` in the source file.
    public var rawStartLine: Int
    /// 1-based line of the opening delimiter (`---`, `+++`, `{`).
    public var openingLine: Int
    /// Everything after the block's closing line.
    public var body: String
    /// UTF-8 offset of `body` in the source text.
    public var bodyOffset: Int
    /// 1-based line of the body's first line in the source file.
    public var bodyStartLine: Int

    public init(
        format: FrontMatterFormat, raw: String, rawOffset: Int, rawStartLine: Int, openingLine: Int,
        body: String, bodyOffset: Int, bodyStartLine: Int
    ) {
        self.format = format
        self.raw = raw
        self.rawOffset = rawOffset
        self.rawStartLine = rawStartLine
        self.openingLine = openingLine
        self.body = body
        self.bodyOffset = bodyOffset
        self.bodyStartLine = bodyStartLine
    }

    /// A file without front matter: all of it is body.
    public static func bodyOnly(_ text: String) -> FrontMatterBlock {
        FrontMatterBlock(
            format: .none, raw: "", rawOffset: 0, rawStartLine: 1, openingLine: 1,
            body: text, bodyOffset: 0, bodyStartLine: 1)
    }
}
