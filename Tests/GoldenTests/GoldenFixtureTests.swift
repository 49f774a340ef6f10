import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore
import Testing
import TestSupport

/// Golden fixtures under `Fixtures/<folder>/`: one txtar file per case. With `GOLDEN_UPDATE=1`
/// in the environment the expected sections are rewritten instead of compared.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var updating: Bool { ProcessInfo.processInfo.environment["GOLDEN_UPDATE"] == "1" }

    /// The case files of a folder, sorted.
    static func cases(_ folder: String) -> [String] {
        let url = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func load(_ folder: String, _ name: String) throws -> Txtar {
        let url = fixtures.appendingPathComponent(folder).appendingPathComponent(name)
        return Txtar(parsing: try String(contentsOf: url, encoding: .utf8))
    }

    static func save(_ archive: Txtar, _ folder: String, _ name: String) throws {
        let url = fixtures.appendingPathComponent(folder).appendingPathComponent(name)
        try archive.formatted.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Compares one section, or records the actual text when updating.
    /// `optional` sections are only checked (and only written) when the fixture has them;
    /// `writeWhenNonEmpty` adds a missing one when updating if there is something to say.
    static func check(
        _ archive: inout Txtar, _ section: String, actual: String, optional: Bool = false,
        writeWhenNonEmpty: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let expected = archive[section]
        if updating {
            if expected != nil || !optional || (writeWhenNonEmpty && !actual.isEmpty) {
                archive[section] = Txtar.withTrailingNewline(actual)
            }
            return
        }
        guard let expected else {
            if !optional {
                Issue.record("missing section '-- \(section) --'", sourceLocation: sourceLocation)
            } else if writeWhenNonEmpty && !actual.isEmpty {
                Issue.record("unexpected \(section):\n\(actual)", sourceLocation: sourceLocation)
            }
            return
        }
        #expect(
            Txtar.withTrailingNewline(actual) == Txtar.withTrailingNewline(expected),
            "section \(section)", sourceLocation: sourceLocation)
    }
}

/// The render options a fixture's `-- config.toml --` may set (a small TOML subset:
/// `[section]` headers and `key = value` lines).
struct FixtureConfig {
    var markup = MarkupConfig()
    var summaryLength = 70
    var language = "en"

    init(_ text: String?) {
        guard let text else { return }
        var section = ""
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let key = section.isEmpty ? parts[0] : "\(section).\(parts[0])"
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let flag = value == "true"
            switch key {
            case "markup.goldmark.renderer.unsafe": markup.unsafe = flag
            case "markup.goldmark.extensions.typographer": markup.typographer = flag
            case "markup.goldmark.extensions.linkify": markup.linkify = flag
            case "markup.goldmark.extensions.strikethrough": markup.strikethrough = flag
            case "markup.goldmark.extensions.table": markup.table = flag
            case "markup.goldmark.extensions.taskList": markup.taskList = flag
            case "markup.goldmark.extensions.footnote": markup.footnote = flag
            case "markup.highlight.lineNos": markup.lineNumbers = flag
            case "markup.highlight.codeFences": markup.highlightCodeFences = flag
            case "markup.tableOfContents.startLevel": markup.tocStartLevel = Int(value) ?? markup.tocStartLevel
            case "markup.tableOfContents.endLevel": markup.tocEndLevel = Int(value) ?? markup.tocEndLevel
            case "summaryLength": summaryLength = Int(value) ?? summaryLength
            case "defaultContentLanguage": language = value
            default: break
            }
        }
    }

    /// The site the fixtures pretend to belong to: German and English admonition titles, a few
    /// pages to link to, no theme shortcodes.
    var context: RenderContext {
        RenderContext(
            language: language,
            admonitionTitle: { [language] type in
                guard language == "de" else { return AdmonitionType.englishTitle(for: type) }
                return [
                    "note": "Hinweis", "abstract": "Zusammenfassung", "info": "Info", "tip": "Tipp",
                    "success": "Erfolg", "question": "Frage", "warning": "Warnung", "failure": "Fehlschlag",
                    "danger": "Gefahr", "bug": "Fehler", "example": "Beispiel", "quote": "Zitat",
                ][type] ?? type
            },
            resolveReference: { [language] target, targetLanguage, absolute in
                let pages = [
                    "posts/other.md": "posts/other/", "/posts/other": "posts/other/",
                    "posts/bundle/index.md": "posts/bundle/", "imprint.md": "imprint/",
                ]
                guard let path = pages[target] else { return nil }
                let prefix = (targetLanguage ?? language) == language ? "/" : "/\(targetLanguage!)/"
                return (absolute ? "https://example.org" : "") + prefix + path
            })
    }
}

@Suite struct GoldenFixtureTests {
    @Test(arguments: Golden.cases("render"))
    func render(_ name: String) throws {
        try Self.checkRender(folder: "render", name)
    }

    @Test(arguments: Golden.cases("shortcodes"))
    func shortcodes(_ name: String) throws {
        try Self.checkRender(folder: "shortcodes", name)
    }

    @Test(arguments: Golden.cases("highlight"))
    func highlight(_ name: String) throws {
        try Self.checkRender(folder: "highlight", name)
    }

    @Test(arguments: Golden.cases("diagnostics"))
    func diagnostics(_ name: String) throws {
        var archive = try Golden.load("diagnostics", name)
        let input = try #require(archive["input.md"], "missing section '-- input.md --'")
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: input))
        let lines = parsed.diagnostics.sorted().map(\.formatted).joined(separator: "\n")
        Golden.check(&archive, "expected.txt", actual: lines)
        if Golden.updating { try Golden.save(archive, "diagnostics", name) }
    }

    /// `-- input.md --` (a whole content file), optional `-- config.toml --`; compares
    /// `expected.html`, and when present `expected.toc.html`, `expected.summary.html`,
    /// `expected.feed.html` (the body rendered for a feed), `expected.feed.summary.html` and `expected.diagnostics.txt`
    /// (parser and renderer diagnostics, sorted; none expected when the section is missing).
    static func checkRender(folder: String, _ name: String) throws {
        var archive = try Golden.load(folder, name)
        let input = try #require(archive["input.md"], "missing section '-- input.md --'")
        let config = FixtureConfig(archive["config.toml"])
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: input))
        let renderer = BodyRenderer(markup: config.markup, summaryLength: config.summaryLength)
        // One render gives both forms: the page's, and the feed's derived from the same parse.
        let output = renderer.render(parsed.document, context: config.context)
        let body = output.body
        let renderDiagnostics = output.diagnostics

        Golden.check(&archive, "expected.html", actual: body.html)
        Golden.check(&archive, "expected.toc.html", actual: body.tocHTML, optional: true)
        let summary = body.summaryHTML + "\n<!-- hasMoreMarker: \(body.hasMoreMarker), truncated: \(body.truncated) -->"
        Golden.check(&archive, "expected.summary.html", actual: summary, optional: true)
        if archive["expected.feed.html"] != nil {
            Golden.check(&archive, "expected.feed.html", actual: output.feed.html, optional: true)
        }
        if archive["expected.feed.summary.html"] != nil {
            Golden.check(&archive, "expected.feed.summary.html", actual: output.feed.summaryHTML, optional: true)
        }
        let diagnostics = (parsed.diagnostics + renderDiagnostics).sorted().map(\.formatted).joined(separator: "\n")
        Golden.check(&archive, "expected.diagnostics.txt", actual: diagnostics, optional: true, writeWhenNonEmpty: true)
        if Golden.updating { try Golden.save(archive, folder, name) }
    }
}
