import ArgumentParser
import Foundation
import MarkdownRendering
import SiteBuilder
import SiteCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads config.toml (or hugo.toml, config.yaml), content/, static/ and layouts/ from the \
            source folder and writes HTML into the output folder. Problems are printed as \
            'path:line:column: severity: message [code]'; the build goes on and reports them all. \
            The exit code is 1 when any error was found (or any warning, with --strict); the previous \
            output is then left untouched.

            With --search, each language gets a search page (/search/, /de/search/) and Pagefind \
            (pagefind.app; install it with '\(Pagefind.installCommand)') indexes the built site \
            into pagefind/ before it replaces the output: one index per language, served by the \
            site itself.
            """
    )

    @OptionGroup var site: SiteSelection

    @Option(name: .long, help: "Where to write the site. Default: public/ inside the source folder.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override the config's baseURL (e.g. http://localhost:8000/).")
    var baseURL: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Print notes too (possible but unsure repairs), and how the build ran.")
    var verbose = false

    @Flag(name: .long, help: "Write search pages and index the site with Pagefind (pagefind.app) into pagefind/.")
    var search = false

    @Option(name: .long, help: ArgumentHelp(
        "The Pagefind binary for --search (default: $CHRONICLE_PAGEFIND, pagefind on PATH, python3's pagefind_bin).",
        valueName: "path"))
    var pagefind: String?

    @Option(name: .long, help: "Threads to use (default: one per core). The output is the same with any number.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let start = Date()
        var options = try site.buildOptions(output: output)
        let outputURL = options.output
        options.baseURL = baseURL
        options.jobs = jobs
        options.search = search

        let printer = DiagnosticPrinter(showNotes: verbose)
        // Pagefind is looked for first: without it a --search build would only fail at the end.
        var indexer: Pagefind?
        if search {
            do {
                indexer = try Pagefind.locate(explicit: pagefind)
            } catch {
                printer.summary("error: \(error)")
                printer.summary("nothing was built; \(outputURL.path) left unchanged")
                throw ExitCode(1)
            }
        }
        // Pages are written into a staging folder beside the output as they are built, and
        // swapped in only when the build succeeds.
        let staged: StagedOutput
        do {
            staged = try StagedOutput(output: outputURL)
        } catch {
            printer.summary("error: \(error)")
            throw ExitCode(1)
        }
        let progress = ProgressLine()
        let generator = SiteGenerator(options: options, progress: { stage, done, total in
            progress.update(stage, done, total)
        })
        let result = generator.generate(into: staged)
        progress.finish()

        printer.print(result.diagnostics)
        let failed = result.hasErrors || (strict && result.warningCount > 0)
        if failed {
            staged.discard()
            printer.summary("build failed: \(result.errorCount) error(s), \(result.warningCount) warning(s); \(outputURL.path) left unchanged")
            throw ExitCode(1)
        }
        let fileCount = staged.count
        var indexSummary: String?
        if let indexer {
            indexSummary = try index(staged, with: indexer, printer: printer, output: outputURL)
        }
        do {
            try staged.commit()
        } catch {
            printer.summary("error: \(error)")
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(start)
        if verbose {
            let stages = result.stageSeconds.map { String(format: "%@ %.2fs", $0.stage, $0.seconds) }
            printer.summary("stages: " + stages.joined(separator: ", ") + String(format: ", writing out %.2fs", Date().timeIntervalSince(start) - result.stageSeconds.reduce(0) { $0 + $1.seconds }))
            printer.summary("Markdown: \(CmarkConcurrency.mode.description); \(jobs.map { "\($0)" } ?? "one per core") thread(s)")
        }
        printer.summary(String(
            format: "built %d pages, %d files in %.2fs (%d warning(s)) -> %@",
            result.pages.count, fileCount, seconds, result.warningCount, outputURL.path))
        if let indexSummary { printer.summary(indexSummary) }
    }

    /// Runs Pagefind over the staged site (before it replaces the output: a failed index
    /// leaves the previous output as it was); returns the line that sums it up.
    private func index(_ staged: StagedOutput, with indexer: Pagefind, printer: DiagnosticPrinter, output: URL) throws -> String {
        let start = Date()
        let run: Pagefind.Run
        do {
            run = try indexer.index(staged.folder)
        } catch {
            staged.discard()
            printer.summary("error: cannot run Pagefind (\(indexer.executable.path)): \(error.localizedDescription)")
            printer.summary("build failed: the site was not indexed; \(output.path) left unchanged")
            throw ExitCode(1)
        }
        if verbose {
            // Pagefind names the staging folder; the reader knows the output folder.
            printer.summary(run.log.replacingOccurrences(of: staged.folder.path, with: output.path)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard run.succeeded else {
            staged.discard()
            printer.summary("error: Pagefind (\(indexer.executable.path)) failed with exit code \(run.status): \(run.problem)")
            printer.summary("build failed: the site was not indexed; \(output.path) left unchanged")
            throw ExitCode(1)
        }
        let pages = run.total("pages").map { "\($0) page(s)" } ?? "the site"
        let languages = run.languages.isEmpty ? "" : " in \(run.languages.count) language(s) (\(run.languages.joined(separator: ", ")))"
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        return "indexed \(pages)\(languages) for search with Pagefind in \(seconds)s -> \(output.appending(path: Pagefind.outputFolder).path)/"
    }
}
