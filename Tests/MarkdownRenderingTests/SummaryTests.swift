import ContentParsing
@testable import MarkdownRendering
import Testing

@Suite struct SummaryTests {
    @Test func splitsAtTheMoreMarker() {
        let body = Fixture.render(Fixture.document("First *part*.\n\n<!--more-->\n\nSecond part.\n")).body
        #expect(body.hasMoreMarker)
        #expect(body.truncated)
        #expect(body.summaryHTML == "<p>First <em>part</em>.</p>")
        #expect(body.html == "<p>First <em>part</em>.</p>\n<p>Second part.</p>\n")
    }

    @Test func neverPrintsTheMarker() {
        for unsafe in [false, true] {
            let markup = Fixture.markup { $0.unsafe = unsafe }
            let body = Fixture.render(Fixture.document("A.\n\n<!--more-->\n\nB.\n"), markup: markup).body
            #expect(!body.html.contains("<!--"))
            #expect(!body.html.contains("more"))
            #expect(body.html == "<p>A.</p>\n<p>B.</p>\n")
        }
    }

    @Test func isNotTruncatedWhenNothingFollowsTheMarker() {
        let body = Fixture.render(Fixture.document("Only a summary.\n\n<!--more-->\n")).body
        #expect(body.hasMoreMarker)
        #expect(!body.truncated)
        #expect(body.summaryHTML == "<p>Only a summary.</p>")
    }

    @Test func keepsTheParagraphOfAnInlineMarker() {
        let body = Fixture.render(Fixture.document("Lead sentence. <!--more--> Still lead.\n\nRest.\n")).body
        #expect(body.hasMoreMarker)
        #expect(body.summaryHTML == "<p>Lead sentence.  Still lead.</p>")
        #expect(body.html == "<p>Lead sentence.  Still lead.</p>\n<p>Rest.</p>\n")
        #expect(body.truncated)
    }

    @Test func onlyTheFirstMarkerCounts() {
        let markup = Fixture.markup { $0.unsafe = true }
        let body = Fixture.render(Fixture.document("A.\n\n<!--more-->\n\nB.\n\n<!--more-->\n\nC.\n"), markup: markup).body
        #expect(body.summaryHTML == "<p>A.</p>")
        #expect(body.html == "<p>A.</p>\n<p>B.</p>\n<!--more-->\n<p>C.</p>\n")
    }

    @Test func ignoresAMarkerInCode() {
        let body = Fixture.render(Fixture.document("```\n<!--more-->\n```\n")).body
        #expect(!body.hasMoreMarker)
        #expect(body.html == "<pre><code>&lt;!--more--&gt;\n</code></pre>\n")
    }

    @Test func ignoresAMarkerInsideAShortcode() {
        let admonition = Fixture.call("admonition", inner: [.text("\nInside.\n\n<!--more-->\n\nStill inside.\n", offset: 0)])
        let document = Fixture.document([.text("Before.\n\n"), .call(admonition), .text("\n\nAfter.\n")])
        let body = Fixture.render(document, markup: Fixture.markup { $0.unsafe = true }).body
        #expect(!body.hasMoreMarker)
        #expect(body.html.contains("<p>Inside.</p>\n<!--more-->\n<p>Still inside.</p>"))
    }

    @Test func cutsTheAutomaticSummaryAtTheEndOfTheSentence() {
        let words = (1...10).map { "w\($0)" }.joined(separator: " ")
        let body = Fixture.render(
            Fixture.document("\(words). Second sentence here.\n\nNext paragraph.\n"), summaryLength: 4
        ).body
        #expect(!body.hasMoreMarker)
        #expect(body.summaryHTML == "<p>\(words).</p>")
        #expect(body.truncated)
    }

    @Test func endsTheAutomaticSummaryAtAParagraphEnd() {
        let body = Fixture.render(
            Fixture.document("One two three four five\n\nSix seven eight.\n"), summaryLength: 3
        ).body
        #expect(body.summaryHTML == "<p>One two three four five</p>")
        #expect(body.truncated)
    }

    @Test func usesTheWholeTextWhenItIsShort() {
        let output = Fixture.render(Fixture.document("Short & *sweet*.\n"))
        let body = output.body
        #expect(output.feed.summaryHTML == "<p>Short &amp; sweet.</p>")
        #expect(body.summaryHTML == "<p>Short &amp; <em>sweet</em>.</p>")
        #expect(!body.truncated)
        #expect(body.plainText == "Short & sweet.")
        #expect(body.wordCount == 3)
    }

    @Test func countsWordsOfThePlainText() {
        let body = Fixture.render(Fixture.document("# Title\n\nOne *two*  three.\n\n- four\n- five\n")).body
        #expect(body.wordCount == 6)
        #expect(body.plainText == "Title One two three.\nfour five")
    }

    @Test func stripsTagsAndCommentsAsHugoDoes() {
        let markdown = "<p>A <!-- note --> <b title=\"x > y\">bold</b> <3</p>\n\n<script>var a = 1 < 2;</script>\n"
        let body = Fixture.render(Fixture.document(markdown), markup: Fixture.markup { $0.unsafe = true }).body
        #expect(body.plainText == "A bold <3\nvar a = 1 < 2;")
    }

    @Test func keepsWholeBlocksInTheAutomaticSummary() {
        let markdown = "## Intro\n\nOne two three four.\n\n- five six\n- seven https://example.org/x\n\n## Next\n\nMore words here.\n"
        let output = Fixture.render(Fixture.document(markdown), summaryLength: 7)
        #expect(output.body.summaryHTML == """
            <h2>Intro</h2>
            <p>One two three four.</p>
            <ul>
            <li>five six</li>
            <li>seven <a href="https://example.org/x">https://example.org/x</a></li>
            </ul>
            """)
        #expect(output.body.truncated)
        // Feeds keep Hugo's plain-text summary.
        #expect(output.feed.summaryHTML == "<p>Intro One two three four.\nfive six seven https://example.</p>")
    }

    @Test func endsTheAutomaticSummaryBeforeABlockThatWouldMakeItTooLong() {
        let long = (1...20).map { "w\($0)" }.joined(separator: " ")
        let body = Fixture.render(Fixture.document("First four words here.\n\n\(long).\n"), summaryLength: 6).body
        #expect(body.summaryHTML == "<p>First four words here.</p>")
        #expect(body.truncated)
        let whole = Fixture.render(Fixture.document("First four words here.\n\nAnd five more words here.\n"), summaryLength: 6).body
        #expect(whole.summaryHTML == "<p>First four words here.</p>\n<p>And five more words here.</p>")
        #expect(!whole.truncated)
    }

    @Test func leavesOutHeadingsAtTheEndOfTheAutomaticSummary() {
        let body = Fixture.render(Fixture.document("One two three.\n\n## Later\n\n" + String(repeating: "word ", count: 20) + "\n"), summaryLength: 4).body
        #expect(body.summaryHTML == "<p>One two three.</p>")
        #expect(body.truncated)
    }

    @Test func cutsALongFirstParagraphAfterItsHeadings() {
        let words = (1...30).map { "w\($0)" }.joined(separator: " ")
        let body = Fixture.render(Fixture.document("# Title {#t}\n\n\(words). Second sentence.\n"), summaryLength: 5).body
        #expect(body.summaryHTML == "<h1>Title</h1>\n<p>\(words).</p>")
        #expect(body.truncated)
    }

    @Test func dropsHeadingIDsFromTheAuthorsSummary() {
        let output = Fixture.render(Fixture.document("## Setup {#setup .wide}\n\nFirst.\n\n<!--more-->\n\nRest.\n"))
        #expect(output.body.summaryHTML == "<h2 class=\"wide\">Setup</h2>\n<p>First.</p>")
        #expect(output.body.html.hasPrefix("<h2 id=\"setup\" class=\"wide\">Setup</h2>"))
        #expect(output.feed.summaryHTML == "<h2 id=\"setup\" class=\"wide\">Setup</h2>\n<p>First.</p>")
    }

    @Test func dropsHeadingIDsInsideShortcodesOfTheSummary() {
        let call = Fixture.call("admonition", inner: [.text("\n### Inside\n\nText.\n", offset: 0)])
        let body = Fixture.render(Fixture.document([.call(call), .text("\n\nAfter.\n")])).body
        #expect(body.summaryHTML.contains("<h3>Inside</h3>"))
        #expect(!body.summaryHTML.contains(" id="))
        #expect(body.html.contains("<h3 id=\"inside\">Inside</h3>"))
    }

    @Test func hasAnEmptySummaryForAnEmptyBody() {
        let body = Fixture.render(Fixture.document("")).body
        #expect(body.html == "")
        #expect(body.summaryHTML == "")
        #expect(!body.truncated)
        #expect(body.wordCount == 0)
    }

    /// A summary's headings lose their ids (the page keeps them: the same id twice on a list
    /// page would be invalid), whichever quotes the id has; other tags and text stay as they are.
    @Test func summaryHeadingsLoseTheirIDs() {
        let html = "<h2 id=\"a\">A</h2>\n<header><hr /><h7 id=\"x\">no</h7>\n<h3 class=\"c\" id='b' data-x=\"1\">Über</h3>\n<p>h2 id=\"z\" <h2>plain</h2></p>"
        #expect(BlockSummary.withoutHeadingIDs(html)
            == "<h2>A</h2>\n<header><hr /><h7 id=\"x\">no</h7>\n<h3 class=\"c\" data-x=\"1\">Über</h3>\n<p>h2 id=\"z\" <h2>plain</h2></p>")
        #expect(BlockSummary.withoutHeadingIDs("<p>no headings</p>") == "<p>no headings</p>")
        #expect(BlockSummary.withoutHeadingIDs("<h") == "<h")
    }
}
