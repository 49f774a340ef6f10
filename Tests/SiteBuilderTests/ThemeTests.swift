import Foundation
import Testing
@testable import SiteBuilder

@Suite struct ThemeTests {
    let page = ["content/posts/a.md": "---\ntitle: \"<script>alert(1)</script>\"\ntags: [\"<b>x</b>\"]\n---\nHello\n"]

    @Test func fallsBackToTheBuiltInThemeWithAWarning() throws {
        let site = try TestSite(page, config: TestSite.defaultConfig.replacingOccurrences(
            of: "title = \"Test\"", with: "title = \"Test\"\ntheme = [\"FixIt\"]"))
        defer { site.remove() }
        let result = site.build()
        #expect(result.formattedDiagnostics == [
            "config.toml: warning: theme 'FixIt' not found in themes/; using Chronicle's default theme [theme.missing]",
            "content/posts/a.md:2:8: warning: 'title' contains HTML ('<script>'); it is shown as text, not as markup [frontmatter.html]",
        ])
        #expect(result.text("posts/a/index.html")?.contains("<article class=\"post\" data-pagefind-body>") == true)
        #expect(result.paths.contains("css/chronicle.css"))
    }

    /// The footer prints the config's HTML (FixIt's `icp`, `license`), closed where the author
    /// forgot: the real blog's German `icp` lacks its last `</a>`, which made the rest of every
    /// page a link.
    @Test func footerHTMLFromTheConfigIsBalanced() throws {
        let config = TestSite.defaultConfig.replacingOccurrences(of: "title = \"Test\"", with: """
            title = "Test"
            [params.footer]
            since = 2016
            icp = '<a href="/imprint/">Impressum</a> | <a href="/policy/">Datenschutz'
            license = '</b><span>CC BY</span></i>'
            """)
        let site = try TestSite(page, config: config)
        defer { site.remove() }
        let html = try #require(site.build().text("posts/a/index.html"))
        #expect(html.contains("<p class=\"footer-links\"><a href=\"/imprint/\">Impressum</a> | <a href=\"/policy/\">Datenschutz</a></p>"))
        #expect(html.contains("© 2016–"))
        #expect(html.contains(" <span>CC BY</span> · Built with Chronicle</p>"))
        #expect(HTMLSnippet.balanced("a <b>bold <i>both</b> x") == "a <b>bold <i>both</i></b> x")
        #expect(HTMLSnippet.balanced("<br>1 < 2 <img src=x>") == "<br>1 < 2 <img src=x>")
    }

    @Test func escapesTitlesAndTagsInPages() throws {
        let site = try TestSite(page)
        defer { site.remove() }
        let html = try #require(site.build().text("posts/a/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<b>x</b>"))
        #expect(html.contains("#&lt;b&gt;x&lt;/b&gt;</a>"), "the tag is shown, as text")
    }

    /// The line that leads to a post's translations reads well in both languages: the other
    /// language's own name after a label ("Andere Sprachen: English", not "Auch auf English").
    @Test func translationLineReadsInBothLanguages() throws {
        let post = "---\ntitle: \"A\"\n---\nText\n"
        let site = try TestSite(["content/posts/a/index.en.md": post, "content/posts/a/index.de.md": post])
        defer { site.remove() }
        let result = site.build()
        let german = try #require(result.text("de/posts/a/index.html"))
        #expect(german.contains("<p class=\"post-translations\">Andere Sprachen: <a href=\"/posts/a/\" hreflang=\"en\" lang=\"en\">English</a> </p>"))
        let english = try #require(result.text("posts/a/index.html"))
        #expect(english.contains("<p class=\"post-translations\">Other languages: <a href=\"/de/posts/a/\" hreflang=\"de\" lang=\"de\">Deutsch</a> </p>"))
    }

    /// The post footer links the post's categories and tags, in the page's language.
    @Test func postFooterListsCategoriesAndTags() throws {
        let post = "---\ntitle: \"A\"\ncategories: [Releases]\ntags: [Release, Logging]\n---\nHello\n"
        let site = try TestSite(["content/posts/a.md": post, "content/posts/b.md": "---\ntitle: \"B\"\n---\nNo terms\n"])
        defer { site.remove() }
        let result = site.build()
        let html = try #require(result.text("posts/a/index.html"))
        #expect(html.contains("<p class=\"post-categories\"><span class=\"label\">Categories:</span> <a href=\"/categories/releases/\">Releases</a> </p>"))
        #expect(html.contains("<p class=\"post-tags\"><span class=\"label\">Tags:</span> <a class=\"tag\" href=\"/tags/release/\">#Release</a> <a class=\"tag\" href=\"/tags/logging/\">#Logging</a> </p>"))
        let plain = try #require(result.text("posts/b/index.html"))
        #expect(!plain.contains("post-footer"))
    }

    @Test func siteLayoutsOverrideTheTheme() throws {
        var files = page
        files["layouts/single.mustache"] = "ONLY {{{content}}}"
        let site = try TestSite(files)
        defer { site.remove() }
        #expect(site.build().text("posts/a/index.html") == "ONLY <p>Hello</p>\n")
    }

    @Test func reportsATemplateSyntaxErrorWithItsPosition() throws {
        var files = page
        files["layouts/single.mustache"] = "<h1>{{title}}</h1>\n{{#tags}}\n<p>{{name}}</p>\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let result = site.build()
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains("template.syntax"))
        let syntax = try #require(result.diagnostics.first { $0.code == "template.syntax" })
        #expect(syntax.location.path == "layouts/single.mustache")
        #expect(syntax.location.line != nil)
        #expect(result.hasErrors)
    }
}
