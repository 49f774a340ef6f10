import ArgumentParser
import Foundation
import TextRepair

/// `chronicle repair FILE...`: finds and undoes mojibake in text files.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Repair mojibake (UTF-8 text misread as Windows-1252, Latin-1, Mac Roman, …) in text files.",
        discussion: """
            Finds text like 'fÃ¼r' (für), 'â€ž' („) or 'ðŸ„' (an emoji that lost a byte) and turns it \
            back into what was written. It knows UTF-8 misread as Windows-1252, Windows-1254, \
            Windows-1250, Latin-1 and Mac Roman, damage applied twice, undefined bytes turned into \
            control characters, and bytes that were dropped: where a dropped byte has to be guessed, \
            it ranks the candidates (emoji data, neighbouring characters, the post's other-language \
            file) and --explain lists them.

            Correct text is never changed: a paragraph is repaired only when all its non-ASCII \
            characters are mojibake, so Turkish, Czech, French or Nordic text stays as it is, and so \
            does mojibake quoted on purpose in code or quotes (reported by --explain as a note). \
            Line breaks (LF or CRLF) and a byte order mark are kept. A file that is not UTF-8 at all \
            is read as Windows-1252 (with a warning) and written as UTF-8.

            Where the result goes:
              repair FILE                    the repaired text on standard output
              repair --output-dir DIR FILE…  every file, repaired or not, below DIR
              repair --write FILE…           in place; the original kept as FILE.orig
              repair --check FILE…           nothing written; exit status 1 if any changes

            A folder stands for every .md, .markdown, .txt and .html file below it (hidden ones \
            left out): `chronicle repair --check content` looks at a whole site. With --output-dir \
            a relative FILE keeps its path below DIR, an absolute one just its name. --write replaces a file atomically and only when it needs a repair; it refuses to \
            overwrite an existing FILE.orig. Exit status: 0 when all went well, 1 when a file could \
            not be read or written (or, with --check, when any file would change).

            Guesses for dropped bytes use the file's siblings in other languages as reference \
            (index.de.md for index.en.md, post.md for post.en.md) and any --reference files.

            Examples:
              chronicle repair post.md > fixed.md
              chronicle repair --explain --check content/posts/*/index.*.md
              chronicle repair --write content/posts/2024/release/index.de.md
              chronicle repair --output-dir repaired content
            """
    )

    @Argument(help: ArgumentHelp("The files to repair; a folder stands for the Markdown, text and HTML files below it.", valueName: "FILE"))
    var files: [String]

    @Flag(name: .long, help: "Repair the files in place, keeping each original as FILE.orig. Files that need no repair are left untouched.")
    var write = false

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write every file, repaired, below DIR.", valueName: "DIR"))
    var outputDir: String?

    @Flag(name: .long, help: "Print each repair to standard error as 'path:line:column: warning: …', with the ranked candidates for guessed bytes and notes for suspicious text left alone.")
    var explain = false

    @Flag(name: .long, help: "Write nothing; exit with status 1 when any file would change (for CI).")
    var check = false

    @Option(name: .long, help: ArgumentHelp("A text holding the same characters intact (e.g. the post in another language), used to rank guesses for dropped bytes. Repeatable.", valueName: "FILE"))
    var reference: [String] = []

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
    }

    func run() throws {
        try options.run()
    }

    var options: RepairOptions {
        RepairOptions(files: files, write: write, outputDir: outputDir, explain: explain, check: check, reference: reference)
    }
}
