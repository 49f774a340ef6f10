import Foundation
import Testing
@testable import SiteBuilder

/// `[permalinks]` in the link stage: which front matter field claims a URL, and titles that
/// would make a URL outside the site.
@Suite struct PermalinkURLTests {
    static let config = TestSite.defaultConfig + "\n[permalinks]\nposts = \"/:year/:slug/\"\n"

    /// With `:slug` in the pattern, a slug that makes another page's URL is the claimer: the
    /// page whose URL comes from its title keeps it, the error is at the slug.
    @Test func aSlugThroughThePatternDoesNotTakeAnotherPagesURL() throws {
        let site = try TestSite([
            "content/posts/a.md": "---\ntitle: Claimer\ndate: 2024-01-02T00:00:00Z\nslug: owner\n---\nclaims\n",
            "content/posts/b.md": "---\ntitle: Owner\ndate: 2024-05-06T00:00:00Z\n---\nowns\n",
        ], config: Self.config)
        defer { site.remove() }
        let result = site.build()
        #expect(result.formattedDiagnostics == [
            "content/posts/a.md:4:7: error: slug 'owner' gives this page the URL '/2024/owner/', which another page already has; page not written [url.duplicate]\n"
                + "content/posts/b.md: note: '/2024/owner/' is the URL of this page",
        ])
        #expect(result.text("2024/owner/index.html")?.contains("owns") == true)
    }

    /// A pattern without `:slug` ignores the slug: two pages with one title share a URL, and
    /// neither's slug is blamed.
    @Test func aSlugThePatternDoesNotUseClaimsNothing() throws {
        let site = try TestSite([
            "content/posts/a.md": "---\ntitle: Same\ndate: 2024-01-02T00:00:00Z\nslug: other\n---\nfirst\n",
            "content/posts/b.md": "---\ntitle: Same\ndate: 2024-05-06T00:00:00Z\n---\nsecond\n",
        ], config: TestSite.defaultConfig + "\n[permalinks]\nposts = \"/:title/\"\n")
        defer { site.remove() }
        let result = site.build()
        #expect(result.formattedDiagnostics == [
            "content/posts/b.md: error: page has the URL '/same/', which another page already has; page not written [url.duplicate]\n"
                + "content/posts/a.md: note: '/same/' is the URL of this page",
        ])
        #expect(!result.paths.contains("other/index.html"))
    }

    /// `..` in a title kept by urlize would climb out of the site through `:title`.
    @Test func aTitleThatClimbsOutIsAnError() throws {
        let site = try TestSite([
            "content/posts/a.md": "---\ntitle: \"..\"\ndate: 2024-01-02T00:00:00Z\n---\nx\n",
        ], config: TestSite.defaultConfig + "\n[permalinks]\nposts = \"/:title/\"\n")
        defer { site.remove() }
        let result = site.build()
        #expect(result.formattedDiagnostics == [
            "content/posts/a.md:2:8: error: the permalink '/:title/' makes the page URL '/../', which points outside the site; page not written [url.outside]",
        ])
    }

    /// A German page's `ref` and its English translation's language switch use the URL the
    /// German pattern makes.
    @Test func refsFollowThePattern() throws {
        let site = try TestSite([
            "content/posts/a/index.de.md": "---\ntitle: Ziel\ndate: 2024-01-02T00:00:00Z\n---\nx\n",
            "content/posts/b/index.de.md": "---\ntitle: Quelle\ndate: 2024-01-03T00:00:00Z\n---\n[Ziel]({{< ref \"posts/a\" >}})\n",
        ], config: TestSite.defaultConfig + "\n[languages.de.permalinks]\nposts = \"/:year/:filename/\"\n")
        defer { site.remove() }
        let result = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.formattedDiagnostics)")
        #expect(result.text("de/2024/b/index.html")?.contains("href=\"/de/2024/a/\"") == true)
    }
}
