import ContentParsing
import Foundation
import SiteCore

/// One language's lists, computed by the link stage from the pages alone: the home page's
/// posts, each section's and each taxonomy term's pages (newest first), the taxonomy indexes,
/// and the year archive's posts. Pages are indexes into `LinkedSite.pages`.
struct LanguagePlan: Sendable {
    let language: String
    /// The URL prefix: "" for the default language at the root, else `/de`.
    let prefix: String
    /// The language's regular pages, newest first.
    let regular: [Int]
    /// The posts of the main sections, newest first (home page, archive).
    let posts: [Int]
    /// Home, sections and terms, in that order (within taxonomies: by taxonomy, then term).
    let lists: [ListSpec]
    let taxonomies: [TaxonomySpec]
    /// Section lists, for neighbours.
    let sections: [ListSpec]
    /// Term page URLs by taxonomy and term slug, where a `[permalinks]` pattern makes them
    /// (else a term's URL is the taxonomy's URL and its slug).
    let termURLs: [String: [String: String]]

    /// One paginated list page with its feed.
    struct ListSpec: Sendable {
        enum Kind: String, Sendable {
            case home, section, term
        }

        var kind: Kind
        var url: String
        var title: String
        var pages: [Int]
        var pageSize: Int
        var feedLimit: Int
        /// The `_index.md` page whose body introduces the list.
        var content: Int?
    }

    /// A taxonomy's index page (`/tags/`) and its feed.
    struct TaxonomySpec: Sendable {
        var plural: String
        var url: String
        var title: String
        var content: Int?
        /// Terms in first-use order; each term's pages newest first.
        var terms: [TaxonomyIndex.Term]
        /// Terms by post count, then name: the index page's order.
        var byCount: [TaxonomyIndex.Term]
        var feedLimit: Int
    }

    /// `termSlugs`: every taxonomy term as written -> its URL segment.
    init(language: String, pages: [Page], config: SiteConfig, theme: Theme, termSlugs: [String: String]) {
        self.language = language
        let prefix = URLPaths.languagePrefix(language, config: config)
        self.prefix = prefix
        let all = pages.indices.filter { pages[$0].language == language }
        let regular = all.filter { pages[$0].isRegular }.sorted { Self.newestFirst(pages[$0], pages[$1]) }
        self.regular = regular
        var branches: [String: Int] = [:]
        for index in all where !pages[index].isRegular && branches[pages[index].file.logicalPath] == nil {
            branches[pages[index].file.logicalPath] = index
        }
        let params = config.language(language)?.params ?? config.params
        func intParam(_ path: String) -> Int? { params.lookup(path)?.intValue }
        func label(_ key: String) -> String {
            let text = theme.translations.text(key, language: language)
            return text == key ? key.capitalized : text
        }
        let main = Self.mainSections(regular.map { pages[$0] }, config: config)
        let posts = regular.filter { main.contains(pages[$0].section) }
        self.posts = posts
        let rssDefault = config.rssLimit ?? 10
        let listSize = config.paginate ?? 20

        var lists: [ListSpec] = [ListSpec(
            kind: .home, url: prefix + "/", title: config.language(language)?.language.title ?? config.title,
            pages: posts, pageSize: intParam("home.posts.paginate") ?? config.paginate ?? 10,
            feedLimit: intParam("home.rss") ?? rssDefault, content: branches[""])]
        var sections: [ListSpec] = []
        // Every section with a page in this language, and every one an `_index.md` of this
        // language makes or is inside of (`posts/2024/_index.md` makes `posts` too), as Hugo's.
        let plurals = Set(config.taxonomies.values)
        let branchSections = branches.keys.compactMap { path in path.split(separator: "/").first.map(String.init) }
            .filter { !plurals.contains($0) }
        for section in Set(regular.filter { pages[$0].isPost }.map { pages[$0].section } + branchSections).sorted() {
            let branch = branches[section]
            sections.append(ListSpec(
                kind: .section, url: Self.listURL(prefix + "/" + Slug.urlize(section) + "/", ugly: config.isUgly(section)),
                title: branch.map { pages[$0].metadata.title } ?? label(section),
                pages: regular.filter { pages[$0].section == section },
                pageSize: intParam("section.paginate") ?? listSize,
                feedLimit: intParam("section.rss") ?? rssDefault, content: branch))
        }
        lists += sections
        // Nested sections (`posts/2024/_index.md` -> `/posts/2024/`), listing every page below
        // them. Not taxonomies: their terms come below.
        for (path, branch) in branches.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/")
            guard parts.count > 1, !plurals.contains(String(parts[0])) else { continue }
            let below = path + "/"
            lists.append(ListSpec(
                kind: .section, url: pages[branch].relativeURL, title: pages[branch].metadata.title,
                pages: regular.filter { pages[$0].file.logicalPath.hasPrefix(below) },
                pageSize: intParam("section.paginate") ?? listSize,
                feedLimit: intParam("section.rss") ?? rssDefault, content: branch))
        }
        self.sections = sections
        var taxonomies: [TaxonomySpec] = []
        var termURLs: [String: [String: String]] = [:]
        let patterns = config.permalinks(for: language)
        for plural in config.taxonomies.values.sorted() {
            var index = TaxonomyIndex(plural: plural, pages: regular, in: pages) { termSlugs[$0] ?? Slug.urlize($0) }
            let ugly = config.isUgly(plural)
            let taxonomyURL = Self.listURL(prefix + "/" + Slug.urlize(plural) + "/", ugly: ugly)
            for position in index.terms.indices {
                let term = index.terms[position]
                index.terms[position].url = Self.termURL(prefix: prefix, plural: plural, slug: term.slug, config: config)
                guard let made = Permalinks.termURL(
                    plural: plural, name: term.name, page: branches[plural + "/" + term.slug].map { pages[$0] },
                    newest: term.pages.first.map { pages[$0] }, patterns: patterns) else { continue }
                let url = Self.listURL(prefix + made, ugly: ugly)
                // A pattern's literal text could climb out (`/../`): such a term keeps its URL.
                guard URLPaths.safeSitePath(url) != nil, URLPaths.isSafeOutputPath(URLPaths.outputFile(forURL: url)) else { continue }
                index.terms[position].url = url
                termURLs[plural, default: [:]][term.slug] = url
            }
            let branch = branches[plural]
            taxonomies.append(TaxonomySpec(
                plural: plural, url: taxonomyURL, title: branch.map { pages[$0].metadata.title } ?? label(plural),
                content: branch, terms: index.terms, byCount: index.byCount,
                feedLimit: intParam("list.rss") ?? rssDefault))
            for term in index.terms {
                let termBranch = branches[plural + "/" + term.slug]
                lists.append(ListSpec(
                    kind: .term, url: term.url,
                    title: termBranch.map { pages[$0].metadata.title } ?? term.name,
                    pages: term.pages, pageSize: intParam("list.paginate") ?? listSize,
                    feedLimit: intParam("list.rss") ?? rssDefault, content: termBranch))
            }
        }
        self.lists = lists
        self.taxonomies = taxonomies
        self.termURLs = termURLs
    }

    /// A term page's URL without a `[permalinks]` pattern: `/de/tags/arm64/` (or
    /// `/de/tags/arm64.html` with ugly URLs).
    static func termURL(prefix: String, plural: String, slug: String, config: SiteConfig) -> String {
        listURL(prefix + "/" + Slug.urlize(plural) + "/" + slug + "/", ugly: config.isUgly(plural))
    }

    /// A list's URL: `/posts/`, or `/posts.html` when it is ugly.
    static func listURL(_ folder: String, ugly: Bool) -> String {
        ugly ? URLPaths.ugly(folder) : folder
    }

    /// The sections whose posts the home page lists: `params.mainSections`, else the largest.
    static func mainSections(_ regular: [Page], config: SiteConfig) -> Set<String> {
        if let listed = config.params["mainSections"]?.stringList, !listed.isEmpty { return Set(listed) }
        let counts = Dictionary(grouping: regular.filter(\.isPost), by: \.section).mapValues(\.count)
        guard let largest = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return [] }
        return [largest.key]
    }

    static func newestFirst(_ a: Page, _ b: Page) -> Bool {
        let left = a.displayDate?.date ?? .distantPast
        let right = b.displayDate?.date ?? .distantPast
        if left != right { return left > right }
        if a.metadata.weight != b.metadata.weight { return a.metadata.weight < b.metadata.weight }
        return a.metadata.title < b.metadata.title
    }
}
