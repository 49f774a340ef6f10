import Foundation
import Testing
@testable import SiteBuilder

/// Builds the real bilingual Hugo blog in ../shared/corpus/hugo-blog.
@Suite struct HugoBlogTests {
    static let result: BuildResult = {
        let output = FileManager.default.temporaryDirectory.appending(path: "chronicle-hugo-\(UUID().uuidString)")
        return SiteGenerator(options: BuildOptions(source: RepoPaths.hugoBlog, output: output)).generate()
    }()

    /// Content pages of the expected URL list: every HTML page that is not a list.
    static func expectedContentPages() throws -> [String] {
        let tsv = try String(contentsOf: RepoPaths.expectedURLs, encoding: .utf8)
        return tsv.split(separator: "\n").compactMap { line -> String? in
            let columns = line.split(separator: "\t")
            guard columns.count == 2, columns[1] == "html" else { return nil }
            let path = String(columns[0].dropFirst())
            let isList = ["tags/", "categories/", "page/"].contains { path.contains($0) }
                || ["index.html", "de/index.html", "posts/index.html", "de/posts/index.html"].contains(path)
            return isList ? nil : path
        }
    }

    @Test func buildsWithoutErrors() {
        let errors = Self.result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.formatted))")
    }

    @Test func writesEveryContentPageAtHugosURL() throws {
        let expected = try Self.expectedContentPages()
        #expect(expected.count == 106)
        let missing = expected.filter { !Self.result.paths.contains($0) }
        #expect(missing.isEmpty, "missing: \(missing)")
    }

    @Test func keepsTheWrittenOffsetAndLocalizesDates() throws {
        let german = try #require(Self.result.text("de/posts/2023/mailcow-idp/index.html"))
        #expect(german.contains("datetime=\"2023-08-09T10:24:31+02:00\""))
        #expect(german.contains("9. August 2023"))
        #expect(german.contains("href=\"/posts/2023/mailcow-idp/\" hreflang=\"en\""))
    }

    @Test func lowerCasesPathsAsHugoDoes() {
        #expect(Self.result.paths.contains("posts/2023/cve-2023-34108/index.html"))
    }
}
