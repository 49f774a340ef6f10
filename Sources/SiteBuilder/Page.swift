import ContentParsing
import MarkdownRendering
import SiteCore

/// A content page, read and parsed, with its place in the site: what the link stage makes of a
/// loaded file. Immutable and shared by reference, so lists, taxonomies and the render stage
/// pass pages around without copying them.
public final class Page: Sendable {
    public let file: ContentFile
    public let document: Document
    public let metadata: PageMetadata
    /// Site-relative URL path with leading and trailing slash: `/de/posts/2024/a/`.
    public let relativeURL: String
    /// The key translations share (front matter `translationKey`, else the logical path).
    public let translationKey: String
    /// Where the page's HTML goes in the output: `de/posts/2024/a/index.html`.
    public let outputPath: String

    /// `outputPath`: the output file of `relativeURL`, when the caller has it already.
    init(
        file: ContentFile, document: Document, metadata: PageMetadata, relativeURL: String, translationKey: String,
        outputPath: String? = nil
    ) {
        self.file = file
        self.document = document
        self.metadata = metadata
        self.relativeURL = relativeURL
        self.translationKey = translationKey
        self.outputPath = outputPath ?? URLPaths.outputFile(forURL: relativeURL)
    }

    public var language: String { file.language }
    /// Where the page's bundle resources go in the output: beside its `index.html`, or in the
    /// folder named like its ugly `a.html`.
    public var resourceFolder: String {
        if outputPath.hasSuffix("index.html") { return String(outputPath.dropLast("index.html".count)) }
        return outputPath.hasSuffix(".html") ? String(outputPath.dropLast(".html".count)) + "/" : outputPath + "/"
    }
    public var section: String { file.section }
    /// A regular page (not an `_index.md` list page) inside a section, like `posts/…`.
    public var isPost: Bool { isRegular && !section.isEmpty }
    /// Not an `_index.md` list page.
    public var isRegular: Bool { file.kind != .branchBundle }

    /// The date to sort and show: `date`, else `publishDate`, else `lastmod`.
    public var displayDate: ContentDate? { metadata.date ?? metadata.publishDate ?? metadata.lastmod }
}
