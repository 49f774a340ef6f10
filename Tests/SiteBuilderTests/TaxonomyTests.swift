import Foundation
import Testing
@testable import SiteBuilder

@Suite struct TaxonomyTests {
    static func post(_ title: String, _ date: String, tags: [String], categories: [String] = []) -> String {
        let tagList = tags.map { "\"\($0)\"" }.joined(separator: ", ")
        let categoryList = categories.map { "\"\($0)\"" }.joined(separator: ", ")
        return "---\ntitle: \"\(title)\"\ndate: \(date)\ntags: [\(tagList)]\ncategories: [\(categoryList)]\n---\nBody of \(title).\n"
    }

    @Test func mergesTermsBySlugAndKeepsUnicodeLetters() throws {
        let site = try TestSite([
            "content/posts/a/index.de.md": Self.post("A", "2024-01-01T10:00:00+01:00", tags: ["ARM64", "Änderungen"]),
            "content/posts/b/index.de.md": Self.post("B", "2024-02-01T10:00:00+01:00", tags: ["arm64"]),
            "content/posts/c/index.de.md": Self.post("C", "2024-03-01T10:00:00+01:00", tags: ["Single Sign On"]),
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(result.paths.isSuperset(of: [
            "de/tags/arm64/index.html", "de/tags/arm64/index.xml", "de/tags/änderungen/index.html",
            "de/tags/single-sign-on/index.html", "de/tags/index.html", "de/tags/index.xml",
        ]))
        #expect(!result.paths.contains("de/tags/ARM64/index.html"))
        let term = try #require(result.text("de/tags/arm64/index.html"))
        #expect(term.contains("href=\"/de/posts/a/\""))
        #expect(term.contains("href=\"/de/posts/b/\""))
        // The index sorts by count, then by name, and links percent-encoded URLs.
        let index = try #require(result.text("de/tags/index.html"))
        let arm = try #require(index.range(of: "/de/tags/arm64/"))
        let umlaut = try #require(index.range(of: "/de/tags/%C3%A4nderungen/"))
        let sso = try #require(index.range(of: "/de/tags/single-sign-on/"))
        #expect(arm.lowerBound < umlaut.lowerBound && umlaut.lowerBound < sso.lowerBound)
        #expect(index.contains("<span class=\"count\">2</span>"))
    }

    @Test(arguments: [(0, 1), (1, 1), (20, 1), (21, 2), (40, 2), (41, 3)])
    func paginatesTermPagesAtTheEdges(posts: Int, pages: Int) throws {
        var files: [String: String] = [:]
        for number in 0..<posts {
            files["content/posts/p\(number).md"] = Self.post("P\(number)", String(format: "2024-01-%02dT10:00:00Z", number % 28 + 1), tags: ["t"])
        }
        files["content/posts/other.md"] = Self.post("Other", "2023-01-01T10:00:00Z", tags: ["u"])
        let site = try TestSite(files)
        defer { site.remove() }
        let result = site.build()
        if posts == 0 {
            #expect(!result.paths.contains("tags/t/index.html"))
            return
        }
        #expect(result.paths.contains("tags/t/index.html"))
        #expect(result.paths.contains("tags/t/page/1/index.html"))
        for page in 2...max(2, pages) {
            #expect(result.paths.contains("tags/t/page/\(page)/index.html") == (page <= pages), "page \(page)")
        }
        #expect(!result.paths.contains("tags/t/page/\(pages + 1)/index.html"))
        #expect(ExpectedURLTests.redirectTarget(try #require(result.text("tags/t/page/1/index.html"))) == "https://example.org/tags/t/")
    }

    @Test("A long list's pager shows the first and last page and two on each side of the current, with gaps")
    func longPagerShowsAWindow() throws {
        var files: [String: String] = [:]
        for number in 0..<240 {  // 12 pages of 20
            files["content/posts/p\(number).md"] = Self.post("P\(number)", String(format: "2024-01-%02dT10:00:00Z", number % 28 + 1), tags: ["t"])
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let result = site.build()
        func numbers(_ path: String) throws -> String {
            let html = try #require(result.text(path))
            let start = try #require(html.range(of: "<span class=\"pager-numbers\">"))
            let end = try #require(html.range(of: "</span>\n", range: start.upperBound..<html.endIndex))
            // The page numbers and gaps as text: "1 … 4 5 [6] 7 8 … 12".
            return html[start.upperBound..<end.lowerBound]
                .replacingOccurrences(of: "<span class=\"current\" aria-current=\"page\">", with: "[")
                .replacingOccurrences(of: "<span class=\"pager-gap\">…", with: "…")
                .replacingOccurrences(of: "</span>", with: "]")
                .replacingOccurrences(of: "…]", with: "…")
                .replacingOccurrences(of: #"<a href="[^"]*">"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "</a>", with: "")
                .trimmingCharacters(in: .whitespaces)
        }
        #expect(try numbers("tags/t/index.html") == "[1] 2 3 … 12")
        #expect(try numbers("tags/t/page/6/index.html") == "1 … 4 5 [6] 7 8 … 12")
        #expect(try numbers("tags/t/page/4/index.html") == "1 2 3 [4] 5 6 … 12")
        #expect(try numbers("tags/t/page/12/index.html") == "1 … 10 11 [12]")
    }

    @Test func keepsAOneLanguagePostOutOfTheOtherLanguage() throws {
        let site = try TestSite([
            "content/posts/only-de/index.de.md": Self.post("Nur deutsch", "2024-01-01T10:00:00+01:00", tags: ["solo"]),
            "content/posts/both/index.de.md": Self.post("Beide", "2024-01-02T10:00:00+01:00", tags: ["x"]),
            "content/posts/both/index.en.md": Self.post("Both", "2024-01-02T10:00:00+01:00", tags: ["x"]),
        ])
        defer { site.remove() }
        let result = site.build()
        let germanEverywhere = ["de/index.html", "de/index.xml", "de/posts/index.html", "de/sitemap.xml", "de/tags/solo/index.html"]
        for path in germanEverywhere {
            #expect(result.text(path)?.contains("only-de") == true, "\(path)")
        }
        for path in ["index.html", "index.xml", "posts/index.html", "en/sitemap.xml", "posts/index.xml"] {
            #expect(result.text(path)?.contains("only-de") == false, "\(path)")
        }
        #expect(!result.paths.contains("tags/solo/index.html"))
    }
}
