import Foundation
import Testing
import Templates

/// Every template of `themes/default/layouts`, rendered by both engines with realistic contexts
/// (the keys `TemplateData` makes), present, absent and empty, lists empty and full.
@Suite struct ThemeDifferentialTests {
    /// The theme's templates by name (`single`, `partials/head`), each partial also under its
    /// short name (`head`), as the site registers them.
    static func themeTemplates() throws -> [String: String] {
        let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes/default/layouts")
        var templates: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: layouts.path)
        while let path = files?.nextObject() as? String {
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            let text = try String(contentsOf: layouts.appendingPathComponent(path), encoding: .utf8)
            templates[name] = text
            if name.hasPrefix("partials/") { templates[String(name.dropFirst("partials/".count))] = text }
        }
        return templates
    }

    @Test func everyThemeTemplateParses() throws {
        let templates = try Self.themeTemplates()
        #expect(templates.count >= 12)
        for (name, source) in templates {
            #expect(throws: Never.self, "\(name)") { try Template(source) }
        }
    }

    @Test(arguments: ["404", "archives", "home", "list", "single", "terms"])
    func layoutRendersAsSwiftMustacheDoes(layout: String) throws {
        let templates = try Self.themeTemplates()
        var contexts = ThemeContexts(random: SeededGenerator(seed: UInt64(layout.utf8.reduce(0) { $0 &* 31 &+ Int($1) })))
        var mismatches = 0
        for round in 0..<150 {
            let context = contexts.page(round: round)
            let ours = Engines.ours(templates, render: layout, context)
            let theirs = Engines.theirs(templates, render: layout, context)
            #expect(ours != nil)
            if ours != theirs {
                mismatches += 1
                if mismatches <= 2 {
                    Issue.record("\(layout) round \(round):\nours:\n\(ours ?? "nil")\ntheirs:\n\(theirs ?? "nil")")
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func fullPageOutputIsStable() throws {
        // One exact page, so that a change of both engines would still show.
        let templates = try Self.themeTemplates()
        var contexts = ThemeContexts(random: SeededGenerator(seed: 1))
        let page = contexts.page(round: 0)
        let output = Engines.ours(templates, render: "list", page)
        #expect(output?.hasPrefix("<!DOCTYPE html>\n<html lang=\"") == true)
        #expect(output?.hasSuffix("</footer>\n</body>\n</html>\n") == true)
    }
}
