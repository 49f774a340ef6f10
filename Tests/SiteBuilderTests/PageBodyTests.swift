import Foundation
import Testing
@testable import SiteBuilder

/// What a built site makes of post bodies for readers: summaries of whole blocks on list
/// pages (and Hugo's plain ones in feeds), videos in the theme's words, task lists.
@Suite struct PageBodyTests {
    private let post = """
        ---
        title: "A"
        date: 2024-01-01
        ---
        ## Was ist neu?

        Drei Dinge:

        - schneller
        - kleiner

        ## Details

        \(String(repeating: "Wort ", count: 80))
        """

    @Test func listPagesShowSummariesOfWholeBlocks() throws {
        let site = try TestSite(["content/posts/a.md": post], config: TestSite.defaultConfig.replacingOccurrences(of: "title = \"Test\"", with: "title = \"Test\"\nsummaryLength = 6"))
        defer { site.remove() }
        let result = site.build()
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<div class=\"summary-text\"><h2>Was ist neu?</h2>\n<p>Drei Dinge:</p>\n<ul>\n<li>schneller</li>\n<li>kleiner</li>\n</ul></div>"))
        #expect(home.contains("class=\"read-more\""))
        #expect(!home.contains("id=\"was-ist-neu\""))
        // The post keeps its ids; the feed keeps Hugo's plain summary.
        #expect(result.text("posts/a/index.html")?.contains("<h2 id=\"was-ist-neu\">Was ist neu?</h2>") == true)
        let feed = try #require(result.text("index.xml"))
        #expect(feed.contains("<description>&lt;p&gt;Was ist neu? Drei Dinge:\nschneller kleiner Details Wort"))
        #expect(!feed.contains("&lt;h2"))
    }

    @Test func tagPagesHaveNoDuplicateHeadingIDs() throws {
        let manual = "---\ntitle: \"%@\"\ntags: [x]\n---\n## Intro\n\nText.\n\n<!--more-->\n\nRest.\n"
        let site = try TestSite([
            "content/posts/a.md": manual.replacingOccurrences(of: "%@", with: "A"),
            "content/posts/b.md": manual.replacingOccurrences(of: "%@", with: "B"),
        ])
        defer { site.remove() }
        let tag = try #require(site.build().text("tags/x/index.html"))
        #expect(tag.components(separatedBy: "<h2>Intro</h2>").count == 3)
        #expect(!tag.contains("id=\"intro\""))
    }

    /// A summary shows on list pages: its bundle image and footnote links lead to the post.
    @Test func summaryLinksWorkOnListPages() throws {
        let body = "---\ntitle: \"A\"\n---\nSee ![cow](cow.png), [the guide](guide/), [home](/about/) and [x](https://example.org/)[^1].\n\n[^1]: A note.\n"
        let site = try TestSite(["content/posts/a/index.md": body], config: TestSite.defaultConfig.replacingOccurrences(
            of: "baseURL = \"https://example.org/\"", with: "baseURL = \"https://example.org/blog/\""))
        defer { site.remove() }
        let result = site.build()
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<img src=\"/blog/posts/a/cow.png\" alt=\"cow\" decoding=\"async\" />"))
        #expect(home.contains("<a href=\"/blog/posts/a/guide/\">the guide</a>"))
        #expect(home.contains("<a href=\"/about/\">home</a>"))
        #expect(home.contains("<a href=\"https://example.org/\">x</a>"))
        #expect(home.contains("href=\"/blog/posts/a/#fn-1\""))
        // The post itself keeps the links as written.
        #expect(result.text("posts/a/index.html")?.contains("<img src=\"cow.png\" alt=\"cow\" decoding=\"async\" />") == true)
    }

    @Test func videosSpeakThePageLanguageFromTheThemeStrings() throws {
        let video = "---\ntitle: \"V\"\n---\n{{< youtube QiDDczFSeKQ >}}\n"
        let site = try TestSite(["content/posts/v/index.en.md": video, "content/posts/v/index.de.md": video])
        defer { site.remove() }
        let result = site.build()
        let german = try #require(result.text("de/posts/v/index.html"))
        #expect(german.contains("<span class=\"video-embed-title\">YouTube-Video</span><span class=\"video-embed-note\">Lädt das Video von YouTube (youtube-nocookie.com); YouTube erhält dabei Ihre IP-Adresse.</span>"))
        #expect(!german.contains("<iframe"))
        let english = try #require(result.text("posts/v/index.html"))
        #expect(english.contains("data-embed=\"https://www.youtube-nocookie.com/embed/QiDDczFSeKQ?autoplay=1\""))
        #expect(english.contains("<span class=\"video-embed-title\">YouTube video</span>"))
    }

    @Test func siteThemeStringsNameTheVideo() throws {
        let site = try TestSite([
            "content/posts/v.md": "---\ntitle: \"V\"\n---\n{{< youtube QiDDczFSeKQ >}}\n",
            "themes/mine/i18n/en.toml": "\"video.title\" = \"A film\"\n\"video.note\" = \"Asks YouTube.\"\n",
        ], config: TestSite.defaultConfig.replacingOccurrences(of: "title = \"Test\"", with: "title = \"Test\"\ntheme = \"mine\""))
        defer { site.remove() }
        let html = try #require(site.build().text("posts/v/index.html"))
        #expect(html.contains("<span class=\"video-embed-title\">A film</span><span class=\"video-embed-note\">Asks YouTube.</span>"))
    }

    @Test func taskListsAreLabelled() throws {
        let site = try TestSite(
            ["content/posts/t.md": "---\ntitle: \"T\"\n---\n- [x] Backup\n- [ ] Update\n"],
            config: TestSite.defaultConfig.replacingOccurrences(of: "title = \"Test\"", with: "title = \"Test\"\n[params.feed]\nfullText = true"))
        defer { site.remove() }
        let result = site.build()
        let html = try #require(result.text("posts/t/index.html"))
        #expect(html.contains("<ul class=\"contains-task-list\">\n<li class=\"task-list-item\"><label><input type=\"checkbox\" checked=\"\" disabled=\"\" /> Backup</label></li>"))
        let feed = try #require(result.text("index.xml"))
        #expect(feed.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> Backup</li>"))
        #expect(!feed.contains("task-list"))
    }
}
