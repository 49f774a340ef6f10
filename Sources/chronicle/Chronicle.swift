import ArgumentParser

struct Chronicle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Builds bilingual release-notes sites from Hugo-style content.",
        discussion: """
            Chronicle reads a Hugo-style site (config.toml, content/, static/, layouts/), repairs \
            mojibake, renders Markdown with cmark-gfm and writes a themed static site.

            Examples:
              chronicle build                         build ./ into ./public
              chronicle build --source site --output out --drafts
              chronicle serve --drafts                preview on http://127.0.0.1:1313/, live
              chronicle repair post.md                print the repaired text
              chronicle repair --write content/**/*.md  repair in place, keeping FILE.orig
              chronicle new post my-first-post        a draft in every language, from archetypes/
              chronicle translations --strict         list missing and stale translations
            """,
        subcommands: [
            BuildCommand.self, ServeCommand.self, CheckCommand.self, RepairCommand.self, NewCommand.self,
            TranslationsCommand.self,
        ],
        defaultSubcommand: nil
    )
}
