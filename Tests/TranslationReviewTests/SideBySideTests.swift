import Foundation
import Testing
import TranslationReview

@Suite struct SideBySideTests {
    static let english = ReviewSite.post("Update", """
        Intro with a [link](/posts/other/).

        ## Upgrade

        {{< admonition type=warning title="Back up first" >}}
        Make a backup.
        {{< /admonition >}}

        Update to 25.0.3 now.

        ## Thanks

        Thank you.
        """)
    static let german = ReviewSite.post("Aktualisierung", """
        Einleitung mit einem [Link](/de/posts/other/).

        ## Aktualisierung

        Jetzt auf 25.0.2 aktualisieren.

        ## Danke

        Danke euch.
        """)

    @Test("the side-by-side page marks an admonition only one language has and a changed version")
    func marksMissingAdmonitionAndChangedVersion() throws {
        let site = try ReviewSite([
            "content/posts/update/index.en.md": Self.english,
            "content/posts/update/index.de.md": Self.german,
            "content/posts/other/index.en.md": ReviewSite.post("Other", "x\n"),
            "content/posts/other/index.de.md": ReviewSite.post("Andere", "x\n"),
        ])
        defer { site.remove() }
        let review = try site.review(history: ChangeHistory(fileTime: { _ in Date(timeIntervalSince1970: 0) }))
        let group = try #require(review.group(id: "posts/update"))
        #expect(group.differences.map(\.message) == [
            "admonition only in English: warning “Back up first”",
            "version differs: English 25.0.3, Deutsch 25.0.2",
        ])
        #expect(group.differences.map(\.section) == ["Upgrade", "Upgrade"])
        #expect(group.differences.map(\.kind) == [.admonition, .version])

        let html = try #require(review.groupHTML(id: "posts/update"))
        // The admonition is outlined and flagged where it is, in the English column.
        #expect(html.contains(#"<span class="tr-flag tr-only" title="admonition only in English: warning “Back up first”">⚠ 1</span><details data-tr="only-in" class="admonition warning" open>"#))
        // Each version is wrapped and flagged in its column.
        #expect(html.contains(#"<mark class="tr-mark tr-differs">25.0.3</mark><span class="tr-flag tr-differs" title="version differs: English 25.0.3, Deutsch 25.0.2">≠ 2</span>"#))
        #expect(html.contains(#"<mark class="tr-mark tr-differs">25.0.2</mark><span class="tr-flag tr-differs""#))
        // The row's list names both, with the legend explaining the flags.
        #expect(html.contains(#"<li><span class="tr-flag tr-only">⚠ 1</span> admonition only in English: warning “Back up first”</li>"#))
        #expect(html.contains(#"<li><span class="tr-flag tr-differs">≠ 2</span> version differs: English 25.0.3, Deutsch 25.0.2</li>"#))
        #expect(html.contains(#"<dl class="legend""#))
        // Both columns are the real pages, each with a link to open it alone.
        #expect(html.contains(#"<a href="/posts/update/" hreflang="en">Open the English page alone ↗</a>"#))
        #expect(html.contains(#"<a href="/de/posts/update/" hreflang="de">Open the Deutsch page alone ↗</a>"#))
        #expect(html.contains("<p>Thank you.</p>") && html.contains("<p>Danke euch.</p>"))
    }

    @Test("sections are aligned by heading: section N of each language sits in one grid row")
    func alignsSections() throws {
        let site = try ReviewSite([
            "content/posts/update/index.en.md": Self.english,
            "content/posts/update/index.de.md": Self.german,
        ])
        defer { site.remove() }
        let html = try #require(try site.review().groupHTML(id: "posts/update"))
        let cells = html.components(separatedBy: #"<div class="cell" lang=""#).dropFirst().map { String($0.prefix(2)) }
        // Intro, Upgrade/Aktualisierung, Thanks/Danke: three rows of English then German.
        #expect(cells == ["en", "de", "en", "de", "en", "de"])
        let rows = Array(html.components(separatedBy: #"<div class="cell" lang=""#).dropFirst())
        #expect(rows[2].contains("id=\"upgrade\"") && rows[3].contains("id=\"aktualisierung\""))
        #expect(rows[4].contains("Thank you.") && rows[5].contains("Danke euch."))
    }

    @Test("a section only one language has gets a row of its own, with a gap in the other column")
    func sectionOnlyInOneLanguage() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("A", """
                ## Changelog 2024-05

                - one

                ## Known issues

                None.

                ## Thanks

                Thank you.
                """),
            "content/posts/a/index.de.md": ReviewSite.post("A", """
                ## Changelog 2024-05

                - eins

                ## Danke

                Danke.
                """),
        ])
        defer { site.remove() }
        let review = try site.review()
        let group = try #require(review.group(id: "posts/a"))
        #expect(group.differences.map(\.message) == ["section only in English: “Known issues”"])
        let html = try #require(review.groupHTML(id: "posts/a"))
        #expect(html.contains("∅</span> No matching section in Deutsch."))
        #expect(html.components(separatedBy: "No matching section").count == 2, "one gap only")
    }

    @Test("a faithful translation has no differences: links with a language prefix, dates in each language's style")
    func identicalStructureWithTranslatedText() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("Release", """
                Released on May 1, 2024 (version 2024-05a, 25.0.3), see [the notes](/posts/b/#changes) and
                [the docs](https://docs.example.org/en/install/). Backport 29th December 2023.

                ![Screenshot](shot.png)

                ## Install

                {{< admonition type=note title="Note" >}}
                Read this.
                {{< /admonition >}}

                ```bash
                docker compose pull
                ```

                | Name | Value |
                | --- | --- |
                | a | 1 |

                ### Details

                Eighty changes; see [Wikipedia](https://en.wikipedia.org/wiki/Mail).
                """),
            "content/posts/a/index.de.md": ReviewSite.post("Veröffentlichung", """
                Veröffentlicht am 1. Mai 2024 (Version 2024-05a, 25.0.3), siehe [die Hinweise](/de/posts/b/#aenderungen) und
                [die Doku](https://docs.example.org/de/install/). Backport am 29.12.2023.

                ![Bildschirmfoto](shot.png)

                ## Installation

                {{< admonition type=note title="Hinweis" >}}
                Lies das.
                {{< /admonition >}}

                ```bash
                docker compose pull
                ```

                | Name | Wert |
                | --- | --- |
                | a | 1 |

                ### Einzelheiten

                80 Änderungen; siehe [Wikipedia](https://de.wikipedia.org/wiki/Mail).
                """),
            "content/posts/b/index.en.md": ReviewSite.post("B", "## Changes\n"),
            "content/posts/b/index.de.md": ReviewSite.post("B", "## Änderungen\n"),
            "content/posts/a/shot.png": "png",
        ])
        defer { site.remove() }
        let review = try site.review(history: ChangeHistory(fileTime: { _ in Date(timeIntervalSince1970: 0) }))
        let group = try #require(review.group(id: "posts/a"))
        #expect(group.differences.map(\.message) == [])
        #expect(group.state == .complete)
        let html = try #require(review.groupHTML(id: "posts/a"))
        #expect(html.contains("No structural differences."))
        #expect(!html.contains(#"data-tr=""#) && !html.contains(#"" title=""#) && !html.contains("<mark"))
        // The bundle's image is shown from where the page has it.
        #expect(html.contains(#"src="/posts/a/shot.png""#) && html.contains(#"src="/de/posts/a/shot.png""#))
    }

    @Test("link targets that differ and links one language lacks are listed")
    func linkDifferences() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("A", "[a](https://example.com/a) [b](https://example.com/b)\n"),
            "content/posts/a/index.de.md": ReviewSite.post("A", "[a](https://example.com/x)\n"),
        ])
        defer { site.remove() }
        let group = try #require(try site.review().group(id: "posts/a"))
        #expect(group.differences.map(\.message) == [
            "link target differs: English https://example.com/a, Deutsch https://example.com/x",
            "link only in English: https://example.com/b",
        ])
        #expect(group.differences.first?.otherDetail == "https://example.com/x")
    }

    @Test("the overview lists every group with its state and links to its page; paths route to the pages")
    func overviewAndRoutes() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("Alpha", "x\n"),
            "content/posts/a/index.de.md": ReviewSite.post("Alpha DE", "x\n"),
            "content/posts/b b/index.de.md": ReviewSite.post("Beta", "x\n"),
        ])
        defer { site.remove() }
        let review = try site.review()
        let overview = review.overviewHTML()
        #expect(overview.hasPrefix("<!DOCTYPE html>"))
        #expect(overview.contains("prefers-color-scheme:dark"))
        #expect(overview.contains(#"<a href="/_translate/posts/a/">Alpha</a>"#))
        #expect(overview.contains(#"<a href="/_translate/posts/b%20b/">Beta</a>"#))
        #expect(overview.contains(#"<span class="badge state-missing">✗ missing</span> no English page"#))
        #expect(overview.contains(#"<span class="badge state-complete">✓ complete</span>"#))
        // Missing first.
        #expect(overview.range(of: "Beta")!.lowerBound < overview.range(of: "Alpha")!.lowerBound)
        #expect(review.group(id: "posts/b%20b")?.key == "posts/b b")
        #expect(review.group(id: "posts/b b")?.url == "/_translate/posts/b%20b/")
        #expect(review.html(forPath: "/_translate/") == overview)
        #expect(review.html(forPath: "/_translate/posts/a/") == review.groupHTML(id: "posts/a"))
        #expect(review.html(forPath: "/_translate/posts/zzz/") == nil)
        #expect(review.html(forPath: "/posts/a/") == nil)
    }
}
