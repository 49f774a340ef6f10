import SiteCore

/// What Chronicle understands of a page's front matter (DESIGN.md §5); everything it does not
/// know stays in `params` for the theme.
public struct PageMetadata: Sendable {
    public var title: String = ""
    public var date: ContentDate?
    public var lastmod: ContentDate?
    public var publishDate: ContentDate?
    public var expiryDate: ContentDate?
    public var draft = false
    public var author: String?
    public var authorLink: String?
    public var description: String?
    /// A summary written in front matter; wins over `<!--more-->` and the automatic one.
    public var summary: String?
    /// Taxonomy terms as written, by plural taxonomy name (`tags`, `categories`).
    public var taxonomies: [String: [String]] = [:]
    /// `toc: true` (nil when the page does not say).
    public var toc: Bool?
    public var featuredImage: String?
    public var featuredImagePreview: String?
    public var slug: String?
    public var url: String?
    public var aliases: [String] = []
    public var translationKey: String?
    public var weight: Int = 0
    /// Every front matter key, including the ones above, for templates.
    public var params: [String: ParamValue] = [:]

    public init() {}

    public var tags: [String] { taxonomies["tags"] ?? [] }
    public var categories: [String] { taxonomies["categories"] ?? [] }
}
