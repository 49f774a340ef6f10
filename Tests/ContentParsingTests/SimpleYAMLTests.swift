import Foundation
import Testing
@testable import ContentParsing

/// `SimpleYAML` reads flat front matter without Yams; whatever it accepts must come out exactly
/// as Yams reads it (values and key lines), and what it cannot read exactly it must leave to
/// Yams. Checked on every front matter of the corpora and the fixtures, and on generated ones.
@Suite struct SimpleYAMLTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The YAML front matter of a content file, or nil.
    static func frontMatter(_ text: String) -> String? {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else {
            return nil
        }
        return String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n"
    }

    /// Every Markdown file (and txtar fixture section) under the corpora and the fixtures.
    static func corpusFrontMatters() -> [(String, String)] {
        var found: [(String, String)] = []
        let roots = [repository.appending(path: "content"), repository.appending(path: "Tests/GoldenTests/Fixtures"),
                     repository.appending(path: "Tests/BadInputTests/Fixtures"),
                     repository.deletingLastPathComponent().appending(path: "shared/corpus")]
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["md", "txtar"].contains(url.pathExtension) {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                if url.pathExtension == "md" {
                    if let yaml = frontMatter(text) { found.append((url.path, yaml)) }
                } else {
                    // Each `-- name.md --` section of a fixture.
                    for section in text.components(separatedBy: "\n-- ").dropFirst() where section.hasPrefix("content/") || section.hasPrefix("input.md") {
                        guard let newline = section.firstIndex(of: "\n") else { continue }
                        if let yaml = frontMatter(String(section[section.index(after: newline)...])) { found.append((url.path, yaml)) }
                    }
                }
            }
        }
        return found
    }

    /// Both readers on one text: the same value and key lines whenever the simple one reads it.
    /// Returns whether the simple reader took it.
    @discardableResult
    static func check(_ yaml: String, _ name: String) -> Bool {
        guard let simple = SimpleYAML.parse(yaml) else { return false }
        do {
            let yams = try YAMLConversion.parseWithYams(yaml)
            #expect(simple.value == yams.value, "\(name): \(yaml.debugDescription)\nsimple: \(simple.value)\nYams:   \(yams.value)")
            #expect(simple.keyLines == yams.keyLines, "\(name): key lines \(simple.keyLines) vs \(yams.keyLines)")
        } catch {
            Issue.record("\(name): the simple reader read what Yams refuses (\(error.message)): \(yaml.debugDescription)")
        }
        return true
    }

    @Test func readsEveryCorpusFrontMatterAsYamsDoes() {
        let all = Self.corpusFrontMatters()
        #expect(all.count > 300)
        let taken = all.filter { Self.check($0.1, $0.0) }.count
        // Most real front matter is flat: the fast path must really be the common one.
        #expect(taken * 10 >= all.count * 8, "simple reader took \(taken) of \(all.count)")
    }

    @Test(arguments: [
        "title: Hello\n", "title: \"Hallo \\\"Welt\\\"\"\n", "title: 'it''s'\n", "title:\n", "title: # none\n",
        "draft: yes\n", "draft: False\n", "toc: ON\n", "weight: 0\n", "weight: 12\n", "weight: 012\n", "weight: -3\n",
        "weight: 1_000\n", "version: 1.5\n", "when: 12:30\n", "n: ~\n", "n: null\n", "n: Null\n", "t: <<\n",
        "tags: []\n", "tags: [a, b c, \"d\", 'e']\n", "tags: [2023]\n", "tags: [a, ]\n", "tags: [a,b]  # c\n",
        "title: C# rocks\n", "title: a #comment\n", "title: a:b\n", "title: a: b\n", "title: ends:\n",
        "title: [x]y\n", "title: x [y]\n", "title: Hallo, Welt\n", "title: \"a\" b\n", "date: 2024-01-17T11:19:02+02:00\n",
        "url: https://example.org/x/\n", "title: \"tab\\there\"\n", "title: \"\\u00e4\"\n", "title: \"a\\/b\"\n",
        "a: 1\na: 2\n", "A: 1\na: 2\n", "key.with.dots: 1\n", "\"quoted\": 1\n", "list:\n  - a\n", "list:\n- a\n",
        "map:\n  k: v\n", "title: >\n  folded\n", "title: plain\n  continued\n", "title: &anchor x\n", "other: *anchor\n",
        "title: !!str 5\n", "title: @x\n", "title: `x`\n", "title: %x\n", "title: ?x\n", "title: -x\n", "title: |x\n",
        "   \n# comment\ntitle: x   \n\n", "title:\tx\n", "title: x\r\n", "title: \u{85}x\n", "title: x\u{2028}y\n",
        "title: 🐄 Kuh\n", "title: \"🐄\"\n", "Title: Groß\n", "ä: 1\n", "_x: 1\n", "x-y: 1\n", "9x: 1\n", "", "\n\n",
    ])
    func agreesWithYamsOn(_ yaml: String) {
        Self.check(yaml, "case")
    }

    @Test func agreesWithYamsOnGeneratedFrontMatter() {
        var generator = SystemRandomNumberGenerator()
        let keys = ["title", "draft", "tags", "weight", "a", "Title", "x-y", "_k", "k.v", "\"q\"", " indented", "- item"]
        let values = ["plain", "two words", "\"double\"", "'single'", "'it''s'", "\"esc \\\" \\\\ \\n\"", "\"\\x41\"", "yes",
                      "no", "true", "0", "7", "07", "-1", "1.5", "~", "null", "", "# c", "a #c", "a#b", "a: b", "a:b", "end:",
                      "[a, b]", "[]", "[\"a\", 'b']", "[1, 2]", "[a, ]", "[a", "x [y]", "ä ö ü", "🐄", "<<", "&a x", "*a",
                      "!!str x", "|", ">", "@x", "%x", "`x`", "\"unclosed", "'unclosed", "a, b", "\"a\" trailing", "2024-01-17"]
        let fillers = ["", "   ", "# comment", "  # indented comment"]
        var taken = 0
        for round in 0..<4000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                if Int.random(in: 0..<6, using: &generator) == 0 {
                    lines.append(fillers.randomElement(using: &generator)!)
                } else {
                    let value = values.randomElement(using: &generator)!
                    let gap = ["", " ", "  "].randomElement(using: &generator)!
                    lines.append(keys.randomElement(using: &generator)! + ":" + (value.isEmpty ? "" : " " + gap + value))
                }
            }
            if Self.check(lines.joined(separator: "\n") + "\n", "generated \(round)") { taken += 1 }
        }
        #expect(taken > 400, "the simple reader took only \(taken) generated front matters")
    }
}
