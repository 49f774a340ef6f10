import ContentParsing
import MarkdownRendering
import Testing

@Suite struct MarkdownOptionsTests {
    @Test func omitsRawHTMLUnlessUnsafe() {
        let markdown = "<div class=\"x\">block</div>\n\nInline <span>html</span>.\n"
        let safe = Fixture.html(markdown)
        #expect(safe == "<!-- raw HTML omitted -->\n<p>Inline <!-- raw HTML omitted -->html<!-- raw HTML omitted -->.</p>\n")
        let unsafe = Fixture.html(markdown, markup: Fixture.markup { $0.unsafe = true })
        #expect(unsafe == "<div class=\"x\">block</div>\n<p>Inline <span>html</span>.</p>\n")
    }

    @Test func dropsDangerousLinksUnlessUnsafe() {
        #expect(Fixture.html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func usesSmartPunctuationOnlyWithTypographer() {
        let markdown = "\"Quoted\" -- and --- and... it's\n"
        #expect(Fixture.html(markdown) == "<p>“Quoted” – and — and… it’s</p>\n")
        let plain = Fixture.html(markdown, markup: Fixture.markup { $0.typographer = false })
        #expect(plain == "<p>&quot;Quoted&quot; -- and --- and... it's</p>\n")
    }

    @Test func rendersFootnotesOnlyWhenEnabled() {
        let markdown = "Text[^1].\n\n[^1]: The note.\n"
        let html = Fixture.html(markdown)
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
        let off = Fixture.html(markdown, markup: Fixture.markup { $0.footnote = false })
        #expect(!off.contains("footnote"))
        #expect(off.contains("[^1]"))
    }

    @Test func rendersTablesOnlyWhenEnabled() {
        let markdown = "| a | b |\n|---|:-:|\n| 1 | 2 |\n"
        #expect(Fixture.html(markdown) == """
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th style="text-align: center">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td style="text-align: center">2</td>
            </tr>
            </tbody>
            </table>

            """)
        #expect(!Fixture.html(markdown, markup: Fixture.markup { $0.table = false }).contains("<table>"))
    }

    @Test func rendersTaskListsOnlyWhenEnabled() {
        let markdown = "- [ ] open\n- [x] done\n"
        #expect(Fixture.html(markdown) == """
            <ul class="contains-task-list">
            <li class="task-list-item"><label><input type="checkbox" disabled="" /> open</label></li>
            <li class="task-list-item"><label><input type="checkbox" checked="" disabled="" /> done</label></li>
            </ul>

            """)
        #expect(Fixture.html(markdown, markup: Fixture.markup { $0.taskList = false })
            == "<ul>\n<li>[ ] open</li>\n<li>[x] done</li>\n</ul>\n")
    }

    @Test func rendersStrikethroughOnlyWhenEnabled() {
        #expect(Fixture.html("~~gone~~\n") == "<p><del>gone</del></p>\n")
        #expect(Fixture.html("~~gone~~\n", markup: Fixture.markup { $0.strikethrough = false })
            == "<p>~~gone~~</p>\n")
    }

    @Test func linksBareURLsOnlyWithLinkify() {
        let markdown = "See www.example.com and https://mailcow.email/posts.\n"
        #expect(Fixture.html(markdown) == "<p>See <a href=\"https://www.example.com\">www.example.com</a> and <a href=\"https://mailcow.email/posts\">https://mailcow.email/posts</a>.</p>\n")
        #expect(Fixture.html(markdown, markup: Fixture.markup { $0.linkify = false })
            == "<p>See www.example.com and https://mailcow.email/posts.</p>\n")
    }

    @Test func keepsAHardLineBreakAfterALinkifiedAddress() {
        #expect(Fixture.html("info@tinc.gmbh\\\nwww.tinc.gmbh\\\nNext\n") == """
            <p><a href="mailto:info@tinc.gmbh">info@tinc.gmbh</a><br />
            <a href="https://www.tinc.gmbh">www.tinc.gmbh</a><br />
            Next</p>

            """)
    }

    @Test func rendersFencedCodeWithLanguageClass() {
        // cmark-gfm's own form, as with `[markup.highlight] codeFences = false` (the highlighted
        // form is pinned by the golden fixtures in Fixtures/highlight).
        #expect(Fixture.html("```swift\nlet a = 1 < 2\n```\n", markup: Fixture.markup { $0.highlightCodeFences = false })
            == "<pre><code class=\"language-swift\">let a = 1 &lt; 2\n</code></pre>\n")
        #expect(Fixture.html("```swift\nlet a = 1 < 2\n```\n").hasPrefix(
            "<div class=\"highlight\"><pre tabindex=\"0\"><code class=\"language-swift\" data-lang=\"swift\">"))
    }

    @Test func snippetLosesItsLoneParagraph() {
        let renderer = BodyRenderer(markup: MarkupConfig())
        #expect(renderer.renderMarkdown("A *nice* \"title\"", context: Fixture.context) == "A <em>nice</em> “title”")
        #expect(renderer.renderMarkdown("One\n\nTwo", context: Fixture.context) == "<p>One</p>\n<p>Two</p>\n")
    }

    @Test func markdownRendererExposesCmarkOptions() {
        let renderer = MarkdownRenderer(markup: Fixture.markup { $0.table = false; $0.linkify = false })
        #expect(renderer.extensionNames == ["strikethrough", "tasklist"])
        #expect(renderer.renderHTML("*x*") == "<p><em>x</em></p>\n")
    }
}
