import Foundation
@testable import SiteBuilder

/// A throwaway site folder made from a dictionary of files.
struct TestSite {
    let root: URL

    static let defaultConfig = """
        baseURL = "https://example.org/"
        title = "Test"
        defaultContentLanguage = "en"
        [languages.en]
        weight = 1
        languageName = "English"
        [languages.de]
        weight = 2
        languageName = "Deutsch"
        """

    init(_ files: [String: String], config: String? = TestSite.defaultConfig) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "chronicle-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let config { try write("config.toml", config) }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var output: URL { root.appending(path: "public") }

    func build(drafts: Bool = false, future: Bool = false, now: Date = Date()) -> BuildResult {
        var options = BuildOptions(source: root, output: output)
        options.includeDrafts = drafts
        options.includeFuture = future
        options.now = now
        return SiteGenerator(options: options).generate()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
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

    var paths: Set<String> { Set(files.map(\.path)) }
    var formattedDiagnostics: [String] { diagnostics.map(\.formatted) }
}

enum RepoPaths {
    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appending(path: "shared")
    static let hugoBlog = shared.appending(path: "corpus/hugo-blog")
    static let expectedURLs = shared.appending(path: "corpus/hugo-blog.expected-urls.tsv")
}
