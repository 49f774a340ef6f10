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
        #expect(result.text("posts/a/index.html")?.contains("<article class=\"post\">") == true)
        #expect(result.paths.contains("css/chronicle.css"))
    }

    @Test func escapesTitlesAndTagsInPages() throws {
        let site = try TestSite(page)
        defer { site.remove() }
        let html = try #require(site.build().text("posts/a/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<b>x</b>"))
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
