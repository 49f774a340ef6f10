import ContentParsing
import Foundation
import SiteCore

/// Shared helpers for the ContentParsing tests.
enum Support {
    /// `../shared/corpus/hugo-blog`, found from this file's path (…/main/Tests/ContentParsingTests/).
    static let corpus = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/hugo-blog")

    /// The golden diagnostics fixtures (Tests/GoldenTests/Fixtures/diagnostics).
    static let diagnosticFixtures = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GoldenTests/Fixtures/diagnostics")

    /// Parses `text` as `input.md` and returns the sorted, formatted diagnostics too.
    static func parse(
        _ text: String, catalog: ShortcodeCatalog = .builtIn
    ) -> (document: Document, metadata: PageMetadata, diagnostics: [String]) {
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: text), catalog: catalog)
        return (parsed.document, parsed.metadata, parsed.diagnostics.sorted().map(\.formatted))
    }

    /// The body of `text` (after a minimal front matter) parsed into nodes, plus diagnostics.
    static func body(
        _ body: String, catalog: ShortcodeCatalog = .builtIn
    ) -> (nodes: [BodyNode], unknown: [ShortcodeCall], diagnostics: [String]) {
        let parsed = parse(body, catalog: catalog)
        return (parsed.document.nodes, parsed.document.unknownShortcodes, parsed.diagnostics)
    }

    /// The sections of a txtar file: `-- NAME --` lines start a section.
    static func txtar(_ text: String) -> [String: String] {
        var sections: [String: String] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                current = String(line.dropFirst(3).dropLast(3))
                sections[current!] = ""
            } else if let name = current {
                sections[name]! += line + "\n"
            }
        }
        return sections
    }
}

extension BodyNode {
    var call: ShortcodeCall? {
        if case .shortcode(let call) = self { return call }
        return nil
    }

    var text: String? {
        if case .text(let text, _) = self { return text }
        return nil
    }

    var offset: Int {
        switch self {
        case .text(_, let offset): offset
        case .shortcode(let call): call.offset
        }
    }
}

extension Array where Element == BodyNode {
    /// The calls among the nodes.
    var calls: [ShortcodeCall] { compactMap(\.call) }
    /// All text nodes joined.
    var joinedText: String { compactMap(\.text).joined() }
}
