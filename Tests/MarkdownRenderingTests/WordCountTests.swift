import ContentParsing
import Foundation
import Testing
@testable import MarkdownRendering

/// Words are counted while the tags are stripped (`HugoText.wordCount(ofHTML:)`), without
/// making the text: the count must be what `totalWords(stripHTML(html))` gives.
@Suite struct WordCountTests {
    static func check(_ html: String) {
        #expect(HugoText.wordCount(ofHTML: html) == HugoText.totalWords(HugoText.stripHTML(html)), "\(html.debugDescription)")
    }

    @Test(arguments: [
        "", "plain words only", "<p>One <em>two</em>three</p>\n<p>four</p>", "a<br>b<br />c", "x <3 y", "<!-- c -->word",
        "<script>var a = 1;\nb</script>c", "<title>T i</title>", "a\u{00A0}b\u{2003}c d", "ä ö\nü", "<p>🐄 Kuh</p>",
        "<a href=\"x y\">link text</a>", "<p>a</p>\n\n<p>\u{85}b</p>", "<textarea>one\ntwo</textarea>", "< not a tag >",
    ])
    func countsAsTheStrippedText(_ html: String) {
        Self.check(html)
    }

    @Test func countsTheCorpusPagesAsTheStrippedText() throws {
        let markup = MarkupConfig()
        var checked = 0
        for (_, body) in try ConcurrencyTests.loadCorpus() {
            let html = BodyRenderer(markup: markup).render(Fixture.document(body), context: Fixture.context).body.html
            Self.check(html)
            checked += 1
        }
        #expect(checked >= 100)
    }

    @Test func countsGeneratedHTMLAsTheStrippedText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["<p>", "</p>", "<br>", "<br />", "\n", " ", "  ", "\t", "word", "ä", "🐄", "\u{00A0}", "\u{2003}", "<", ">",
                      "<em>", "</em>", "<!--", "-->", "<script>", "</script>", "<a href=\"a b\">", "\u{85}", "x", "&amp;"]
        for _ in 0..<3000 {
            Self.check((0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
    }
}
