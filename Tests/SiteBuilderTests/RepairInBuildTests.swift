import Foundation
import Testing
import TestSupport
@testable import SiteBuilder

/// Mojibake repair as part of the build: every content file passes through it before parsing,
/// each repair is a warning at its line and column, guesses name their candidates, and the
/// rendered pages hold the repaired text.
@Suite("Repair in the build")
struct RepairInBuildTests {
    @Test("The example site's damaged post builds without errors; each repair is a warning and the page reads right")
    func exampleSiteDamagedPost() throws {
        let output = FileManager.default.temporaryDirectory.appending(path: "chronicle-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = SiteGenerator(options: BuildOptions(source: RepoPaths.root, output: output)).generate()
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.formattedDiagnostics)")
        let repairs = result.formattedDiagnostics.filter { $0.contains("[repair.mojibake]") }
        #expect(repairs.contains(
            "content/posts/2026/release-2026-05/index.de.md:18:25: warning: repaired mojibake 'fÃ¼nfmal' -> 'fünfmal' (Windows-1252, confidence 0.94) [repair.mojibake]"))
        #expect(repairs.contains(
            "content/posts/2026/release-2026-05/index.de.md:18:46: warning: repaired mojibake 'ðŸš€' -> '🚀' (Windows-1252, confidence 0.94) [repair.mojibake]"))
        // The title, in a front matter whose other fields are correct (each of its lines is judged alone).
        #expect(repairs.contains(
            "content/posts/2026/release-2026-05/index.de.md:2:54: warning: repaired mojibake 'LÃ¤rm' -> 'Lärm' (Windows-1252, confidence 0.92) [repair.mojibake]"))
        #expect(repairs.allSatisfy { $0.hasPrefix("content/posts/2026/release-2026-05/index.de.md:") })
        let page = try #require(result.files.first { $0.path.hasSuffix("release-2026-05/index.html") && $0.path.hasPrefix("de/") }.flatMap { result.text($0.path) })
        #expect(page.contains("fünfmal") && page.contains("läuft") && page.contains("weniger Lärm in den Protokollen"))
        #expect(page.contains("unterstützt PostgreSQL 13 nicht mehr"))
        #expect(!page.contains("Ã¼") && !page.contains("Ã¤"))
    }

    @Test("A dropped byte is guessed from the characters the other pages of the site use, with a note naming the candidates")
    func siteVocabularyDecidesAGuess() throws {
        let site = try TestSite([
            "content/posts/mascot/index.en.md": "---\ntitle: Mascot\ndate: 2026-01-01\n---\nOur mascot 🐄 says moo.\n",
            "content/posts/release/index.en.md": "---\ntitle: Release\ndate: 2026-02-01\n---\n"
                + Mojibake.windows1252("Moo 🐄 has landed. Grüße!", dropUndefined: true) + "\n",
        ])
        defer { site.remove() }
        let result = site.build()
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.formattedDiagnostics)")
        let page = try #require(result.text("posts/release/index.html"))
        #expect(page.contains("Moo 🐄 has landed. Grüße!"))
        let notes = result.formattedDiagnostics.filter { $0.contains("[repair.guess]") }
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("content/posts/release/index.en.md:5:5: note: a dropped byte was guessed; candidates, best first: '🐄'") == true)
    }

    @Test("The same page in the other language decides a guess, whatever the rest of the site uses")
    func translationDecidesAGuess() throws {
        let site = try TestSite([
            "content/posts/other/index.en.md": "---\ntitle: Mushrooms\ndate: 2026-01-01\n---\nMushrooms 🍄 and more 🍄.\n",
            "content/posts/release/index.en.md": "---\ntitle: Release\ndate: 2026-02-01\n---\nThe cow 🐄 is back.\n",
            "content/posts/release/index.de.md": "---\ntitle: Version\ndate: 2026-02-01\n---\n"
                + Mojibake.windows1252("Die Kuh 🐄 ist zurück.", dropUndefined: true) + "\n",
        ])
        defer { site.remove() }
        let result = site.build()
        let page = try #require(result.text("de/posts/release/index.html"))
        #expect(page.contains("Die Kuh 🐄 ist zurück."))
    }

    @Test("Correct text and mojibake quoted in code stay as written; the quote is a note, not a repair")
    func correctTextStays() throws {
        let body = "Grüße aus Köln, İstanbul’da güzel. In SQL erscheint das als `GrÃ¼ÃŸe`.\n"
        let site = try TestSite(["content/posts/clean/index.en.md": "---\ntitle: Clean\ndate: 2026-01-01\n---\n" + body])
        defer { site.remove() }
        let result = site.build()
        #expect(!result.formattedDiagnostics.contains { $0.contains("[repair.mojibake]") })
        #expect(result.formattedDiagnostics.contains { $0.hasPrefix("content/posts/clean/index.en.md:5:") && $0.contains("[repair.possible]") })
        let page = try #require(result.text("posts/clean/index.html"))
        #expect(page.contains("Grüße aus Köln, İstanbul’da güzel.") && page.contains("<code>GrÃ¼ÃŸe</code>"))
    }
}
