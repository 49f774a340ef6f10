import ContentParsing
import Foundation
import SiteCore
import Testing

/// Checks the golden diagnostics fixtures (Tests/GoldenTests/Fixtures/diagnostics/*.txtar) the
/// same way the GoldenTests runner does, so they are verified with this module alone.
@Suite struct DiagnosticFixtureTests {
    static var names: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Support.diagnosticFixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".txtar") }.sorted()
    }

    @Test func coversEveryDiagnosticCode() throws {
        var codes = Set<String>()
        var clean = Set<String>()
        for name in Self.names {
            let text = try String(contentsOf: Support.diagnosticFixtures.appendingPathComponent(name), encoding: .utf8)
            let sections = Support.txtar(text)
            let expected = sections["expected.txt"] ?? ""
            for line in expected.split(separator: "\n") {
                if let open = line.lastIndex(of: "["), line.hasSuffix("]") {
                    codes.insert(String(line[line.index(after: open)..<line.index(before: line.endIndex)]))
                }
            }
            if expected.isEmpty, let input = sections["input.md"] {
                clean.insert(String(input.prefix(1)))
            }
        }
        #expect(codes == [
            "frontmatter.unterminated", "frontmatter.syntax", "frontmatter.date", "frontmatter.type",
            "shortcode.unknown", "shortcode.unclosed", "shortcode.mismatched", "shortcode.unexpected-close",
            "shortcode.syntax", "shortcode.argument",
        ])
        // Clean front matter in each format: YAML '-', TOML '+', JSON '{'.
        #expect(clean.isSuperset(of: ["-", "+", "{"]))
    }

    @Test(arguments: names)
    func matchesItsExpectedDiagnostics(_ name: String) throws {
        let text = try String(contentsOf: Support.diagnosticFixtures.appendingPathComponent(name), encoding: .utf8)
        let sections = Support.txtar(text)
        let input = try #require(sections["input.md"])
        let expected = try #require(sections["expected.txt"], "missing '-- expected.txt --'")
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: input))
        let actual = parsed.diagnostics.sorted().map(\.formatted)
        #expect(actual == expected.split(separator: "\n").map(String.init))
    }
}
