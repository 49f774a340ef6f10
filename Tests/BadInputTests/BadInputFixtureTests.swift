import Foundation
import SiteBuilder
import SiteCore
import Testing
import TestSupport

/// The bad-input suite's golden cases, `Fixtures/NAME.txtar`: every section but
/// `expected.txt` is a file of a site (`config.toml`, `content/…`, `layouts/…`). Each case
/// carries the good page `content/good.md`, which must still be built (`good/index.html`) —
/// unless the config itself cannot be read, when nothing may be built at all.
///
/// `expected.txt` holds `severity: error|warning` (the worst diagnostic of the build; errors
/// exactly when the build fails) and then every diagnostic as `chronicle build` prints it,
/// in its order, the site folder shown as `$SITE`. `GOLDEN_UPDATE=1` rewrites them: review
/// the diff by eye, the lines must be right, not just current.
@Suite struct BadInputFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    static var updating: Bool { ProcessInfo.processInfo.environment["GOLDEN_UPDATE"] == "1" }

    static func cases() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".txtar") }.sorted()
    }

    /// Codes after which a build cannot produce anything.
    static let fatalCodes: Set<String> = ["config.missing", "config.syntax", "config.unreadable"]

    @Test func suiteHasAtLeastSixtyCases() {
        #expect(Self.cases().count + GeneratedInputTests.caseCount >= 60)
    }

    @Test(arguments: cases())
    func badInput(_ name: String) throws {
        let url = Self.fixtures.appending(path: name)
        var archive = Txtar(parsing: try String(contentsOf: url, encoding: .utf8))
        #expect(!archive.comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "a comment says what the case is")
        let site = try BadSite([:], config: nil)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.url("content/good.md"))
        for file in archive.files where file.name != "expected.txt" {
            try site.write(file.name, file.content)
        }
        let result = site.build()
        let lines = site.lines(result)
        let actualSeverity = result.worstSeverity?.rawValue ?? "none"

        if Self.updating {
            archive["expected.txt"] = "severity: \(actualSeverity)\n" + lines.map { $0 + "\n" }.joined()
            try archive.formatted.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(archive["expected.txt"], "missing section '-- expected.txt --'")
        var expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while expectedLines.last == "" { expectedLines.removeLast() }
        let header = expectedLines.isEmpty ? "" : expectedLines.removeFirst()
        let severity = try #require(
            header.hasPrefix("severity: ") ? Severity(rawValue: String(header.dropFirst("severity: ".count))) : nil,
            "the first line of expected.txt is 'severity: error' or 'severity: warning'")
        #expect(severity != .note, "a case is an error or a warning")
        #expect(lines == expectedLines)

        let fatal = result.diagnostics.contains { Self.fatalCodes.contains($0.code) }
        if fatal {
            #expect(result.files.isEmpty, "nothing is built without a config")
            #expect(severity == .error)
            #expect(result.hasErrors)
        } else {
            #expect(archive["content/good.md"] != nil, "every case has the good page content/good.md")
            result.expectOutcome(severity)
        }
    }
}
