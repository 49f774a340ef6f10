import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore

/// Everything of a language that is not a content page: the home page, section lists, taxonomy
/// indexes and term pages (all paginated, each with its RSS feed), the year archive, the 404
/// page, alias redirects, sitemaps and robots.txt.
struct ListPages {
    var site: SiteIndex
    var templates: TemplateData

    private var config: SiteConfig { site.config }

    /// One list page to render: its URL, title, and the pages it lists (newest first).
    private struct ListSpec {
        var kind: String
        var url: String
        var title: String
        var pages: [Page]
        var pageSize: Int
        var feedLimit: Int
        var content: Page?
    }

    func files(diagnostics: inout [Diagnostic]) -> [OutputFile] {
        var files: [OutputFile] = []
        var sitemaps: [(location: String, lastmod: ContentDate?)] = []
        var sitemapEntries: [String: [Sitemap.Entry]] = [:]
        let languages = config.languages.map(\.language.code)
        for language in languages {
            var entries: [Sitemap.Entry] = []
            files += languageFiles(language, sitemapEntries: &entries, diagnostics: &diagnostics)
            sitemapEntries[language] = entries
        }
        for language in languages {
            let entries = withAlternates(sitemapEntries[language] ?? [])
            let prefix = URLPaths.languagePrefix(language, config: config)
            let sitemapPath = (languages.count > 1 ? "/\(language)" : prefix) + "/sitemap.xml"
            files.append(OutputFile(
                path: URLPaths.outputFile(forURL: sitemapPath),
                text: Sitemap.urlset(entries, changefreq: config.raw.lookup("sitemap.changefreq")?.stringValue,
                                     priority: config.raw.lookup("sitemap.priority")?.stringValue)))
            sitemaps.append((site.absoluteLink(sitemapPath), entries.compactMap(\.lastmod).max()))
        }
        if languages.count > 1 {
            files.append(OutputFile(path: "sitemap.xml", text: Sitemap.index(sitemaps)))
            if !config.defaultContentLanguageInSubdir {
                // Hugo redirects /en/ to the root for the default language.
                var root = config.baseURL
                while root.hasSuffix("/") { root.removeLast() }
                files.append(OutputFile(
                    path: "\(config.defaultContentLanguage)/index.html",
                    text: RedirectPage.html(to: root, language: config.defaultContentLanguage)))
            }
        }
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nSitemap: \(site.absoluteLink("/sitemap.xml"))\n"))
        files += aliasFiles()
        return files
    }

    private func params(_ language: String) -> ParamValue {
        config.language(language)?.params ?? config.params
    }

    private func intParam(_ language: String, _ path: String) -> Int? {
        params(language).lookup(path)?.intValue
    }

    /// The sections whose posts the home page lists: `params.mainSections`, else the largest.
    private func mainSections(_ regular: [Page]) -> Set<String> {
        if let listed = config.params["mainSections"]?.stringList, !listed.isEmpty { return Set(listed) }
        let counts = Dictionary(grouping: regular.filter(\.isPost), by: \.section).mapValues(\.count)
        guard let largest = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return [] }
        return [largest.key]
    }

    private func languageFiles(_ language: String, sitemapEntries entries: inout [Sitemap.Entry], diagnostics: inout [Diagnostic]) -> [OutputFile] {
        let prefix = URLPaths.languagePrefix(language, config: config)
        let all = site.pages.filter { $0.language == language }
        let regular = all.filter(\.isRegular).sorted(by: Self.newestFirst)
        let branches = Dictionary(all.filter { !$0.isRegular }.map { ($0.file.logicalPath, $0) }) { first, _ in first }
        let main = mainSections(regular)
        let posts = regular.filter { main.contains($0.section) }
        let rssDefault = config.rssLimit ?? 10
        let listSize = config.paginate ?? 20
        var specs: [ListSpec] = []

        specs.append(ListSpec(
            kind: "home", url: prefix + "/", title: config.language(language)?.language.title ?? config.title,
            pages: posts, pageSize: intParam(language, "home.posts.paginate") ?? config.paginate ?? 10,
            feedLimit: intParam(language, "home.rss") ?? rssDefault, content: branches[""]))
        for section in Set(regular.filter(\.isPost).map(\.section)).sorted() {
            let branch = branches[section]
            specs.append(ListSpec(
                kind: "section", url: prefix + "/" + Slug.urlize(section) + "/",
                title: branch?.metadata.title ?? label(section, language: language),
                pages: regular.filter { $0.section == section },
                pageSize: intParam(language, "section.paginate") ?? listSize,
                feedLimit: intParam(language, "section.rss") ?? rssDefault, content: branch))
        }
        var files: [OutputFile] = []
        for plural in config.taxonomies.values.sorted() {
            let index = TaxonomyIndex(plural: plural, pages: regular)
            let taxonomyURL = prefix + "/" + Slug.urlize(plural) + "/"
            let branch = branches[plural]
            let title = branch?.metadata.title ?? label(plural, language: language)
            files += termsIndex(index, url: taxonomyURL, title: title, language: language, branch: branch, entries: &entries, diagnostics: &diagnostics)
            for term in index.terms {
                let termBranch = branches[plural + "/" + term.slug]
                specs.append(ListSpec(
                    kind: "term", url: taxonomyURL + term.slug + "/", title: termBranch?.metadata.title ?? term.name,
                    pages: term.pages, pageSize: intParam(language, "list.paginate") ?? listSize,
                    feedLimit: intParam(language, "list.rss") ?? rssDefault, content: termBranch))
            }
        }
        for spec in specs {
            files += list(spec, language: language, diagnostics: &diagnostics)
            entries.append(Sitemap.Entry(location: site.absoluteLink(spec.url), lastmod: spec.pages.first.flatMap(Self.lastmod)))
        }
        for page in regular {
            entries.append(Sitemap.Entry(location: site.absoluteLink(page.relativeURL), lastmod: Self.lastmod(page)))
        }
        files += archive(posts: posts, language: language, prefix: prefix)
        files += notFound(language: language, prefix: prefix, diagnostics: &diagnostics)
        return files
    }

    /// The theme's name for a section or taxonomy (`posts` -> `Beiträge`), else the name capitalized.
    private func label(_ key: String, language: String) -> String {
        let text = site.theme.translations.text(key, language: language)
        return text == key ? key.capitalized : text
    }

    static func newestFirst(_ a: Page, _ b: Page) -> Bool {
        let left = a.displayDate?.date ?? .distantPast
        let right = b.displayDate?.date ?? .distantPast
        if left != right { return left > right }
        if a.metadata.weight != b.metadata.weight { return a.metadata.weight < b.metadata.weight }
        return a.metadata.title < b.metadata.title
    }

    static func lastmod(_ page: Page) -> ContentDate? { page.metadata.lastmod ?? page.displayDate }

    private func baseContext(language: String, title: String, url: String) -> [String: Any] {
        [
            "site": templates.siteContext(language: language),
            "t": site.theme.translations.table(for: language),
            "language": language,
            "title": title,
            "relPermalink": site.relativeLink(url),
            "permalink": site.absoluteLink(url),
            "feedURL": site.relativeLink(url + "index.xml"),
        ]
    }

    private func list(_ spec: ListSpec, language: String, diagnostics: inout [Diagnostic]) -> [OutputFile] {
        var files: [OutputFile] = []
        let paginator = Paginator(listURL: spec.url, pageSize: spec.pageSize)
        let pagers = paginator.pagers(count: spec.pages.count)
        for pager in pagers {
            var context = baseContext(language: language, title: spec.title, url: spec.url)
            context["is" + spec.kind.capitalized] = true
            context["kind"] = spec.kind
            context["pages"] = spec.pages[pager.range].map(templates.summaryContext)
            context["content"] = pager.number == 1 ? (spec.content?.body?.html ?? "") : ""
            context["pager"] = pagerContext(pager, paginator: paginator)
            context["hasPager"] = pager.total > 1
            let name = spec.kind == "home" && site.theme.hasTemplate("home") ? "home" : "list"
            guard let html = site.theme.render(name, TemplateData.withoutEmptyStrings(context)) else {
                diagnostics.append(missingTemplate(name))
                return files
            }
            files.append(OutputFile(path: URLPaths.outputFile(forURL: pager.url), text: html))
        }
        files.append(OutputFile(
            path: URLPaths.outputFile(forURL: paginator.firstPageAlias),
            text: RedirectPage.html(to: site.absoluteLink(spec.url), language: language)))
        let feedPages = spec.feedLimit < 0 ? spec.pages : Array(spec.pages.prefix(spec.feedLimit))
        files.append(feed(title: spec.title, url: spec.url, language: language, items: feedPages.map { item($0, language: language) }))
        return files
    }

    /// Page numbers shown around the current one in a pager; the first and last are always shown,
    /// the rest as a gap ("1 … 8 9 [10] 11 12 … 190"): every number on every page would make a
    /// long list's pagers grow with the square of its length.
    static let pagerWindow = 2

    private func pagerContext(_ pager: Paginator.Pager, paginator: Paginator) -> [String: Any] {
        var numbers: [[String: Any]] = []
        var previous = 0
        for number in 1...pager.total
        where number == 1 || number == pager.total || abs(number - pager.number) <= Self.pagerWindow {
            if number > previous + 1 { numbers.append(["gap": true]) }
            numbers.append(["number": number, "url": site.relativeLink(paginator.url(ofPage: number)), "current": number == pager.number])
            previous = number
        }
        var context: [String: Any] = ["current": pager.number, "total": pager.total, "numbers": numbers]
        if pager.number > 1 { context["prev"] = site.relativeLink(paginator.url(ofPage: pager.number - 1)) }
        if pager.number < pager.total { context["next"] = site.relativeLink(paginator.url(ofPage: pager.number + 1)) }
        return context
    }

    private func termsIndex(
        _ index: TaxonomyIndex, url: String, title: String, language: String, branch: Page?,
        entries: inout [Sitemap.Entry], diagnostics: inout [Diagnostic]
    ) -> [OutputFile] {
        var context = baseContext(language: language, title: title, url: url)
        context["isTaxonomy"] = true
        context["content"] = branch?.body?.html ?? ""
        context["terms"] = index.byCount.map { term in
            ["name": term.name, "url": site.relativeLink(url + term.slug + "/"), "count": term.pages.count] as [String: Any]
        }
        var files: [OutputFile] = []
        context = TemplateData.withoutEmptyStrings(context)
        if let html = site.theme.render("terms", context) ?? site.theme.render("list", context) {
            files.append(OutputFile(path: URLPaths.outputFile(forURL: url), text: html))
        } else {
            diagnostics.append(missingTemplate("terms"))
        }
        // The taxonomy feed lists the terms, newest post first, as Hugo's does.
        let limit = intParam(language, "list.rss") ?? config.rssLimit ?? 10
        let terms = index.terms.sorted { Self.newestFirst($0.pages[0], $1.pages[0]) }
        let items = (limit < 0 ? terms : Array(terms.prefix(limit))).map { term in
            RSSFeed.Item(
                title: term.name, link: site.absoluteLink(url + term.slug + "/"), date: term.pages.first?.displayDate,
                descriptionHTML: "", contentHTML: nil)
        }
        files.append(feed(title: title, url: url, language: language, items: items))
        entries.append(Sitemap.Entry(location: site.absoluteLink(url), lastmod: terms.first.flatMap { Self.lastmod($0.pages[0]) }))
        return files
    }

    private func item(_ page: Page, language: String) -> RSSFeed.Item {
        let permalink = site.absoluteLink(page.relativeURL)
        let body = page.feedBody ?? page.body
        let summary = page.metadata.summary.map { "<p>\(HTMLEscaping.escape($0))</p>" } ?? body?.summaryHTML ?? ""
        let fullText = params(language).lookup("feed.fullText")?.boolValue ?? false
        return RSSFeed.Item(
            title: page.metadata.title, link: permalink, date: page.displayDate,
            descriptionHTML: AbsoluteLinks.rewrite(summary, base: permalink),
            contentHTML: fullText ? AbsoluteLinks.rewrite(body?.html ?? "", base: permalink) : nil,
            categories: page.metadata.categories + page.metadata.tags, author: page.metadata.author)
    }

    private func feed(title: String, url: String, language: String, items: [RSSFeed.Item]) -> OutputFile {
        var siteTitle = config.language(language)?.language.title ?? config.title
        if siteTitle.isEmpty { siteTitle = URL(string: config.baseURL)?.host ?? "Chronicle" }
        let feedTitle = title.isEmpty || title == siteTitle ? siteTitle : "\(title) · \(siteTitle)"
        let description = params(language)["description"]?.stringValue ?? ""
        let feed = RSSFeed(
            title: feedTitle,
            link: site.absoluteLink(url), selfLink: site.absoluteLink(url + "index.xml"),
            description: description.isEmpty ? "Recent content on \(feedTitle)" : description,
            language: config.language(language)?.language.languageCode ?? language, items: items)
        return OutputFile(path: URLPaths.outputFile(forURL: url + "index.xml"), text: feed.xml)
    }

    private func archive(posts: [Page], language: String, prefix: String) -> [OutputFile] {
        let url = prefix + "/archives/"
        var context = baseContext(language: language, title: site.theme.translations.text("archives", language: language), url: prefix + "/")
        context["relPermalink"] = site.relativeLink(url)
        context["years"] = Dictionary(grouping: posts) { $0.displayDate?.components.year ?? 0 }
            .sorted { $0.key > $1.key }
            .map { year, pages in ["year": year, "pages": pages.map(templates.summaryContext)] as [String: Any] }
        guard let html = site.theme.render("archives", context) else { return [] }
        return [OutputFile(path: URLPaths.outputFile(forURL: url), text: html)]
    }

    private func notFound(language: String, prefix: String, diagnostics: inout [Diagnostic]) -> [OutputFile] {
        let context = baseContext(language: language, title: site.theme.translations.text("notFound", language: language), url: prefix + "/")
        guard let html = site.theme.render("404", context) else { return [] }
        return [OutputFile(path: String((prefix + "/404.html").dropFirst()), text: html)]
    }

    /// A redirect page for every front matter `aliases` entry.
    private func aliasFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        for page in site.pages where page.isRegular {
            for alias in page.metadata.aliases {
                // SiteGenerator already dropped (and reported) aliases that leave the site.
                guard let path = URLPaths.safeSitePath(alias) else { continue }
                let prefix = URLPaths.languagePrefix(page.language, config: config)
                let full = !prefix.isEmpty && !path.hasPrefix(prefix + "/") ? prefix + path : path
                files.append(OutputFile(
                    path: URLPaths.outputFile(forURL: full),
                    text: RedirectPage.html(to: site.absoluteLink(page.relativeURL), language: page.language)))
            }
        }
        return files
    }

    private func missingTemplate(_ name: String) -> Diagnostic {
        Diagnostic(
            .error, code: "template.missing",
            message: "the theme has no '\(name)' or 'list' template (layouts/\(name).mustache)",
            location: SourceLocation(path: "layouts/\(name).mustache"))
    }

    /// Adds hreflang alternates to entries whose URL exists in other languages.
    private func withAlternates(_ entries: [Sitemap.Entry]) -> [Sitemap.Entry] {
        var byURL: [String: String] = [:]  // absolute URL -> translation key
        var keyed: [String: [(String, String)]] = [:]
        for page in site.pages where page.isRegular {
            let url = site.absoluteLink(page.relativeURL)
            byURL[url] = page.translationKey
            keyed[page.translationKey, default: []].append((page.language, url))
        }
        return entries.map { entry in
            var entry = entry
            if let key = byURL[entry.location], let versions = keyed[key], versions.count > 1 {
                let order = config.languages.map(\.language.code)
                entry.alternates = versions.sorted { (order.firstIndex(of: $0.0) ?? 99) < (order.firstIndex(of: $1.0) ?? 99) }
                    .map { (language: $0.0, url: $0.1) }
            }
            return entry
        }
    }
}
