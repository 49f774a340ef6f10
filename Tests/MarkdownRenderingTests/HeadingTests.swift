import ContentParsing
import MarkdownRendering
import Testing

@Suite struct HeadingTests {
    private func ids(_ markdown: String) -> [String] {
        Fixture.render(Fixture.document(markdown)).body.headings.map(\.id)
    }

    @Test(arguments: [
        ("God is good: 神真美好", "god-is-good-神真美好"),
        ("Number 32", "number-32"),
        ("Question?", "question"),
        ("1+2=3", "123"),
        ("Special !\"#$%&(parens)=?´* chars", "special-parens-chars"),
        ("Resumé", "resumé"),
        ("One-Hyphen", "one-hyphen"),
        ("Multiple--Hyphens", "multiple--hyphens"),
        ("Many   spaces  here", "many---spaces--here"),
        ("Forward/slash", "forwardslash"),
        ("Under_score", "under_score"),
        ("Stabile Änderungen (stable Branch)", "stabile-änderungen-stable-branch"),
        ("Release 🎉 2024", "release--2024"),
        ("🐮 + 🐋 = 💕", "----"),
        ("CVE-2023-34108", "cve-2023-34108"),
        ("İstanbul ΣΊΣΥΦΟΣ", "istanbul-σίσυφοσ"),
    ])
    func writesHugoGitHubStyleIDs(heading: String, id: String) {
        #expect(ids("## \(heading)\n") == [id])
    }

    @Test func takesTheIDFromTheSourceTextAsGoldmarkDoes() {
        #expect(ids("## First h2---now with typography!\n") == ["first-h2---now-with-typography"])
        #expect(ids("# A < B & C > D <div>foo</div>\n") == ["a--b--c--d-divfoodiv"])
        #expect(ids("## `code` and **bold** [link](http://a.b)\n") == ["code-and-bold-linkhttpab"])
        #expect(ids("## Closing hashes ##\n## Not#closing#\n") == ["closing-hashes", "notclosing"])
        #expect(ids("Setext *title*\n===\n\nSecond\nline\n---\n") == ["setext-title", "line"])
        #expect(ids("> ## Quoted\n\n- ### In a list\n") == ["quoted", "in-a-list"])
    }

    @Test func numbersRepeatedIDsWithinAPage() {
        #expect(ids("## Changelog\n## Changelog\n### Changelog\n## Changelog-1\n")
            == ["changelog", "changelog-1", "changelog-2", "changelog-1-1"])
        #expect(ids("## !!!\n## ???\n") == ["heading", "heading-1"])
    }

    @Test func writesTheIDOnTheHeading() {
        let html = Fixture.html("# Title\n\nText\n\n## Über *uns*\n")
        #expect(html == "<h1 id=\"title\">Title</h1>\n<p>Text</p>\n<h2 id=\"über-uns\">Über <em>uns</em></h2>\n")
    }

    @Test func honoursAttributeBlocks() {
        let body = Fixture.render(Fixture.document("## Custom {#my-id .wide}\n## Custom\n## Plain {#custom}\n")).body
        #expect(body.html == """
            <h2 id="my-id" class="wide">Custom</h2>
            <h2 id="custom">Custom</h2>
            <h2 id="custom">Plain</h2>

            """)
    }

    @Test func collectsHeadingTextWithoutMarkup() {
        let headings = Fixture.render(Fixture.document("## A &amp; *B* `c`\n#### Deep\n")).body.headings
        #expect(headings == [
            Heading(level: 2, text: "A & B c", id: "a-amp-b-c"),
            Heading(level: 4, text: "Deep", id: "deep"),
        ])
    }

    @Test func ignoresHeadingLikeTextInCode() {
        #expect(ids("```\n# not a heading\n```\n\n    ## indented code\n").isEmpty)
    }
}

@Suite struct TableOfContentsTests {
    private let markdown = """
        # Header 1

        ## First h2---now with typography!

        Some text.

        ### H3

        Some more text.

        ## Second h2

        And then some.

        ### Second H3

        #### First H4

        """

    @Test func matchesHugosTableOfContents() {
        let body = Fixture.render(Fixture.document(markdown)).body
        #expect(body.tocHTML == """
            <nav id="TableOfContents">
              <ul>
                <li><a href="#first-h2---now-with-typography">First h2—now with typography!</a>
                  <ul>
                    <li><a href="#h3">H3</a></li>
                  </ul>
                </li>
                <li><a href="#second-h2">Second h2</a>
                  <ul>
                    <li><a href="#second-h3">Second H3</a></li>
                  </ul>
                </li>
              </ul>
            </nav>
            """)
    }

    @Test func followsTheConfiguredLevels() {
        let markup = Fixture.markup { $0.tocStartLevel = 3; $0.tocEndLevel = 4 }
        let body = Fixture.render(Fixture.document(markdown), markup: markup).body
        #expect(body.tocHTML == """
            <nav id="TableOfContents">
              <ul>
                <li><a href="#h3">H3</a></li>
              </ul>

              <ul>
                <li><a href="#second-h3">Second H3</a>
                  <ul>
                    <li><a href="#first-h4">First H4</a></li>
                  </ul>
                </li>
              </ul>
            </nav>
            """)
    }

    @Test func writesAnEmptyItemForASkippedLevel() {
        let body = Fixture.render(Fixture.document("## Two\n#### Four\n")).body
        let markup = Fixture.markup { $0.tocEndLevel = 4 }
        let deep = Fixture.render(Fixture.document("## Two\n#### Four\n"), markup: markup).body
        #expect(body.tocHTML == """
            <nav id="TableOfContents">
              <ul>
                <li><a href="#two">Two</a>
                  <ul>
                    <li></li>
                  </ul>
                </li>
              </ul>
            </nav>
            """)
        #expect(deep.tocHTML == """
            <nav id="TableOfContents">
              <ul>
                <li><a href="#two">Two</a>
                  <ul>
                    <li>
                      <ul>
                        <li><a href="#four">Four</a></li>
                      </ul>
                    </li>
                  </ul>
                </li>
              </ul>
            </nav>
            """)
    }

    @Test func keepsInlineMarkupInEntries() {
        let body = Fixture.render(Fixture.document("## *Emphasis* and `code`\n")).body
        #expect(body.tocHTML.contains("<li><a href=\"#emphasis-and-code\"><em>Emphasis</em> and <code>code</code></a></li>"))
    }

    @Test func isEmptyWithoutHeadingsInRange() {
        #expect(Fixture.render(Fixture.document("Just text.\n")).body.tocHTML == "")
        #expect(Fixture.render(Fixture.document("# Only a title\n\n#### Too deep\n")).body.tocHTML == "")
    }
}
