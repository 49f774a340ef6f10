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

        let printer = DiagnosticPrinter(showNotes: verbose)
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
    }
}
