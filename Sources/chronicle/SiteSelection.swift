import ArgumentParser
import Foundation
import SiteBuilder

/// The options every command that builds the site shares: which folder, and which pages.
struct SiteSelection: ParsableArguments {
    @Option(name: .long, help: "The site folder (with config.toml and content/).")
    var source: String = "."

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Include pages dated in the future.")
    var future = false

    @Flag(name: .long, help: "Include pages past their 'expiryDate'.")
    var expired = false

    /// The build options for this selection; the output is `output`, else `public/` in the site.
    func buildOptions(output: String? = nil) throws -> BuildOptions {
        let sourceURL = try SourceFolder.resolve(source)
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? sourceURL.appending(path: "public")
        var options = BuildOptions(source: sourceURL, output: outputURL)
        options.includeDrafts = drafts
        options.includeFuture = future
        options.includeExpired = expired
        return options
    }
}

/// `--format` of the commands that print a report.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
