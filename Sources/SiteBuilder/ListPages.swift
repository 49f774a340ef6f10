import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore
import Templates

/// The emit stage for everything of a language that is not a content page: the home page,
/// section lists, taxonomy indexes and term pages (all paginated, each with its RSS feed), the
/// year archive, the 404 page, alias redirects, sitemaps and robots.txt.
///
/// Every file is planned first, with its path, in a fixed order (the first file of a path
/// wins, as with pages before lists); then the files are made in parallel from the pages'
/// list entries, which hold each page's summary and feed item ready-made.
struct ListPages: Sendable {
    let site: LinkedSite
    let templates: TemplateData
    /// Per page (by index): its list entry; nil for pages not rendered.
    let entries: [PageEmitter.ListEntry?]

    private var config: SiteConfig { site.config }

    /// Whether Hugo's `disableKinds` leaves out a kind (`rss`, `taxonomy`, `term`, `sitemap`,
    /// `robotstxt`, `404`).
    private func writes(_ kind: String) -> Bool { !config.disableKinds.contains(kind) }

    /// One file to make.
    struct Job: Sendable {
        var path: String
        var make: @Sendable () -> Emitted
    }

    /// Every list file of the site, in precedence order, one job per path.
    func jobs() -> [Job] {
        var jobs: [Job] = []
        var sitemaps: [(location: String, lastmod: ContentDate?)] = []
        var sitemapEntries: [String: [Sitemap.Entry]] = [:]
        for plan in site.languages {
            var entries: [Sitemap.Entry] = []
            jobs += languageJobs(plan, sitemapEntries: &entries)
            sitemapEntries[plan.language] = entries
        }
        let languages = site.languages.map(\.language)
        for language in languages where writes("sitemap") {
            let entries = sitemapEntries[language] ?? []
            let prefix = site.prefix(language)
            let sitemapPath = (languages.count > 1 ? "/\(language)" : prefix) + "/sitemap.xml"
            let changefreq = config.raw.lookup("sitemap.changefreq")?.stringValue
            let priority = config.raw.lookup("sitemap.priority")?.stringValue
            // The alternates are found when the sitemap is made: `serve` plans every list on
            // each edit and makes a sitemap only when one is asked for.
            let lists = self
            jobs.append(text(URLPaths.outputFile(forURL: sitemapPath)) {
                Sitemap.urlset(lists.withAlternates(entries), changefreq: changefreq, priority: priority)
            })
            sitemaps.append((site.absoluteLink(sitemapPath), entries.compactMap(\.lastmod).max()))
        }
        if languages.count > 1 {
            let index = sitemaps
            if writes("sitemap") { jobs.append(text("sitemap.xml") { Sitemap.index(index) }) }
            if !config.defaultContentLanguageInSubdir {
                // Hugo redirects /en/ to the root for the default language.
                var trimmed = config.baseURL
                while trimmed.hasSuffix("/") { trimmed.removeLast() }
                let root = trimmed
                let language = config.defaultContentLanguage
                jobs.append(text("\(language)/index.html") { RedirectPage.html(to: root, language: language) })
            }
        }
        let robots = "User-agent: *\n" + (writes("sitemap") ? "Sitemap: \(site.absoluteLink("/sitemap.xml"))\n" : "")
        if writes("robotstxt") { jobs.append(text("robots.txt") { robots }) }
        for alias in site.aliases {
            let page = site.pages[alias.page]
            let target = site.absoluteLink(page.relativeURL)
            jobs.append(text(alias.outputPath) { RedirectPage.html(to: target, language: page.language) })
        }
        var seen: Set<String> = []
        return jobs.filter { seen.insert($0.path).inserted }
    }

    /// A job for a file whose text cannot fail.
    private func text(_ path: String, _ make: @escaping @Sendable () -> String) -> Job {
        Job(path: path) { .file(OutputFile(path: path, text: make())) }
    }

    private func params(_ language: String) -> ParamValue {
        config.language(language)?.params ?? config.params
    }

    private func languageJobs(_ plan: LanguagePlan, sitemapEntries entries: inout [Sitemap.Entry]) -> [Job] {
        var jobs: [Job] = []
        for taxonomy in plan.taxonomies where writes("taxonomy") {
            jobs += termsIndex(taxonomy, language: plan.language, entries: &entries)
        }
        for spec in plan.lists where spec.kind != .term || writes("term") {
            jobs += list(spec, language: plan.language)
            entries.append(Sitemap.Entry(location: site.absoluteLink(spec.url), lastmod: spec.pages.first.flatMap(lastmod)))
        }
        for index in plan.regular {
            entries.append(Sitemap.Entry(location: site.absoluteLink(site.pages[index].relativeURL), lastmod: lastmod(index)))
        }
        jobs += archive(plan)
        if writes("404") { jobs += notFound(plan) }
        if templates.search { jobs += search(plan) }
        return jobs
    }

    private func lastmod(_ index: Int) -> ContentDate? {
        let page = site.pages[index]
        return page.metadata.lastmod ?? page.displayDate
    }

    private func summaries(_ pages: some Sequence<Int>) -> TemplateValue {
        .list(pages.compactMap { entries[$0]?.summary })
    }

    private func content(_ index: Int?) -> String {
        index.flatMap { entries[$0]?.contentHTML } ?? ""
    }

    private func list(_ spec: LanguagePlan.ListSpec, language: String) -> [Job] {
        var jobs: [Job] = []
        // Lists with ugly URLs have ugly pages; so has the home page when every URL is ugly.
        let paginator = Paginator(
            listURL: spec.url, pageSize: spec.pageSize, ugly: spec.url.hasSuffix(".html") || site.config.uglyURLs)
        let name = spec.kind == .home && site.theme.hasTemplate("home") ? "home" : "list"
        let intro = content(spec.content)
        for pager in paginator.pagers(count: spec.pages.count) {
            let path = URLPaths.outputFile(forURL: pager.url)
            jobs.append(Job(path: path) { [self] in
                var context = templates.baseContext(language: language, title: spec.title, url: spec.url)
                if spec.kind == .section {
                    context["title"] = .string(templates.heading(url: spec.url, language: language, fallback: spec.title))
                }
                context["is" + spec.kind.rawValue.capitalized] = .bool(true)
                context["kind"] = .string(spec.kind.rawValue)
                context["pages"] = summaries(spec.pages[pager.range])
                context["content"] = .string(pager.number == 1 ? intro : "")
                context["pager"] = pagerValue(pager, paginator: paginator)
                context["hasPager"] = .bool(pager.total > 1)
                return render(name, TemplateData.object(context), path: path, missing: name)
            })
        }
        let target = site.absoluteLink(spec.url)
        jobs.append(text(URLPaths.outputFile(forURL: paginator.firstPageAlias)) {
            RedirectPage.html(to: target, language: language)
        })
        let feedPages = spec.feedLimit < 0 ? spec.pages : Array(spec.pages.prefix(spec.feedLimit))
        if writes("rss") { jobs.append(feed(title: spec.title, url: spec.url, language: language) { [entries] in
            feedPages.compactMap { entries[$0].map { ($0.feedItemXML, $0.date) } }
        }) }
        return jobs
    }

    private func render(_ name: String, _ context: TemplateValue, path: String, missing: String) -> Emitted {
        guard let data = site.theme.renderData(name, context) else { return .problem(missingTemplate(missing)) }
        return .file(OutputFile(path: path, content: .data(data)))
    }

    /// Page numbers shown around the current one in a pager; the first and last are always shown,
    /// the rest as a gap ("1 … 8 9 [10] 11 12 … 190"): every number on every page would make a
    /// long list's pagers grow with the square of its length.
    static let pagerWindow = 2

    private func pagerValue(_ pager: Paginator.Pager, paginator: Paginator) -> TemplateValue {
        var numbers: [TemplateValue] = []
        var previous = 0
        for number in 1...pager.total
        where number == 1 || number == pager.total || abs(number - pager.number) <= Self.pagerWindow {
            if number > previous + 1 { numbers.append(.object(TemplateObject(["gap": .bool(true)]))) }
            numbers.append(.object(TemplateObject([
                "number": .int(number), "url": .string(site.relativeLink(paginator.url(ofPage: number))),
                "current": .bool(number == pager.number),
            ])))
            previous = number
        }
        var values: [String: TemplateValue] = [
            "current": .int(pager.number), "total": .int(pager.total), "numbers": .list(numbers),
        ]
        if pager.number > 1 { values["prev"] = .string(site.relativeLink(paginator.url(ofPage: pager.number - 1))) }
        if pager.number < pager.total { values["next"] = .string(site.relativeLink(paginator.url(ofPage: pager.number + 1))) }
        return .object(TemplateObject(values))
    }

    private func termsIndex(
        _ taxonomy: LanguagePlan.TaxonomySpec, language: String, entries: inout [Sitemap.Entry]
    ) -> [Job] {
        let url = taxonomy.url
        let path = URLPaths.outputFile(forURL: url)
        var jobs: [Job] = [Job(path: path) { [self] in
            let heading = templates.heading(
                url: url, language: language,
                fallback: taxonomy.content == nil
                    ? site.theme.translations.table(for: language)[taxonomy.plural] ?? taxonomy.title : taxonomy.title)
            var context = templates.baseContext(language: language, title: heading, url: url)
            context["isTaxonomy"] = .bool(true)
            context["content"] = .string(content(taxonomy.content))
            let linked = writes("term")
            context["terms"] = .list(taxonomy.byCount.map { term in
                TemplateData.term(term.name, url: linked ? site.relativeLink(term.url) : nil, count: term.pages.count)
            })
            let value = TemplateData.object(context)
            let name = site.theme.hasTemplate("terms") ? "terms" : "list"
            return render(name, value, path: path, missing: "terms")
        }]
        // The taxonomy feed lists the terms, newest post first, as Hugo's does.
        let terms = taxonomy.terms.sorted { LanguagePlan.newestFirst(site.pages[$0.pages[0]], site.pages[$1.pages[0]]) }
        let limit = taxonomy.feedLimit
        let items = (limit < 0 ? terms : Array(terms.prefix(limit))).map { term in
            let date = site.pages[term.pages[0]].displayDate
            let item = RSSFeed.Item(
                title: term.name, link: site.absoluteLink(term.url), date: date,
                descriptionHTML: "", contentHTML: nil)
            return (item.xml, date)
        }
        if writes("rss") { jobs.append(feed(title: taxonomy.title, url: url, language: language) { items }) }
        entries.append(Sitemap.Entry(location: site.absoluteLink(url), lastmod: terms.first.flatMap { lastmod($0.pages[0]) }))
        return jobs
    }

    private func feed(
        title: String, url: String, language: String,
        items: @escaping @Sendable () -> [(xml: String, date: ContentDate?)]
    ) -> Job {
        var siteTitle = config.language(language)?.language.title ?? config.title
        if siteTitle.isEmpty { siteTitle = URL(string: config.baseURL)?.host ?? "Chronicle" }
        let feedTitle = title.isEmpty || title == siteTitle ? siteTitle : "\(title) · \(siteTitle)"
        let description = params(language)["description"]?.stringValue ?? ""
        let link = site.absoluteLink(url)
        let feedURL = URLPaths.folder(ofList: url) + "index.xml"
        let selfLink = site.absoluteLink(feedURL)
        let languageCode = config.language(language)?.language.languageCode ?? language
        return text(URLPaths.outputFile(forURL: feedURL)) {
            RSSFeed(
                title: feedTitle, link: link, selfLink: selfLink,
                description: description.isEmpty ? "Recent content on \(feedTitle)" : description,
                language: languageCode, items: items()
            ).xml
        }
    }

    private func archive(_ plan: LanguagePlan) -> [Job] {
        languagePage(plan, template: "archives", titleKey: "archives", url: plan.prefix + "/archives/") { [self] context in
            context["isArchive"] = .bool(true)
            context["years"] = .list(Dictionary(grouping: plan.posts) { site.pages[$0].displayDate?.civil.year ?? 0 }
                .sorted { $0.key > $1.key }
                .map { year, pages in .object(TemplateObject(["year": .int(year), "pages": summaries(pages)])) })
        }
    }

    /// The 404 page: not a version of the home page (no canonical or hreflang links); its
    /// language switch leads to each language's home.
    private func notFound(_ plan: LanguagePlan) -> [Job] {
        languagePage(plan, template: "404", titleKey: "notFound", url: plan.prefix + "/", path: plan.prefix + "/404.html") { context in
            context["alternates"] = nil
            context["xDefault"] = nil
            context["permalink"] = nil
            context["isNotFound"] = .bool(true)
        }
    }

    /// The language's search page (`/search/`, `/de/search/`), for Pagefind's index made after
    /// the build; in no sitemap or feed.
    private func search(_ plan: LanguagePlan) -> [Job] {
        languagePage(plan, template: "search", titleKey: "search", url: plan.prefix + "/search/") { context in
            context["isSearch"] = .bool(true)
        }
    }

    /// A page of the language that lists nothing of its own (archive, 404, search): titled by
    /// the theme's string `titleKey`, at `url` (written to `path`, else `url`'s index.html),
    /// its feed link the language's home feed; `fill` adds its own values.
    private func languagePage(
        _ plan: LanguagePlan, template: String, titleKey: String, url: String, path: String? = nil,
        fill: @escaping @Sendable (inout [String: TemplateValue]) -> Void
    ) -> [Job] {
        let language = plan.language
        let path = path.map { String($0.dropFirst()) } ?? URLPaths.outputFile(forURL: url)
        return [Job(path: path) { [self] in
            var context = templates.baseContext(
                language: language, title: site.theme.translations.text(titleKey, language: language), url: url)
            context["feedURL"] = writes("rss") ? .string(site.relativeLink(plan.prefix + "/index.xml")) : nil
            fill(&context)
            return render(template, .object(TemplateObject(context)), path: path, missing: template)
        }]
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
        let order = config.languages.map(\.language.code)
        return entries.map { entry in
            var entry = entry
            if let key = byURL[entry.location], let versions = keyed[key], versions.count > 1 {
                entry.alternates = versions.sorted { (order.firstIndex(of: $0.0) ?? 99) < (order.firstIndex(of: $1.0) ?? 99) }
                    .map { (language: $0.0, url: $0.1) }
            }
            return entry
        }
    }
}
