import ArgumentParser

@main
struct Chronicle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Builds bilingual release-notes sites from Hugo-style content.",
        discussion: """
            Chronicle reads a Hugo-style site (config.toml, content/, static/, layouts/), repairs \
            mojibake, renders Markdown with cmark-gfm and writes a themed static site.

            Examples:
              chronicle build                         build ./ into ./public
              chronicle build --source site --output out --drafts
              chronicle repair post.md                print the repaired text
              chronicle repair --write content/**/*.md  repair in place, keeping FILE.orig
              chronicle translations --strict         list missing and stale translations
            """,
        subcommands: [BuildCommand.self, CheckCommand.self, RepairCommand.self, TranslationsCommand.self],
        defaultSubcommand: nil
    )
}
