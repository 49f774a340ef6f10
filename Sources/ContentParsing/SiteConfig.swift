import SiteCore

/// A menu entry from `[[languages.xx.menu.main]]` or `[[menu.main]]`.
public struct MenuEntry: Sendable, Hashable {
    public var identifier: String
    public var name: String
    public var url: String
    public var title: String
    public var pre: String
    public var post: String
    public var weight: Int
    public var parent: String?
    /// Where `url` (or `pageRef`) is written in the config, for diagnostics about it: the config
    /// file alone when the place was not found (a value written with escapes the search does
    /// not know); nil without a url.
    public var urlLocation: SourceLocation?

    public init(
        identifier: String, name: String, url: String, title: String = "", pre: String = "",
        post: String = "", weight: Int = 0, parent: String? = nil, urlLocation: SourceLocation? = nil
    ) {
        self.urlLocation = urlLocation
        self.identifier = identifier
        self.name = name
        self.url = url
        self.title = title
        self.pre = pre
        self.post = post
        self.weight = weight
        self.parent = parent
    }
}

/// One language of the site with what the config says for it.
public struct LanguageConfig: Sendable, Hashable {
    public var language: Language
    /// Site params merged with `[languages.xx.params]` (the language's win).
    public var params: ParamValue
    /// Menus by name (`main`), sorted by weight then name.
    public var menus: [String: [MenuEntry]]
    /// The language's own content folder (`contentDir = "content/de"`), relative to the site;
    /// nil: the site's `contentDir`, with languages told apart by file name.
    public var contentDir: String?
    /// `[languages.xx.permalinks]`: when given, it replaces the site's `[permalinks]` for the
    /// language as a whole (Hugo 0.111 does not merge the two).
    public var permalinks: [String: PermalinkPattern]?

    public init(language: Language, params: ParamValue, menus: [String: [MenuEntry]], contentDir: String? = nil) {
        self.language = language
        self.params = params
        self.menus = menus
        self.contentDir = contentDir
    }
}

/// Markdown options as Hugo's `[markup]` section sets them.
public struct MarkupConfig: Sendable, Hashable {
    public var unsafe = false
    public var typographer = true
    public var linkify = true
    public var strikethrough = true
    public var table = true
    public var taskList = true
    public var footnote = true
    public var lineNumbers = false
    /// Fenced code blocks in known languages are highlighted (Hugo's `markup.highlight.codeFences`).
    public var highlightCodeFences = true
    public var tocStartLevel = 2
    public var tocEndLevel = 3

    public init() {}
}

/// The site configuration read from `config.toml`, `hugo.toml` or `config.yaml`.
public struct SiteConfig: Sendable {
    public var baseURL: String = "/"
    public var title: String = ""
    public var theme: String?
    public var defaultContentLanguage: String = "en"
    /// Whether the default language also lives under `/xx/` (Hugo's `defaultContentLanguageInSubdir`).
    public var defaultContentLanguageInSubdir = false
    /// Languages ordered by weight, then code. Never empty: a site without `[languages]` has one.
    public var languages: [LanguageConfig] = []
    public var params: ParamValue = .table([:])
    /// Taxonomies: singular -> plural (`tag` -> `tags`). Defaults to tags and categories.
    public var taxonomies: [String: String] = ["tag": "tags", "category": "categories"]
    /// Hugo's `paginate` / `pagination.pagerSize`, nil when the config does not say.
    public var paginate: Int?
    /// Hugo's `rssLimit` / `services.rss.limit`, nil when the config does not say.
    public var rssLimit: Int?
    public var summaryLength: Int = 70
    public var markup = MarkupConfig()
    public var enableRobotsTXT = false
    /// Hugo's `contentDir`: the content folder of languages without one of their own.
    public var contentDir = "content"
    /// Hugo's `disableKinds`, lower-cased (`rss`, `taxonomy`, `term`, `sitemap`, `robotstxt`,
    /// `404`); `taxonomyterm`, the spelling before Hugo 0.73, is `taxonomy` here.
    public var disableKinds: Set<String> = []
    /// `[permalinks]`: URL patterns of regular pages by their first section (`posts`), and of
    /// taxonomy terms by the taxonomy's plural (`tags`). Keys are lower-cased.
    public var permalinks: [String: PermalinkPattern] = [:]
    /// Hugo's `uglyURLs = true`: pages and lists at `/posts/a.html` instead of `/posts/a/`.
    public var uglyURLs = false
    /// Hugo's `[uglyURLs] posts = true`: the same for some sections (or taxonomies) only.
    public var uglySections: Set<String> = []
    /// The whole config as read, for anything a theme wants.
    public var raw: ParamValue = .table([:])

    public init() {}

    /// Whether the pages and list of a section (or a taxonomy's lists, by its plural) have
    /// ugly URLs (`/posts/a.html`).
    public func isUgly(_ section: String) -> Bool {
        uglyURLs || !uglySections.isEmpty && uglySections.contains(section.lowercased())
    }

    public func language(_ code: String) -> LanguageConfig? {
        languages.first { $0.language.code == code }
    }

    /// The `[permalinks]` patterns of a language: its own when it has them, else the site's.
    public func permalinks(for language: String) -> [String: PermalinkPattern] {
        if permalinks.isEmpty && !languages.contains(where: { $0.permalinks != nil }) { return [:] }
        return self.language(language)?.permalinks ?? permalinks
    }
}
