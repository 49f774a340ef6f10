import Foundation
import SiteBuilder
import TranslationReview

/// A throwaway bilingual site (English first, German second) made from a dictionary of files.
struct ReviewSite {
    let root: URL

    static let config = """
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

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appending(path: "chronicle-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("config.toml", Self.config)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Sets a file's modification time.
    func touch(_ path: String, _ date: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Self.date(date)], ofItemAtPath: root.appending(path: path).path)
    }

    /// Runs git in the site folder; `date` pins the author and committer dates.
    func git(_ arguments: [String], date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
            + arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailed(arguments: arguments) }
    }

    struct GitFailed: Error {
        var arguments: [String]
    }

    /// Builds the site in memory and reviews it; `history` nil reads git or the file times.
    func review(history: ChangeHistory? = nil) throws -> TranslationReview {
        let (review, result) = TranslationReview.build(
            options: BuildOptions(source: root, output: root.appending(path: "public")), history: history)
        guard let review else { throw NoReview(diagnostics: result.diagnostics.map(\.formatted)) }
        return review
    }

    struct NoReview: Error {
        var diagnostics: [String]
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// A post's front matter and body.
    static func post(_ title: String, lastmod: String? = nil, key: String? = nil, _ body: String) -> String {
        var front = "---\ntitle: \"\(title)\"\ndate: 2024-03-01T10:00:00+01:00\n"
        if let lastmod { front += "lastmod: \(lastmod)\n" }
        if let key { front += "translationKey: \(key)\n" }
        return front + "---\n" + body
    }
}
