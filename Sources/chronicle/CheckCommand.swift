import ArgumentParser
import ContentParsing
import Foundation
import SiteBuilder
import SiteCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a site without writing anything.",
        discussion: """
            Runs a whole build in memory and reports every diagnostic it finds, plus links inside \
            the site that lead nowhere (pages, #anchors, images, in either language, ref/relref \
            targets), featured images that do not exist, bundle resources no page uses, and \
            mojibake left in the sources (fix it with 'chronicle repair --write'). \
            Exits 1 when there is any error (or any warning, with --strict).
            """
    )

    @OptionGroup var site: SiteSelection

    @Option(name: .long, help: "Output format: text (clang style) or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let options = try site.buildOptions()
        let bodies = RenderedBodies()
        var generator = SiteGenerator(options: options)
        generator.observeRenderedPage = bodies.collect
        let result = generator.generate()
        let diagnostics = (result.diagnostics + LinkChecker(result: result, bodies: bodies).check()).sorted()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        switch format {
        case .text:
            DiagnosticPrinter(showNotes: true).print(diagnostics)
            DiagnosticPrinter(showNotes: true).summary(
                "checked \(result.pages.count) pages: \(errors) error(s), \(warnings) warning(s)")
        case .json:
            let report = CheckReport(
                pages: result.pages.count, errors: errors, warnings: warnings,
                diagnostics: diagnostics.map(CheckReport.Item.init),
                unsupported: diagnostics.compactMap(CheckReport.Unsupported.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report))
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

/// `chronicle check --format json`.
struct CheckReport: Encodable {
    var pages: Int
    var errors: Int
    var warnings: Int
    var diagnostics: [Item]
    /// Config keys and front matter fields Chronicle does not act on, for tools: one entry
    /// per `config.unsupported` / `frontmatter.unsupported` warning.
    var unsupported: [Unsupported]

    struct Unsupported: Encodable {
        /// `config` or `frontmatter`.
        var kind: String
        var key: String
        /// What Chronicle does instead.
        var instead: String
        var path: String
        var line: Int?
        var column: Int?
        /// Further files that set a front matter field (0 for config keys).
        var moreFiles: Int

        init?(_ diagnostic: Diagnostic) {
            guard diagnostic.code == "config.unsupported" || diagnostic.code == "frontmatter.unsupported",
                  let key = diagnostic.fields["key"], let instead = diagnostic.fields["instead"] else { return nil }
            kind = diagnostic.code == "config.unsupported" ? "config" : "frontmatter"
            self.key = key
            self.instead = instead
            moreFiles = diagnostic.fields["moreFiles"].flatMap { Int($0) } ?? 0
            path = diagnostic.location.path
            line = diagnostic.location.line
            column = diagnostic.location.column
        }
    }

    struct Item: Encodable {
        var severity: String
        var code: String
        var message: String
        var path: String
        var line: Int?
        var column: Int?
        /// Related places (the other page of a URL clash), as the text format prints them.
        var notes: [Note]

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            code = diagnostic.code
            message = diagnostic.message
            path = diagnostic.location.path
            line = diagnostic.location.line
            column = diagnostic.location.column
            notes = diagnostic.notes.map(Note.init)
        }
    }

    struct Note: Encodable {
        var message: String
        var path: String
        var line: Int?
        var column: Int?

        init(_ note: Diagnostic.Note) {
            message = note.message
            path = note.location.path
            line = note.location.line
            column = note.location.column
        }
    }
}
