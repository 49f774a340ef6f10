import ArgumentParser
import Foundation
import SiteBuilder
import SiteCore
import TranslationReview

struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "List the translations that are missing or stale, and how their languages differ.",
        discussion: """
            Builds the site in memory (nothing is written) and groups its pages by \
            translationKey, else by content path (posts/2024/a/index.de.md and index.en.md are \
            one group). A group is missing when a configured language has no page, and stale \
            when one language changed later than another: by lastmod when every language has \
            one, else by each file's last git commit when the site is in a git work tree \
            (uncommitted changes count at their file time), else by the files' modification \
            times. Changes less than an hour apart count as one. List pages (_index.md) are \
            left out.

            Prints one line per missing or stale page, 'path: state: detail', and under it \
            the structural differences between the languages: a heading, admonition, link, \
            image, code block or table present in one language only, link targets that differ \
            (a language prefix like /de/ aside), and versions or dates that differ (a date \
            written in each language's own way is the same date). A summary line goes to \
            standard error. Errors of the build are printed too: a page that could not be \
            read may be the reason a translation shows as missing.

            Examples:
              chronicle translations
              chronicle translations --format json   every group, its state and differences
              chronicle translations --strict        exit 1 on anything missing or stale

            Output (a page's line can be longer than the terminal is wide):
              content/posts/a/index.de.md: missing: no English page
              content/posts/b/index.de.md: stale: English changed 2024-05-02 after Deutsch 2024-04-01 (lastmod)
                  in “Upgrade”: admonition only in English: warning “Back up first”
                  in “Upgrade”: version differs: English 25.0.3, Deutsch 25.0.2
              53 groups: 51 complete, 1 missing, 1 stale      (on standard error)
            """
    )

    @OptionGroup var site: SiteSelection

    @Option(name: .long, help: "Output format: text (the missing and stale pages) or json (every group).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Exit 1 when any translation is missing or stale.")
    var strict = false

    func run() throws {
        let options = try site.buildOptions()
        let (built, result) = TranslationReview.build(options: options)
        // A page the build could not read is left out, and may show as missing: say why.
        DiagnosticPrinter(showNotes: true).print(result.diagnostics.filter { $0.severity == .error })
        guard let review = built else { throw ExitCode(1) }
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(Self.text(review).utf8))
            DiagnosticPrinter(showNotes: true).summary(review.summary)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(TranslationsReport(review)))
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        if strict && review.missingCount + review.staleCount > 0 { throw ExitCode(1) }
    }

    /// One line per missing or stale page (`path: state: detail`), in path order, each
    /// group's differences indented under its lines.
    static func text(_ review: TranslationReview) -> String {
        var entries: [(path: String, text: String)] = []
        for group in review.groups where group.state != .complete {
            var lines: [String] = []
            if let missing = group.missingMessage, let first = group.pages.first {
                lines.append("\(first.path): missing: \(missing)")
            }
            for stale in group.stale { lines.append("\(stale.path): stale: \(stale.message)") }
            for difference in group.differences { lines.append("    \(difference.place): \(difference.message)") }
            entries.append((group.pages.first?.path ?? group.key, lines.joined(separator: "\n") + "\n"))
        }
        return entries.sorted { $0.path < $1.path }.map(\.text).joined()
    }
}
