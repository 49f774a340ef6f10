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

    public var language: String { file.language }
    public var section: String { file.section }
    public var isPost: Bool { file.kind != .branchBundle && !section.isEmpty }

    /// The date to sort and show: `date`, else `publishDate`, else `lastmod`.
    public var displayDate: ContentDate? { metadata.date ?? metadata.publishDate ?? metadata.lastmod }

    /// Where the page's HTML goes in the output: `de/posts/2024/a/index.html`.
    public var outputPath: String {
        URLPaths.outputFile(forURL: relativeURL)
    }
}
