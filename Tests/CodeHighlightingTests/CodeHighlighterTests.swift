@testable import CodeHighlighting
import Foundation
import Testing

@Suite struct CodeHighlighterTests {
    /// The languages issue #12 asks for, by the names fences use.
    static let askedFor = [
        "sh", "bash", "shell", "console", "zsh", "yaml", "yml", "json", "toml", "ini", "conf", "diff", "patch",
        "dockerfile", "nginx", "sql", "php", "python", "py", "go", "swift", "c", "h", "cpp",
    ]

    @Test func knowsEveryLanguageAskedFor() {
        for name in Self.askedFor {
            #expect(CodeHighlighter.knows(name), "\(name)")
            #expect(CodeHighlighter.knows(name.uppercased()), "\(name) in upper case")
        }
        #expect(!CodeHighlighter.knows("brainfuck"))
        #expect(CodeHighlighter().highlight("x", language: "text") == nil)
    }

    @Test func spansCarryChromaClassNames() {
        for kind in TokenKind.allCases {
            #expect(kind.openingTag.description == "<span class=\"\(kind.rawValue)\">")
        }
    }

    @Test func numbersEachLineAndKeepsTheLastLineWithoutANewline() {
        let html = CodeHighlighter(lineNumbers: true).highlight("a=1\nb", language: "sh")
        #expect(html == """
            <span class="line"><span class="ln" aria-hidden="true">1</span><span class="cl"><span class="nv">a</span><span class="o">=</span><span class="m">1</span>
            </span></span><span class="line"><span class="ln" aria-hidden="true">2</span><span class="cl">b</span></span>
            """)
    }

    /// Random code from tricky pieces (quotes, escapes, comment markers, `$`, markup characters,
    /// multi-byte characters, line ends) in every language, with and without line numbers: the
    /// text of the HTML (without the line numbers) is the code byte for byte, and with line numbers
    /// every line's spans are balanced.
    @Test(arguments: askedFor)
    func keepsTheCodeAndBalancesSpans(_ language: String) {
        let pieces = [
            "\"", "'", "`", "\"\"\"", "'''", "\\", "\\n", "$", "${", "}", "{", "$x", "#", "# ", "//", "/*", "*/", "--", "<", ">", "&",
            "&amp;", "<?php", "?>", "@@ ", "+", "-", "- ", ": ", ":", "=", "[", "]", "|", ">", "@attr", "0x1F", "42", "3.5e2",
            " ", "  ", "\t", "\n", "\n", "\n", "if", "func", "def", "true", "null", "server", "FROM", "key", "ä", "€", "😀", "\r\n",
        ]
        var generator = SplitMix(seed: UInt64(language.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        for _ in 0..<300 {
            var code = ""
            for _ in 0..<Int(generator.next() % 40) { code += pieces[Int(generator.next() % UInt64(pieces.count))] }
            for lineNumbers in [false, true] {
                guard let html = CodeHighlighter(lineNumbers: lineNumbers).highlight(code, language: language) else {
                    Issue.record("\(language) not highlighted")
                    return
                }
                #expect(Self.text(of: html) == code, "\(language), lineNumbers \(lineNumbers): \(code.debugDescription)")
                if lineNumbers {
                    for line in html.components(separatedBy: #"<span class="line">"#).dropFirst() {
                        let opened = line.components(separatedBy: "<span").count
                        let closed = line.components(separatedBy: "</span>").count
                        #expect(opened + 1 == closed, "\(language): unbalanced line \(line.debugDescription)")
                    }
                    let newlines = code.utf8.filter { $0 == 10 }.count
                    let lines = newlines + (code.utf8.last.map { $0 == 10 ? 0 : 1 } ?? 0)
                    #expect(html.components(separatedBy: #"<span class="ln""#).count - 1 == lines, "\(language): \(code.debugDescription)")
                }
            }
        }
    }

    /// The HTML's text: line numbers and tags dropped, escapes undone.
    static func text(of html: String) -> String {
        var text = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            let tagEnd = rest[open...].firstIndex(of: ">")!
            let tag = rest[open...tagEnd]
            rest = rest[rest.index(after: tagEnd)...]
            if tag.hasPrefix(#"<span class="ln""#) {
                rest = rest[rest.range(of: "</span>")!.upperBound...]
            }
        }
        text += rest
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A small seeded generator (SplitMix64): the same inputs on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
