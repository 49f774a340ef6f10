import ArgumentParser
import ContentParsing
import Foundation
import SiteBuilder
import SiteCore

struct NewPostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Create a draft post in every language of the site.",
        discussion: """
            Writes content/posts/YEAR/SLUG/index.<lang>.md for every language in the config \
            (the default content language first; a site whose posts use a plain index.md for \
            the default language gets one too). YEAR is the year of the post's date. Each file \
            is a draft ('draft: true'); nothing is published until you set 'draft: false'.

            The files come from the site's archetype, looked up as Hugo does: \
            archetypes/posts.md, archetypes/default.md, then the same in themes/<theme>/. \
            What an archetype's template actions may use:
              fields     .Date .Name .File.ContentBaseName .Section .Type
                         .Site.Title .Site.Language.Lang .Site.Params.KEY
              functions  replace title humanize lower upper, "strings", pipes, ( )
              e.g.       title: "{{ replace .Name "-" " " | title }}"
            and comments {{/* */}} and {{- -}}. Any other action is an error at its \
            path:line:column, and nothing is written.

            Without an archetype, a built-in one is used: title, date (RFC 3339 with the \
            machine's current UTC offset), draft: true, a translationKey the languages share \
            (posts/YEAR/SLUG), and empty values for the fields most of the site's posts have \
            (tags: [], author: "" ...), in the front matter format they use.

            Nothing is ever overwritten: when a file of the post exists, nothing is written and \
            the exit code is 1. The written paths are printed on standard output, one a line \
            (relative to the current folder), so they can be handed to an editor.

            Examples:
              chronicle new post my-first-post
              chronicle new post release-2026-07 --title "Lumen 2026.07" --source site
              chronicle new post backup-howto --date 2026-12-04T10:15:00+01:00
              $EDITOR $(chronicle new post my-first-post)
            """
    )

    @Argument(help: "The post's folder name: lowercase letters, digits and hyphens (my-first-post).")
    var slug: String

    @Option(name: .long, help: "The site folder (with config.toml and content/).")
    var source: String = "."

    @Option(name: .long, help: "The post's date, ISO 8601 (2026-12-04 or 2026-12-04T10:15:00+01:00; without an offset, the machine's). Default: now.")
    var date: String?

    @Option(name: .long, help: "The post's title. Default: from the archetype, or from the slug (my-first-post -> My first post).")
    var title: String?

    func validate() throws {
        if let problem = PostScaffold.slugProblem(slug) { throw ValidationError(problem) }
        if let date, PostScaffold.date(date) == nil {
            throw ValidationError("--date '\(date)' is not an ISO 8601 date (e.g. 2026-12-04 or 2026-12-04T10:15:00+01:00)")
        }
        if let title, title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--title must not be empty")
        }
    }

    func run() throws {
        let siteURL = try SourceFolder.resolve(source)
        let request = PostScaffold.Request(slug: slug, date: date.flatMap { PostScaffold.date($0) }, title: title)
        let printer = DiagnosticPrinter(showNotes: true)
        let (planned, diagnostics) = PostScaffold.plan(siteDirectory: siteURL, request: request)
        printer.print(diagnostics.map(shown))
        guard let scaffold = planned else { throw ExitCode(1) }
        let failures = scaffold.write(siteDirectory: siteURL)
        if !failures.isEmpty {
            printer.print(failures.map(shown))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(scaffold.files.map { shown($0.path) + "\n" }.joined().utf8))
        let from = scaffold.archetype.map { "from \(shown($0))" } ?? builtInDescription(scaffold.conventions)
        let sourceOption = source == "." ? "" : " --source \(source)"
        printer.summary("""
            created a draft post in \(scaffold.files.count) language(s) \(from)
            next: write it, preview it with 'chronicle serve --drafts\(sourceOption)' (or \
            'chronicle build --drafts\(sourceOption)'), and set 'draft: false' to publish it
            """)
    }

    /// A path relative to the site folder as seen from the current folder (`site/content/…`).
    func shown(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        var prefix = source
        while prefix.hasSuffix("/"), prefix.count > 1 { prefix.removeLast() }
        if prefix == "." || prefix == "./" { return path }
        return prefix == "/" ? "/" + path : prefix + "/" + path
    }

    func shown(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.location.path = shown(diagnostic.location.path)
        return diagnostic
    }

    func builtInDescription(_ conventions: PostConventions) -> String {
        let fields = conventions.fields.map(\.key)
        guard !fields.isEmpty else { return "from the built-in archetype" }
        return "from the built-in archetype, with the fields most of the site's \(conventions.postCount) post files have: "
            + fields.joined(separator: ", ")
    }
}
