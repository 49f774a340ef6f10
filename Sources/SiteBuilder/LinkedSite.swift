import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore

/// The site as the link stage leaves it, before anything is rendered: every published page
/// with its URL, translations, `ref` targets, each language's lists and taxonomies, and the
/// aliases to write. Built once per build; rendering and emitting only read it.
public struct LinkedSite: Sendable {
    public let config: SiteConfig
    public let theme: Theme
    /// Every published page, in content order (sorted by path).
    public private(set) var pages: [Page]
    /// Page indexes by translation key.
    let translations: [String: [Int]]
    /// Page indexes by every name a `ref` may use, per language: made when the first `ref` is
    /// resolved (nine names per page; `serve` links on every edit, and most edits render no
    /// page with a `ref`).
    var references: [String: [String: Int]] { referenceTable.table }
    private let referenceTable: ReferenceTable
    /// Per page: whether its HTML is written (the first of several pages with one URL is).
    let isWritten: [Bool]
    /// Per page: the neighbours in its section, newest first (for "newer"/"older" links).
    let neighbours: [Neighbours]
    /// One plan per configured language, in the config's order.
    let languages: [LanguagePlan]
    /// Redirect pages for front matter `aliases`, in page order.
    let aliases: [Alias]
    /// The site's path below its host (`/blog` for `https://example.org/blog/`), "" at a root.
    public let basePath: String
    /// `https://example.org` (scheme, host, port) or "" when the base URL has no host.
    let origin: String
    /// Every taxonomy term as written -> its URL segment (`ARM64` -> `arm64`), made once.
    let termSlugs: [String: String]
    /// The site's `static/` folder (images with a `/…` path) as a standardized path, nil when
    /// the site has none; made once (standardizing a URL costs more than reading a header).
    let staticRoot: String?
    /// The sizes of the images pages show, read once per build.
    let imageSizes = ImageSizeCache()

    struct Neighbours: Sendable {
        var newer: Int?
        var older: Int?
    }

    struct Alias: Sendable {
        /// The redirect's output path.
        var outputPath: String
        /// The page it leads to.
        var page: Int
    }

    /// `jobs`: threads to use (nil: one per core).
    init(
        config: SiteConfig, theme: Theme, pages: [Page], isWritten: [Bool], aliases: [Alias], jobs: Int? = nil,
        staticFolder: URL? = nil
    ) {
        self.staticRoot = staticFolder?.standardizedFileURL.path
        self.config = config
        self.theme = theme
        self.pages = pages
        self.isWritten = isWritten
        self.aliases = aliases
        var translations: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            translations[page.translationKey, default: []].append(index)
        }
        self.translations = translations
        referenceTable = ReferenceTable(pages: pages, jobs: jobs)
        let components = URLComponents(string: config.baseURL)
        var path = components?.path ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        basePath = path
        if let components, let host = components.host {
            var origin = (components.scheme ?? "https") + "://" + host
            if let port = components.port { origin += ":\(port)" }
            self.origin = origin
        } else {
            origin = ""
        }
        var termSlugs: [String: String] = [:]
        for page in pages {
            for terms in page.metadata.taxonomies.values {
                for term in terms where termSlugs[term] == nil { termSlugs[term] = Slug.urlize(term) }
            }
        }
        self.termSlugs = termSlugs
        // The languages' plans are independent of each other: made side by side.
        let slugs = termSlugs
        let languages = ParallelMap.map(config.languages.map(\.language.code), jobs: jobs) { language in
            LanguagePlan(language: language, pages: pages, config: config, theme: theme, termSlugs: slugs)
        }
        var neighbours = Array(repeating: Neighbours(), count: pages.count)
        for plan in languages {
            for section in plan.sections {
                let members = section.pages
                for (position, index) in members.enumerated() {
                    neighbours[index].newer = position > 0 ? members[position - 1] : nil
                    neighbours[index].older = position + 1 < members.count ? members[position + 1] : nil
                }
            }
        }
        self.languages = languages
        self.neighbours = neighbours
    }

    /// The same site with other versions of its pages, each at the same place (same URL,
    /// lists, terms, translations: `SiteLinker.sameListPlace`), so every index still holds.
    func replacing(pages: [Page]) -> LinkedSite {
        var site = self
        site.pages = pages
        return site
    }

    /// A taxonomy term's URL segment.
    func slug(ofTerm term: String) -> String {
        termSlugs[term] ?? Slug.urlize(term)
    }

    /// A taxonomy term's page URL path in a language: `/tags/arm64/` (`/tags/arm64.html` with
    /// ugly URLs), or what the language's `[permalinks]` pattern for the taxonomy makes of it.
    func termURL(_ term: String, taxonomy: String, language: String) -> String {
        let slug = slug(ofTerm: term)
        if let plan = languages.first(where: { $0.language == language }), !plan.termURLs.isEmpty,
           let url = plan.termURLs[taxonomy]?[slug] {
            return url
        }
        return LanguagePlan.termURL(prefix: prefix(language), plural: taxonomy, slug: slug, config: config)
    }

    // MARK: - Links

    /// A site path as the browser should request it (base path prefixed, percent-encoded).
    public func relativeLink(_ path: String) -> String {
        Slug.percentEncodedPath(basePath + path)
    }

    /// An absolute URL for a site path.
    public func absoluteLink(_ path: String) -> String {
        origin.isEmpty ? relativeLink(path) : origin + relativeLink(path)
    }

    /// The language prefix of a language's URLs: "" for the default language at the root.
    func prefix(_ language: String) -> String {
        URLPaths.languagePrefix(language, config: config)
    }

    // MARK: - Translations and references

    /// The other languages' versions of a page, in language order.
    public func translations(of index: Int) -> [Int] {
        let page = pages[index]
        let order = config.languages.map(\.language.code)
        return (translations[page.translationKey] ?? [])
            .filter { pages[$0].language != page.language }
            .sorted { (order.firstIndex(of: pages[$0].language) ?? 99) < (order.firstIndex(of: pages[$1].language) ?? 99) }
    }

    /// The names a `ref`/`relref` can use for a page: `posts/a/index.md`, `posts/a`, `/posts/a/`, `a`.
    static func referenceNames(_ file: ContentFile) -> [String] {
        let logical = file.logicalPath
        var names = [file.relativePath, logical, "/" + logical, "/" + logical + "/", logical + "/", "/" + file.relativePath]
        // The path without its extension (as NSString's `deletingPathExtension`: a name that
        // is only an extension, `.md`, keeps it).
        let path = file.relativePath
        let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        var stemmed = path
        if let dot = path[nameStart...].lastIndex(of: "."), dot != nameStart { stemmed = String(path[..<dot]) }
        names += [stemmed, "/" + stemmed]
        if let last = logical.split(separator: "/").last { names.append(String(last)) }
        return names
    }

    /// Finds the page a `ref` names, in a language.
    public func resolve(_ target: String, language: String) -> Page? {
        var name = target.trimmingCharacters(in: .whitespaces)
        if let hash = name.firstIndex(of: "#") { name = String(name[..<hash]) }
        let table = references[language] ?? [:]
        if let index = table[name] { return pages[index] }
        let withoutLanguage = name.replacingOccurrences(of: ".\(language).md", with: ".md")
        return table[withoutLanguage].map { pages[$0] }
    }

    /// Everything the Markdown renderer needs to know about the site for one page.
    public func renderContext(for page: Page) -> RenderContext {
        let theme = self.theme
        let site = self
        let language = page.language
        return RenderContext(
            language: language,
            admonitionTitle: { type in
                theme.translations.text("admonition.\(type)", language: language)
            },
            resolveReference: { target, targetLanguage, absolute in
                guard let found = site.resolve(target, language: targetLanguage ?? language) else { return nil }
                let fragment = target.firstIndex(of: "#").map { String(target[$0...]) } ?? ""
                return (absolute ? site.absoluteLink(found.relativeURL) : site.relativeLink(found.relativeURL)) + fragment
            },
            themeShortcode: { call, innerHTML, _ in
                let name = "shortcodes/" + call.name
                guard theme.hasTemplate(name) else { return nil }
                return theme.render(name, TemplateData.shortcodeContext(call, innerHTML: innerHTML, language: language))
            },
            themeShortcodeNames: theme.shortcodeNameSet,
            unsafeLinkScheme: URLPaths.unsafeScheme,
            themeText: { key in
                theme.translations.strings[language]?[key] ?? theme.translations.strings["en"]?[key]
            },
            imageSize: { source in site.imageSize(source, on: page) })
    }

    /// The size of an image a page shows, by its `src` as written: a resource of the page's
    /// bundle (`cow.png`, `./images/cow.png`) or a file under `static/` (`/images/cow.png`);
    /// nil for remote images and files Chronicle cannot read.
    func imageSize(_ source: String, on page: Page) -> ImageSize? {
        var path = source
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<end]) }
        guard !path.isEmpty, !path.utf8.contains(UInt8(ascii: ":")), !path.hasPrefix("//") else { return nil }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        let file: String
        if path.hasPrefix("/") {
            guard let root = staticRoot else { return nil }
            if !basePath.isEmpty, path.hasPrefix(basePath + "/") { path = String(path.dropFirst(basePath.count)) }
            // Only a path with `.` or `..` segments (or doubled slashes) needs standardizing.
            file = ByteSearch.contains("/.", in: path) || ByteSearch.contains("//", in: path)
                ? URL(fileURLWithPath: root + path).standardizedFileURL.path : root + path
            guard file.hasPrefix(root + "/") else { return nil }
        } else {
            while path.hasPrefix("./") { path.removeFirst(2) }
            guard page.file.resources.contains(path) else { return nil }
            file = page.file.resourceFile(path)
        }
        return imageSizes.size(ofFile: file)
    }
}

/// `LinkedSite.references`, made once, on first use, from any thread.
final class ReferenceTable: @unchecked Sendable {
    private let pages: [Page]
    private let jobs: Int?
    private let lock = NSLock()
    private var made: [String: [String: Int]]?

    init(pages: [Page], jobs: Int?) {
        self.pages = pages
        self.jobs = jobs
    }

    var table: [String: [String: Int]] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        var references: [String: [String: Int]] = [:]
        let names = ParallelMap.map(pages, jobs: jobs) { LinkedSite.referenceNames($0.file) }
        for (index, page) in pages.enumerated() {
            for name in names[index] where references[page.language, default: [:]][name] == nil {
                references[page.language, default: [:]][name] = index
            }
        }
        made = references
        return references
    }
}
