import ContentParsing
import MarkdownRendering
import SiteCore

/// A content page, read and parsed, with its place in the site.
public struct Page: Sendable {
    public var file: ContentFile
    public var document: Document
    public var metadata: PageMetadata
    /// Site-relative URL path with leading and trailing slash: `/de/posts/2024/a/`.
    public var relativeURL: String
    /// The key translations share (front matter `translationKey`, else the logical path).
    public var translationKey: String
    /// Filled in by the render stage.
    public var body: RenderedBody?
    /// The body as feeds show it (admonitions as blockquotes, videos as links); regular pages only.
    public var feedBody: RenderedBody?

    public var language: String { file.language }
    public var section: String { file.section }
    /// A regular page (not an `_index.md` list page) inside a section, like `posts/…`.
    public var isPost: Bool { isRegular && !section.isEmpty }
    /// Not an `_index.md` list page.
    public var isRegular: Bool { file.kind != .branchBundle }

    /// The date to sort and show: `date`, else `publishDate`, else `lastmod`.
    public var displayDate: ContentDate? { metadata.date ?? metadata.publishDate ?? metadata.lastmod }

    /// Where the page's HTML goes in the output: `de/posts/2024/a/index.html`.
    public var outputPath: String {
        URLPaths.outputFile(forURL: relativeURL)
    }
}
