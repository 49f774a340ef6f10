/// One language's page of a translation group.
public struct TranslationPage: Sendable {
    public var language: String
    /// The language's name from the config (`Deutsch`), else its code.
    public var languageName: String
    /// The content file, relative to the site folder: `content/posts/2024/a/index.de.md`.
    public var path: String
    /// The page's own URL in the site: `/de/posts/2024/a/`.
    public var url: String
    public var title: String
    /// When it last changed, by the group's evidence; nil when nothing says.
    public var changed: ChangeTime?
}
