import Foundation
import Testing
@testable import SiteBuilder

/// `disableKinds` and `cascade` as Hugo 0.111 does them (checked on small sites with hugo).
@Suite struct HugoKindsAndCascadeTests {
    static let config = """
        baseURL = "https://example.org/"
        title = "Kinds"
        enableRobotsTXT = true

        """
    static let post = "---\ntitle: A\ndate: 2024-01-01T10:00:00+01:00\ntags: [x]\n---\nA.\n"

    static func build(disable kinds: [String]) throws -> BuildResult {
        let list = kinds.map { "\"\($0)\"" }.joined(separator: ", ")
        let site = try TestSite(["content/posts/a.md": post], config: config + "disableKinds = [\(list)]\n")
        defer { site.remove() }
        return site.build()
    }

    @Test func writesEveryKindWithoutDisableKinds() throws {
        let result = try Self.build(disable: [])
        #expect(result.paths.isSuperset(of: [
            "index.html", "index.xml", "posts/index.xml", "tags/index.html", "tags/index.xml",
            "tags/x/index.html", "tags/x/index.xml", "sitemap.xml", "robots.txt", "404.html",
        ]))
        #expect(result.text("posts/a/index.html")?.contains("application/rss+xml") == true)
    }

    @Test("taxonomy (and its old name taxonomyTerm) leaves out /tags/, not the term pages")
    func disablesTaxonomyPages() throws {
        for name in ["taxonomy", "taxonomyTerm"] {
            let result = try Self.build(disable: [name])
            #expect(!result.paths.contains("tags/index.html"), "\(name)")
            #expect(!result.paths.contains("tags/index.xml"), "\(name)")
            #expect(result.paths.contains("tags/x/index.html"), "\(name)")
            #expect(result.text("sitemap.xml")?.contains("<loc>https://example.org/tags/</loc>") == false)
            #expect(result.diagnostics.allSatisfy { $0.code != "config.unsupported" })
        }
    }

    @Test func disablesTermPages() throws {
        let result = try Self.build(disable: ["term"])
        #expect(!result.paths.contains("tags/x/index.html"))
        #expect(!result.paths.contains("tags/x/index.xml"))
        #expect(result.paths.contains("tags/index.html"))
        #expect(result.text("sitemap.xml")?.contains("/tags/x/") == false)
        // No page links to the term pages that are not written: the post and the tags page
        // name the term without a link.
        for page in ["posts/a/index.html", "tags/index.html"] {
            let html = try #require(result.text(page))
            #expect(!html.contains("href=\"/tags/x/\""), "\(page)")
        }
        #expect(result.text("posts/a/index.html")?.contains("<span class=\"tag\">#x</span>") == true)
    }

    @Test("RSS leaves out every feed and the links to them")
    func disablesFeeds() throws {
        let result = try Self.build(disable: ["RSS"])
        #expect(result.paths.filter { $0.hasSuffix(".xml") }.sorted() == ["sitemap.xml"])
        #expect(result.paths.contains("posts/index.html"))
        for page in ["index.html", "posts/a/index.html", "posts/index.html", "404.html"] {
            let html = try #require(result.text(page))
            #expect(!html.contains("index.xml"), "\(page)")
        }
    }

    @Test func disablesSitemapRobotsAnd404() throws {
        let noSitemap = try Self.build(disable: ["sitemap"])
        #expect(!noSitemap.paths.contains("sitemap.xml"))
        #expect(noSitemap.text("robots.txt") == "User-agent: *\n")
        let rest = try Self.build(disable: ["robotsTXT", "404"])
        #expect(!rest.paths.contains("robots.txt"))
        #expect(!rest.paths.contains("404.html"))
        #expect(rest.paths.contains("sitemap.xml"))
    }

    @Test("kinds Chronicle cannot leave out are written, with a warning at disableKinds")
    func warnsAboutOtherKinds() throws {
        let result = try Self.build(disable: ["section", "term"])
        #expect(result.paths.contains("posts/index.html"))
        #expect(result.formattedDiagnostics == [
            "config.toml:4:1: warning: 'disableKinds' is not supported: Chronicle disables only taxonomy, term, RSS, sitemap, "
                + "robotsTXT and 404, and still writes the 'section' pages [config.unsupported]",
        ])
    }

    @Test("cascade reaches the section and every page below it that does not set the value; the nearest wins")
    func cascadesToDescendants() throws {
        let site = try TestSite([
            "content/posts/_index.md": "---\ntitle: Posts\ncascade:\n  featuredImage: /cover.png\n  author: Cascaded Author\n---\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01T10:00:00+01:00\n---\nA.\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2024-01-02T10:00:00+01:00\nauthor: Own Author\n---\nB.\n",
            "content/posts/deep/_index.md": "---\ntitle: Deep\ncascade:\n- author: Deep Author\n- _target:\n    kind: page\n  author: Targeted\n---\n",
            "content/posts/deep/c.md": "---\ntitle: C\ndate: 2024-01-03T10:00:00+01:00\n---\nC.\n",
            "content/about.md": "---\ntitle: About\n---\nNo cascade here.\n",
            "static/cover.png": "png",
        ], config: Self.config)
        defer { site.remove() }
        let result = site.build()
        let a = try #require(result.text("posts/a/index.html"))
        #expect(a.contains("Cascaded Author"))
        #expect(a.contains("/cover.png"))
        let b = try #require(result.text("posts/b/index.html"))
        #expect(b.contains("Own Author") && !b.contains("Cascaded Author"))
        let c = try #require(result.text("posts/deep/c/index.html"))
        #expect(c.contains("Deep Author") && !c.contains("Targeted") && !c.contains("Cascaded Author"))
        #expect(c.contains("/cover.png"), "a value the nearer cascade does not set comes from further up")
        let about = try #require(result.text("about/index.html"))
        #expect(!about.contains("Cascaded Author") && !about.contains("/cover.png"))
        #expect(result.formattedDiagnostics.contains {
            $0.hasPrefix("content/posts/deep/_index.md:3:1: warning: 'cascade' is not supported: Chronicle applies only cascade entries without '_target'")
        })
    }
}
