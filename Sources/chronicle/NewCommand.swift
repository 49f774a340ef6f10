import ArgumentParser

/// `chronicle new`: creates content from archetypes. One kind so far: `post`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create new content (a post) from the site's archetypes.",
        discussion: """
            Example:
              chronicle new post my-first-post
            writes content/posts/YEAR/my-first-post/index.<lang>.md in every language.
            """,
        subcommands: [NewPostCommand.self]
    )
}
