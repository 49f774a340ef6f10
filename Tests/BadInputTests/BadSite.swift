import Foundation
import SiteBuilder
import SiteCore
import Testing

/// A throwaway site folder for one bad-input case, built in memory like `chronicle build` does.
struct BadSite {
    let root: URL

    /// `now` of every build, so that dates in the cases do not age.
    static let now = ISO8601DateFormatter().date(from: "2026-06-01T00:00:00Z")!

    static let config = """
        baseURL = "https://example.org/"
        title = "Bad input"
        defaultContentLanguage = "en"
        [languages.en]
        weight = 1
        [languages.de]
        weight = 2
        """

    /// The good page every case carries; it must still be built whatever else is wrong.
    static let goodPage = "---\ntitle: Good page\ndate: 2024-01-17T11:19:02+02:00\n---\n\nStill built.\n"
    static let goodOutput = "good/index.html"

    /// A site with `config.toml` (unless `config` is nil), the good page and `files`.
    init(_ files: [String: String] = [:], config: String? = BadSite.config) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "chronicle-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let config { try write("config.toml", config) }
        try write("content/good.md", Self.goodPage)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func url(_ path: String) -> URL { root.appending(path: path) }

    var output: URL { root.appending(path: "public") }

    func build(readFile: (@Sendable (String) throws -> Data)? = nil) -> BuildResult {
        var options = BuildOptions(source: root, output: output)
        options.now = Self.now
        var generator = SiteGenerator(options: options)
        if let readFile { generator.readFile = readFile }
        return generator.generate()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The diagnostics as `chronicle build` prints them (notes on lines of their own), the
    /// site folder shown as `$SITE`.
    func lines(_ result: BuildResult) -> [String] {
        result.diagnostics.flatMap { diagnostic in
            diagnostic.formatted.replacingOccurrences(of: root.path, with: "$SITE")
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

extension BuildResult {
    /// The text of one output file, nil when the build does not write it.
    func text(_ path: String) -> String? {
        guard let file = files.first(where: { $0.path == path }) else { return nil }
        switch file.content {
        case .data(let data): return String(decoding: data, as: UTF8.self)
        case .copy(let url): return try? String(contentsOf: url, encoding: .utf8)
        }
    }

    /// The worst severity among the diagnostics, nil when there are none.
    var worstSeverity: Severity? { diagnostics.map(\.severity).max() }

    /// Checks what every bad-input case promises: the expected severity (errors exactly when
    /// `hasErrors`), and the good page still built.
    func expectOutcome(
        _ severity: Severity, goodPage: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(worstSeverity == severity, "worst severity", sourceLocation: sourceLocation)
        #expect(hasErrors == (severity == .error), "hasErrors", sourceLocation: sourceLocation)
        if goodPage {
            #expect(text(BadSite.goodOutput)?.contains("Still built.") == true, "the good page is built", sourceLocation: sourceLocation)
        }
    }
}
