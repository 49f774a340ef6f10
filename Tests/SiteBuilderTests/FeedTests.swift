import Foundation
import Testing
@testable import SiteBuilder

@Suite struct FeedTests {
    static let config = TestSite.defaultConfig + """

        [params.feed]
        fullText = true
        """

    @Test func escapesTitlesAndBodiesOnceAndSplitsCDATA() throws {
        let site = try TestSite([
            "content/posts/x/index.en.md": """
                ---
                title: "Fish & Chips <b>bold</b> ]]> 🐮"
                date: 2024-01-17T11:19:02+02:00
                tags: ["a&b"]
                ---
                Text with & and <span data-x="]]>">raw</span> and `]]>` and 🐋.
                """,
        ], config: Self.config + "\n[markup.goldmark.renderer]\nunsafe = true\n")
        defer { site.remove() }
        let feed = try #require(site.build().text("index.xml"))
        #expect(feed.contains("<title>Fish &amp; Chips &lt;b&gt;bold&lt;/b&gt; ]]&gt; 🐮</title>"))
        #expect(feed.contains("<category>a&amp;b</category>"))
        #expect(feed.contains("<span data-x=\"]]]]><![CDATA[>\">raw</span>"))
        #expect(feed.contains("<code>]]&gt;</code>"))
        #expect(feed.contains("&lt;p&gt;Text with &amp;amp; and"))
        #expect(feed.contains("🐋"))
        #expect(feed.contains("<pubDate>Wed, 17 Jan 2024 11:19:02 +0200</pubDate>"))
        #expect(feed.contains("<guid isPermaLink=\"true\">https://example.org/posts/x/</guid>"))
        #expect(feed.contains("<atom:link href=\"https://example.org/index.xml\" rel=\"self\" type=\"application/rss+xml\"/>"))
        #expect(feed.contains("<language>en</language>"))
        #expect(feed.contains("<lastBuildDate>Wed, 17 Jan 2024 11:19:02 +0200</lastBuildDate>"))
    }

    @Test func makesRelativeLinksAbsoluteAgainstTheItem() throws {
        let site = try TestSite([
            "content/posts/x/index.de.md": """
                ---
                title: Links
                date: 2024-01-17T11:19:02+02:00
                ---
                [Bild](bild.png) ![Logo](/images/logo.svg) [Anker](#abschnitt) [Extern](https://example.com/a?b=1&c=2) [Hoch](../y/)
                """,
        ], config: Self.config)
        defer { site.remove() }
        let feed = try #require(site.build().text("de/index.xml"))
        #expect(feed.contains("href=\"https://example.org/de/posts/x/bild.png\""))
        #expect(feed.contains("src=\"https://example.org/images/logo.svg\""))
        #expect(feed.contains("href=\"https://example.org/de/posts/x/#abschnitt\""))
        #expect(feed.contains("href=\"https://example.com/a?b=1&amp;c=2\""))
        #expect(feed.contains("href=\"https://example.org/de/posts/y/\""))
        #expect(!feed.contains("href=\"bild.png\""))
    }

    @Test func turnsAdmonitionsIntoBlockquotesAndVideosIntoLinks() throws {
        let site = try TestSite([
            "content/posts/x/index.en.md": """
                ---
                title: Boxes
                date: 2024-01-17T11:19:02+02:00
                ---
                {{< admonition type=warning title="Careful" >}}
                Mind the **gap**.
                {{< /admonition >}}

                {{< youtube dQw4w9WgXcQ >}}
                """,
        ], config: Self.config)
        defer { site.remove() }
        let result = site.build()
        let feed = try #require(result.text("index.xml"))
        #expect(feed.contains("<blockquote><p><strong>Careful</strong></p>"))
        #expect(feed.contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
        #expect(!feed.contains("<iframe"))
        #expect(!feed.contains("<details"))
        let page = try #require(result.text("posts/x/index.html"))
        #expect(page.contains("<details class=\"admonition warning\" open>"))
        #expect(page.contains("youtube-nocookie.com/embed/dQw4w9WgXcQ"))
    }

    @Test func limitsItemsAsTheThemeParamsSay() throws {
        var files: [String: String] = [:]
        for number in 1...8 {
            files["content/posts/p\(number).md"] = "---\ntitle: P\(number)\ndate: 2024-01-0\(number)T10:00:00Z\ntags: [t]\n---\nx\n"
        }
        let site = try TestSite(files, config: TestSite.defaultConfig + "\n[params.home]\nrss = 3\n[params.list]\nrss = 2\n")
        defer { site.remove() }
        let result = site.build()
        let home = try #require(result.text("index.xml"))
        #expect(home.components(separatedBy: "<item>").count - 1 == 3)
        #expect(home.range(of: "P8")!.lowerBound < home.range(of: "P7")!.lowerBound)
        #expect(try #require(result.text("tags/t/index.xml")).components(separatedBy: "<item>").count - 1 == 2)
        #expect(try #require(result.text("posts/index.xml")).components(separatedBy: "<item>").count - 1 == 8)
    }
}
