import MarkdownRendering
import SiteCore

/// What the render stage makes of one page: its body in the page's form and in the feed's,
/// and the problems found on the way. Nothing in it is filled in later.
public struct RenderedPage: Sendable {
    /// The page's index in `LinkedSite.pages`.
    public let index: Int
    public let body: RenderedBody
    public let feed: FeedBody
    public let diagnostics: [Diagnostic]
}
