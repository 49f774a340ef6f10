import ContentParsing
import MarkdownRendering
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
        let body = Fixture.render(Fixture.document("Short & *sweet*.\n")).body
        #expect(body.summaryHTML == "<p>Short &amp; sweet.</p>")
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

    @Test func hasAnEmptySummaryForAnEmptyBody() {
        let body = Fixture.render(Fixture.document("")).body
        #expect(body.html == "")
        #expect(body.summaryHTML == "")
        #expect(!body.truncated)
        #expect(body.wordCount == 0)
    }
}
