import DefaultTheme
import Foundation
import SiteBuilder
import Testing

/// Whole-site golden fixtures in `Fixtures/site/`: every section that does not start with
/// `expected` is a file of the site (`config.toml`, `content/…`, `layouts/…`); the site is built
/// in memory (now = 2026-06-01) and compared with
/// - `expected/PATH`: the output file at PATH, exactly;
/// - `expected.paths.txt`: every output path except the theme's static files, sorted;
/// - `expected.diagnostics.txt`: the build's diagnostics (none expected when it is missing).
@Suite struct SiteFixtureTests {
    static let now = ISO8601DateFormatter().date(from: "2026-06-01T00:00:00Z")!

    @Test(arguments: Golden.cases("site"))
    func site(_ name: String) throws {
        var archive = try Golden.load("site", name)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in archive.files where !file.name.hasPrefix("expected") {
            let url = root.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.content.write(to: url, atomically: true, encoding: .utf8)
        }
        var options = BuildOptions(source: root, output: root.appendingPathComponent("public"))
        options.now = Self.now
        let result = SiteGenerator(options: options).generate()
        var outputs: [String: String] = [:]
        for file in result.files {
            switch file.content {
            case .data(let data): outputs[file.path] = String(decoding: data, as: UTF8.self)
            case .copy(let source): outputs[file.path] = (try? String(contentsOf: source, encoding: .utf8)) ?? "(unreadable)"
            }
        }
        for file in archive.files where file.name.hasPrefix("expected/") {
            let path = String(file.name.dropFirst("expected/".count))
            Golden.check(&archive, file.name, actual: outputs[path] ?? "(not written)")
        }
        let themeStatic = Set(DefaultTheme.files.keys.filter { $0.hasPrefix("static/") }.map { String($0.dropFirst("static/".count)) })
        let paths = result.files.map(\.path).filter { !themeStatic.contains($0) }.sorted().joined(separator: "\n")
        Golden.check(&archive, "expected.paths.txt", actual: paths, optional: true)
        let diagnostics = result.diagnostics.map(\.formatted).joined(separator: "\n")
        Golden.check(&archive, "expected.diagnostics.txt", actual: diagnostics, optional: true, writeWhenNonEmpty: true)
        if Golden.updating { try Golden.save(archive, "site", name) }
    }
}
