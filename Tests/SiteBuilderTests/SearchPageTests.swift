import Foundation
import Testing
@testable import SiteBuilder

/// `BuildOptions.search`: a search page per language for Pagefind, and `site.search` for the
/// templates (the header links to the search page only then).
@Suite struct SearchPageTests {
    static let files = [
        "content/posts/a/index.en.md": "---\ntitle: A\ndate: 2024-01-01\n---\nHello\n",
        "content/posts/a/index.de.md": "---\ntitle: A (de)\ndate: 2024-01-01\n---\nHallo\n",
    ]

    static func build(_ site: TestSite, search: Bool) -> BuildResult {
        var options = BuildOptions(source: site.root, output: site.output)
        options.search = search
        return SiteGenerator(options: options).generate()
    }

    @Test func onePagePerLanguageOnlyWithSearch() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let plain = Self.build(site, search: false)
        #expect(!plain.paths.contains { $0.hasSuffix("search/index.html") })

        let result = Self.build(site, search: true)
        #expect(!result.hasErrors, "\(result.formattedDiagnostics)")
        let english = try #require(result.text("search/index.html"))
        let german = try #require(result.text("de/search/index.html"))
        #expect(english.contains("<html lang=\"en\" ") && english.contains("<h1 class=\"list-title\">Search</h1>"))
        #expect(german.contains("<html lang=\"de\" ") && german.contains("<h1 class=\"list-title\">Suche</h1>"))
        #expect(german.contains("<link rel=\"canonical\" href=\"https://example.org/de/search/\">"))
        #expect(german.contains("href=\"/de/index.xml\""), "the feed link is the language's feed")
        // Not a post: in no sitemap.
        for path in ["en/sitemap.xml", "de/sitemap.xml"] {
            let sitemap = try #require(result.text(path))
            #expect(!sitemap.contains("/search/"), "\(path)")
        }
    }

    @Test func followsTheLanguagePrefixRules() throws {
        let site = try TestSite(Self.files, config: TestSite.defaultConfig.replacingOccurrences(
            of: "defaultContentLanguage = \"en\"", with: "defaultContentLanguage = \"en\"\ndefaultContentLanguageInSubdir = true"))
        defer { site.remove() }
        let result = Self.build(site, search: true)
        #expect(result.paths.contains("en/search/index.html"))
        #expect(result.paths.contains("de/search/index.html"))
        #expect(!result.paths.contains("search/index.html"))
    }

    @Test func templatesSeeWhetherTheSiteHasSearch() throws {
        var files = Self.files
        files["layouts/single.mustache"] = "{{#site.search}}with search{{/site.search}}{{^site.search}}without{{/site.search}}"
        let site = try TestSite(files)
        defer { site.remove() }
        #expect(Self.build(site, search: true).text("posts/a/index.html") == "with search")
        #expect(Self.build(site, search: false).text("posts/a/index.html") == "without")
    }
}
