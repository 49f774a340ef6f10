import Foundation
import Testing
@testable import SiteBuilder

@Suite struct PageURLTests {
    let post = "---\ntitle: \"A\"\ndate: 2024-01-17T11:19:02+02:00\n---\nBody\n"

    @Test func placesDefaultLanguageAtRootAndOthersUnderTheirCode() throws {
        let site = try TestSite([
            "content/posts/2024/Release-Notes/index.en.md": post,
            "content/posts/2024/Release-Notes/index.de.md": post,
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.formattedDiagnostics)")
        #expect(result.paths.contains("posts/2024/release-notes/index.html"))
        #expect(result.paths.contains("de/posts/2024/release-notes/index.html"))
    }

    @Test func honoursSlugAndURLFromFrontMatter() throws {
        let site = try TestSite([
            "content/posts/a/index.en.md": "---\ntitle: A\nslug: Better Name\n---\nx\n",
            "content/posts/b.md": "---\ntitle: B\nurl: /special/place/\n---\nx\n",
            "content/posts/c.de.md": "---\ntitle: C\n---\nx\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.paths.contains("posts/better-name/index.html"))
        #expect(result.paths.contains("special/place/index.html"))
        #expect(result.paths.contains("de/posts/c/index.html"))
    }

    @Test func linksTranslationsBothWays() throws {
        let site = try TestSite([
            "content/posts/x/index.en.md": "---\ntitle: Hello\n---\nx\n",
            "content/posts/x/index.de.md": "---\ntitle: Hallo\n---\nx\n",
        ])
        defer { site.remove() }
        let result = site.build()
        let english = try #require(result.text("posts/x/index.html"))
        let german = try #require(result.text("de/posts/x/index.html"))
        #expect(english.contains("href=\"/de/posts/x/\" hreflang=\"de\""))
        #expect(german.contains("href=\"/posts/x/\" hreflang=\"en\""))
        #expect(german.contains("<html lang=\"de\" "))
    }

    @Test func leavesOutDraftsAndFuturePostsUnlessAsked() throws {
        let site = try TestSite([
            "content/posts/draft.md": "---\ntitle: D\ndraft: true\n---\nx\n",
            "content/posts/future.md": "---\ntitle: F\ndate: 2999-01-01T00:00:00+01:00\n---\nx\n",
            "content/posts/expired.md": "---\ntitle: E\nexpiryDate: 2000-01-01T00:00:00Z\n---\nx\n",
        ])
        defer { site.remove() }
        let plain = site.build().paths
        #expect(!plain.contains("posts/draft/index.html"))
        #expect(!plain.contains("posts/future/index.html"))
        #expect(!plain.contains("posts/expired/index.html"))
        let all = site.build(drafts: true, future: true).paths
        #expect(all.contains("posts/draft/index.html"))
        #expect(all.contains("posts/future/index.html"))
    }

    @Test func copiesBundleResourcesNextToEachLanguage() throws {
        let site = try TestSite([
            "content/posts/x/index.en.md": "---\ntitle: X\nfeaturedImage: cover.svg\n---\n![a](cover.svg)\n",
            "content/posts/x/index.de.md": "---\ntitle: X\n---\nx\n",
            "content/posts/x/cover.svg": "<svg/>",
            "content/posts/x/img/detail.png": "png",
            "static/favicon.svg": "<svg/>",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.paths.isSuperset(of: [
            "posts/x/cover.svg", "de/posts/x/cover.svg", "posts/x/img/detail.png", "favicon.svg",
        ]))
        #expect(result.text("posts/x/index.html")?.contains("src=\"/posts/x/cover.svg\"") == true)
    }

    @Test func reportsTwoPagesWithTheSameURL() throws {
        let site = try TestSite([
            "content/posts/a.md": "---\ntitle: A\nurl: /same/\n---\nx\n",
            "content/posts/b.md": "---\ntitle: B\nurl: /same/\n---\nx\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.formattedDiagnostics == [
            "content/posts/b.md:3:6: error: url '/same/' gives this page the URL '/same/', which another page already has; page not written [url.duplicate]\n"
                + "content/posts/a.md:3:6: note: '/same/' is the URL of this page",
        ])
        #expect(result.text("same/index.html")?.contains("<h1") == true)
        #expect(result.text("same/index.html")?.contains(">A<") == true)
    }

    /// A slug that takes the URL another page has from its file path: that page keeps it, the
    /// error is on the slug, whatever the path order.
    @Test func aSlugDoesNotTakeAnotherPagesURL() throws {
        let site = try TestSite([
            "content/posts/a.md": "---\ntitle: Claimer\nslug: z\n---\nclaims\n",
            "content/posts/z.md": "---\ntitle: Owner\n---\nowns\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.formattedDiagnostics == [
            "content/posts/a.md:3:7: error: slug 'z' gives this page the URL '/posts/z/', which another page already has; page not written [url.duplicate]\n"
                + "content/posts/z.md: note: '/posts/z/' is the URL of this page",
        ])
        #expect(result.text("posts/z/index.html")?.contains("owns") == true)
        #expect(result.text("posts/z/index.html")?.contains("claims") == false)
    }

    /// `[uglyURLs] posts = true` (Hugo 0.111): the posts section's pages and list are ugly
    /// (`/posts/a.html`, `/posts.html`, `/posts/page/2.html`; the German ones under `/de`), other
    /// sections, the taxonomies, the home page and its pages are not; aliases stay folders.
    @Test func uglyURLsForOneSection() throws {
        let site = try TestSite([
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-02\ntags: [x]\naliases: [/old/]\n---\nx\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2024-01-01\n---\nx\n",
            "content/posts/a.de.md": "---\ntitle: A\ndate: 2024-01-02\n---\nx\n",
            "content/notes/n.md": "---\ntitle: N\ndate: 2024-01-03\n---\nx\n",
        ], config: TestSite.defaultConfig.replacingOccurrences(of: "[languages.en]", with: "paginate = 1\n[uglyURLs]\nposts = true\n[languages.en]"))
        defer { site.remove() }
        let result = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.formattedDiagnostics)")
        for path in ["posts/a.html", "posts/b.html", "de/posts/a.html", "posts.html", "posts/page/2.html", "posts/index.xml",
                     "notes/n/index.html", "notes/index.html", "tags/x/index.html", "page/2/index.html", "old/index.html"] {
            #expect(result.paths.contains(path), "\(path)")
        }
        #expect(!result.paths.contains("posts/a/index.html"))
        #expect(result.text("posts.html")?.contains("href=\"/posts/page/2.html\"") == true)
        #expect(result.text("de/posts/a.html")?.contains("hreflang=\"en\" href=\"https://example.org/posts/a.html\"") == true)
    }

    /// `uglyURLs = true`: a post's term links and its language switch lead to the ugly URLs
    /// the lists and pages are written at.
    @Test func uglyURLsEverywhereLinkToTheUglyPages() throws {
        let site = try TestSite([
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-02\ntags: [x]\ncategories: [News]\n---\nx\n",
            "content/posts/a.de.md": "---\ntitle: A\ndate: 2024-01-02\ntags: [x]\n---\nx\n",
        ], config: TestSite.defaultConfig.replacingOccurrences(of: "[languages.en]", with: "uglyURLs = true\n[languages.en]"))
        defer { site.remove() }
        let result = site.build()
        #expect(result.diagnostics.isEmpty, "\(result.formattedDiagnostics)")
        let html = try #require(result.text("posts/a.html"))
        #expect(html.contains("href=\"/tags/x.html\""))
        #expect(html.contains("href=\"/categories/news.html\""))
        #expect(html.contains("href=\"/de/posts/a.html\""))
        for path in ["tags/x.html", "categories/news.html", "tags.html", "de/tags/x.html", "posts.html"] {
            #expect(result.paths.contains(path), "\(path)")
        }
        #expect(result.text("tags.html")?.contains("href=\"/tags/x.html\"") == true)
    }
}
