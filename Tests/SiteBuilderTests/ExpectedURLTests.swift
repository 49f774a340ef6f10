import Foundation
import Testing
@testable import SiteBuilder

/// Every path Hugo 0.111 writes for the real blog exists in Chronicle's build, of the same kind.
@Suite struct ExpectedURLTests {
    struct Expected {
        var path: String
        var kind: String
    }

    static func expected() throws -> [Expected] {
        try String(contentsOf: RepoPaths.expectedURLs, encoding: .utf8).split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t", maxSplits: 1)
            guard columns.count == 2 else { return nil }
            return Expected(path: String(columns[0].dropFirst()), kind: String(columns[1]))
        }
    }

    static func redirectTarget(_ html: String) -> String? {
        guard let range = html.range(of: #"content="0; url=([^"]*)""#, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst("content=\"0; url=".count).dropLast())
    }

    @Test func writesEveryExpectedPathOfItsKind() throws {
        let result = HugoBlogTests.result
        let expected = try Self.expected()
        #expect(expected.count == 493)
        var problems: [String] = []
        for entry in expected {
            guard let text = result.text(entry.path) else {
                problems.append("missing \(entry.path)")
                continue
            }
            switch entry.kind {
            case "html", "404":
                if !text.hasPrefix("<!DOCTYPE html>") || Self.redirectTarget(text) != nil { problems.append("not a page: \(entry.path)") }
            case "feed":
                if !text.contains("<rss version=\"2.0\"") { problems.append("not a feed: \(entry.path)") }
            case "sitemap":
                if !text.contains("<urlset") && !text.contains("<sitemapindex") { problems.append("not a sitemap: \(entry.path)") }
            case "robots":
                if !text.contains("Sitemap: https://mailcow.email/sitemap.xml") { problems.append("robots.txt has no sitemap") }
            default:
                let target = entry.kind.replacingOccurrences(of: "redirect -> ", with: "")
                let actual = Self.redirectTarget(text)
                if actual != target { problems.append("\(entry.path) redirects to \(actual ?? "nothing"), not \(target)") }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(30))")
    }

    @Test func sitemapsLinkTranslationsWithHreflang() throws {
        let sitemap = try #require(HugoBlogTests.result.text("de/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://mailcow.email/de/posts/2023/mailcow-idp/</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://mailcow.email/posts/2023/mailcow-idp/\"/>"))
        let index = try #require(HugoBlogTests.result.text("sitemap.xml"))
        #expect(index.contains("<loc>https://mailcow.email/en/sitemap.xml</loc>"))
        #expect(index.contains("<loc>https://mailcow.email/de/sitemap.xml</loc>"))
    }

    @Test func paginatesHomeByTenAndListsByTwenty() throws {
        let result = HugoBlogTests.result
        // 51 German posts: 6 home pages of 10, 3 section pages of 20.
        #expect(result.paths.contains("de/page/6/index.html"))
        #expect(!result.paths.contains("de/page/7/index.html"))
        #expect(result.paths.contains("de/posts/page/3/index.html"))
        #expect(!result.paths.contains("de/posts/page/4/index.html"))
        let home = try #require(result.text("de/index.html"))
        #expect(home.components(separatedBy: "class=\"summary\"").count - 1 == 10)
        let last = try #require(result.text("de/page/6/index.html"))
        #expect(last.components(separatedBy: "class=\"summary\"").count - 1 == 1)
    }
}
