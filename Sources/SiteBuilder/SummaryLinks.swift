import SiteCore

/// A summary's relative links made site-relative: summaries are shown on list pages, where a
/// post's `cow.png` (a bundle resource) or `#fn-1` would point somewhere else.
enum SummaryLinks {
    /// Every relative `href` and `src` of `html` resolved against `pageURL` (site-relative,
    /// `/blog/posts/a/`); site-relative and absolute links stay as they are.
    static func rewrite(_ html: String, pageURL: String) -> String {
        guard ByteSearch.contains("href=\"", in: html) || ByteSearch.contains("src=\"", in: html) else { return html }
        // Resolved against an origin of its own, which is taken off again.
        let origin = "https://chronicle.invalid"
        let absolute = AbsoluteLinks.rewrite(html, base: origin + pageURL)
        return ByteSearch.replacing("=\"" + origin + "/", with: "=\"/", in: absolute)
    }
}
