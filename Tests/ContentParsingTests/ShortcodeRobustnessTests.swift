import ContentParsing
import SiteCore
import Testing

/// Random bodies made of shortcode fragments: the parser never crashes, and every offset it
/// returns points where it says.
@Suite struct ShortcodeRobustnessTests {
    /// A small deterministic generator (xorshift), so failures can be reproduced.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    static let pieces = [
        "{{<", ">}}", "{{%", "%}}", "{{</*", "*/>}}", "/>}}", "/", " ", "\n", "admonition", "youtube",
        "gist", "\"", "\\\"", "`", "=", "title", "x", "ä🐮", "{{", "}}", "<", "%", "*/", "/*",
    ]

    @Test func neverLosesItsPlace() {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        let catalog = ShortcodeCatalog.builtIn.adding(["note"])
        for _ in 0..<2000 {
            var body = ""
            for _ in 0..<generator.next(40) { body += Self.pieces[generator.next(Self.pieces.count)] }
            let text = "---\ntitle: x\n---\n" + body
            let parsed = DocumentParser.parse(SourceFile(path: "fuzz.md", text: text), catalog: catalog)
            let bytes = Array(text.utf8)
            check(parsed.document.nodes, bytes: bytes, body: body)
            for diagnostic in parsed.diagnostics {
                #expect(diagnostic.location.line != nil, "\(body)")
            }
        }
    }

    private func check(_ nodes: [BodyNode], bytes: [UInt8], body: String) {
        for node in nodes {
            switch node {
            case .text(let text, let offset):
                let utf8 = Array(text.utf8)
                let written = offset + utf8.count <= bytes.count ? Array(bytes[offset..<(offset + utf8.count)]) : []
                // Text is either as written, or an escape turned into its literal form.
                #expect(written == utf8 || (text.hasPrefix("{{") && bytes[offset] == UInt8(ascii: "{")), "\(body)")
            case .shortcode(let call):
                #expect(bytes[call.offset] == UInt8(ascii: "{") && bytes[call.offset + 1] == UInt8(ascii: "{"), "\(body)")
                if let inner = call.inner { check(inner, bytes: bytes, body: body) }
            }
        }
    }
}
