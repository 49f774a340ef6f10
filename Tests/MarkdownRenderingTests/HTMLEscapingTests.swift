import SiteCore
import Testing
@testable import MarkdownRendering

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("Unescaping decodes named and numeric entities and leaves everything else as written", arguments: [
        ("Fish &amp; Chips", "Fish & Chips"),
        ("&lt;p&gt; &quot;quoted&quot; &#39;single&#39;", "<p> \"quoted\" 'single'"),
        ("&#x1F404; &#128004; &#X41;", "🐄 🐄 A"),
        ("Grüße &amp; 🐄 &hellip; &ndash;", "Grüße & 🐄 … –"),
        ("AT&T and R&D; &unknown; &#0; &#xZZ;", "AT&T and R&D; &unknown; &#0; &#xZZ;"),
        ("a & b; &amp", "a & b; &amp"),
        ("&" + String(repeating: "a", count: 40) + ";", "&" + String(repeating: "a", count: 40) + ";"),
        ("&&amp;;", "&&;"),
        ("no entities at all", "no entities at all"),
        ("&amp;&amp;", "&&"),
    ])
    func unescapes(input: String, expected: String) {
        #expect(HTMLEscaping.unescape(input) == expected)
    }

    @Test("Escaping and unescaping round-trip")
    func roundTrip() {
        let text = "<a href=\"x\">Grüße & 🐄</a> 'q'"
        #expect(HTMLEscaping.unescape(HTMLEscaping.escape(text)) == text)
    }
}

@Suite("Byte search")
struct ByteSearchTests {
    @Test("Finds ASCII markers by UTF-8 offset, after multi-byte text and from a given offset")
    func findsMarkers() throws {
        let html = "<p>Grüße 🐄 ZZCHRSC1 und </p><p>ZZCHRSC2</p>"
        #expect(ByteSearch.offset(of: "ZZCHRSC", in: html) == "<p>Grüße 🐄 ".utf8.count)
        let first = try #require(ByteSearch.range(of: "</p>", in: html))
        #expect(html[..<first.lowerBound] == "<p>Grüße 🐄 ZZCHRSC1 und ")
        let second = try #require(ByteSearch.range(of: "</p>", in: html, from: html.utf8.distance(from: html.startIndex, to: first.upperBound)))
        #expect(html[second.upperBound...].isEmpty)
        #expect(ByteSearch.offset(of: "ZZCHRSC3", in: html) == nil)
        #expect(ByteSearch.offset(of: "", in: html) == nil)
        #expect(ByteSearch.offset(of: "</p>", in: "</p", from: 0) == nil)
        #expect(ByteSearch.offset(of: "aab", in: "aaab") == 1)
    }
}
