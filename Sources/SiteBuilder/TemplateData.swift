import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore
import Templates

/// Turns the site and its pages into the typed values the theme's templates read. Every string
/// a template prints with `{{…}}` is escaped by the engine; only HTML made by Chronicle
/// (content, summary, toc) is meant for `{{{…}}}`.
///
/// What does not change from page to page is made once: each language's `site` and `t`
/// values, and each page's summary (the same on every list it appears on).
struct TemplateData: Sendable {
    let site: LinkedSite
    /// Whether the build writes search pages (`BuildOptions.search`): `site.search`.
    let search: Bool
    /// Per language code: the `site` value and the theme's strings (`t`).
    private let languages: [String: LanguageValues]

    struct LanguageValues: Sendable {
        var site: TemplateValue
        var strings: TemplateValue
    }

    private var config: SiteConfig { site.config }

    /// Every list-like URL of each language (home, sections, taxonomies, terms, archive), to
    /// find a list page's counterpart in another language.
    private let listURLs: Set<String>

    func hasList(_ url: String) -> Bool { listURLs.contains(url) }

    /// A term page's URL -> the same term's page URL in each language that has it, when a
    /// `[permalinks]` pattern makes term URLs (they may then differ by more than the prefix).
    let termVersions: [String: [String: String]]

    /// `staticPaths`: the files the output's `static/` layer has (the site's and the theme's),
    /// for the icons the head links.
    init(site: LinkedSite, now: Date, staticPaths: Set<String> = [], search: Bool = false) {
        self.site = site
        self.search = search
        var languages: [String: LanguageValues] = [:]
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        let icons = Icons(staticPaths: staticPaths)
        for language in site.config.languages.map(\.language.code) {
            languages[language] = LanguageValues(
                site: Self.siteValue(site, language: language, year: year, icons: icons, search: search),
                strings: .object(TemplateObject(site.theme.translations.table(for: language).mapValues { .string($0) })))
        }
        self.languages = languages
        var urls: Set<String> = []
        for plan in site.languages {
            urls.insert(plan.prefix + "/")
            urls.insert(plan.prefix + "/archives/")
            if search { urls.insert(plan.prefix + "/search/") }
            for list in plan.lists { urls.insert(list.url) }
            for taxonomy in plan.taxonomies { urls.insert(taxonomy.url) }
        }
        listURLs = urls
        var termVersions: [String: [String: String]] = [:]
        if site.languages.contains(where: { !$0.termURLs.isEmpty }) {
            var byTerm: [String: [String: String]] = [:]
            for plan in site.languages {
                for taxonomy in plan.taxonomies {
                    for term in taxonomy.terms { byTerm[taxonomy.plural + "\u{0}" + term.slug, default: [:]][plan.language] = term.url }
                }
            }
            for versions in byTerm.values {
                for url in versions.values { termVersions[url] = versions }
            }
        }
        self.termVersions = termVersions
    }

    private func values(_ language: String) -> LanguageValues {
        languages[language] ?? LanguageValues(site: .object(TemplateObject([:])), strings: .object(TemplateObject([:])))
    }

    /// Leaves out empty strings: a template's `{{#description}}…{{/description}}` then skips
    /// them (an empty string is true in Mustache), and the name falls through to the outer
    /// values as before.
    static func object(_ values: [String: TemplateValue]) -> TemplateValue {
        .object(TemplateObject(values.filter { key, value in
            if case .string(let text) = value { return !text.isEmpty }
            return true
        }))
    }

    private static func siteValue(_ site: LinkedSite, language: String, year: Int, icons: Icons, search: Bool) -> TemplateValue {
        let config = site.config
        let languageConfig = config.language(language)
        let params = languageConfig?.params ?? config.params
        let languages: [TemplateValue] = config.languages.map { entry in
            .object(TemplateObject([
                "code": .string(entry.language.code),
                "name": .string(entry.language.name),
                "url": .string(site.relativeLink(URLPaths.languagePrefix(entry.language.code, config: config) + "/")),
                "current": .bool(entry.language.code == language),
            ]))
        }
        return object(themeValues(site, params: params, language: language, year: year, icons: icons).merging([
            "title": .string(languageConfig?.language.title ?? config.title),
            "baseURL": .string(config.baseURL),
            "description": .string(params["description"]?.stringValue ?? ""),
            "home": .string(site.relativeLink(URLPaths.languagePrefix(language, config: config) + "/")),
            "archives": .string(site.relativeLink(URLPaths.languagePrefix(language, config: config) + "/archives/")),
            "language": .object(TemplateObject(["code": .string(language), "name": .string(languageConfig?.language.name ?? language)])),
            "languages": .list(languages),
            "multilingual": .bool(config.languages.count > 1),
            "menu": .list(menu(site, language: language)),
            "headerStacked": .bool(headerIsStacked(
                title: languageConfig?.language.title ?? config.title, menu: languageConfig?.menus["main"] ?? [])),
            "menuHasArchives": .bool((languageConfig?.menus["main"] ?? []).contains { $0.url.hasSuffix("/archives/") || $0.url == "archives" }),
            "params": params.templateValue,
            "year": .int(year),
            "assets": .string(site.relativeLink("/")),
            "search": .bool(search),
            "searchURL": .string(site.relativeLink(URLPaths.languagePrefix(language, config: config) + "/search/")),
        ]) { $1 })
    }

    /// A page's terms of a taxonomy, each with its page's URL; `linked` false and no URL when
    /// term pages are not written (`disableKinds = ["term"]`): the theme shows the name alone.
    func termLinks(_ terms: [String], taxonomy: String, language: String) -> TemplateValue {
        let linked = !config.disableKinds.contains("term")
        return .list(terms.map { term in
            Self.term(term, url: linked ? site.relativeLink(site.termURL(term, taxonomy: taxonomy, language: language)) : nil)
        })
    }

    /// A term as templates see it: `name`, `url` and `linked` (false without a term page),
    /// and `count` on the taxonomy's page.
    static func term(_ name: String, url: String?, count: Int? = nil) -> TemplateValue {
        var values: [String: TemplateValue] = ["name": .string(name), "linked": .bool(url != nil)]
        if let url { values["url"] = .string(url) }
        if let count { values["count"] = .int(count) }
        return .object(TemplateObject(values))
    }

    /// The summary HTML lists and feeds show: the front matter's `summary`, else the body's.
    static func summaryHTML(_ page: Page, body: String) -> String {
        page.metadata.summary.map { "<p>\(HTMLEscaping.escape($0))</p>" } ?? body
    }

    /// What one post looks like in a list (home, section, term, archive): the same object on
    /// every list, made once per page.
    func summaryValues(_ page: Page, body: RenderedBody) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "title": .string(page.metadata.title),
            "url": .string(site.relativeLink(page.relativeURL)),
            "summary": .string(Self.summaryHTML(page, body: body.summaryHTML)),
            "truncated": .bool(body.truncated),
            "author": .string(page.metadata.author ?? ""),
            "tags": termLinks(page.metadata.tags, taxonomy: "tags", language: page.language),
            "description": .string(page.metadata.description ?? ""),
        ]
        if let date = page.displayDate {
            values["date"] = .string(DateFormatting.long(date, language: page.language))
            values["dateISO"] = .string(DateFormatting.iso8601(date))
        }
        return values
    }

    /// The values of a page's own template (`single`): its summary values and everything else.
    func pageContext(_ page: Page, index: Int, body: RenderedBody, summary: [String: TemplateValue]) -> TemplateValue {
        let metadata = page.metadata
        let others = site.translations(of: index)
        let translations: [TemplateValue] = others.map { other in
            let other = site.pages[other]
            return .object(TemplateObject([
                "code": .string(other.language),
                "name": .string(config.language(other.language)?.language.name ?? other.language),
                "url": .string(site.relativeLink(other.relativeURL)),
                "permalink": .string(site.absoluteLink(other.relativeURL)),
                "title": .string(other.metadata.title),
            ]))
        }
        let toc = (metadata.toc ?? false) ? body.tocHTML : ""
        let language = values(page.language)
        var context = summary
        context.merge([
            "site": language.site,
            "t": language.strings,
            "language": .string(page.language),
            "content": .string(body.html),
            "toc": .string(toc),
            "hasToc": .bool(!toc.isEmpty),
            "permalink": .string(site.absoluteLink(page.relativeURL)),
            "feedURL": site.config.disableKinds.contains("rss") ? .bool(false) : .string(site.relativeLink(site.prefix(page.language) + "/index.xml")),
            "relPermalink": .string(site.relativeLink(page.relativeURL)),
            "authorLink": .string(metadata.authorLink ?? ""),
            "categories": termLinks(metadata.categories, taxonomy: "categories", language: page.language),
            "hasTaxonomies": .bool(!metadata.tags.isEmpty || !metadata.categories.isEmpty),
            "hasTags": .bool(!metadata.tags.isEmpty),
            "hasCategories": .bool(!metadata.categories.isEmpty),
            "translations": .list(translations),
            "hasTranslations": .bool(!translations.isEmpty),
            "hasFooter": .bool(!translations.isEmpty || !metadata.tags.isEmpty || !metadata.categories.isEmpty),
            "isPost": .bool(page.isPost),
            "wordCount": .int(body.wordCount),
            "readingMinutes": .int(max(1, (body.wordCount + 199) / 200)),
            "params": ParamValue.table(metadata.params).templateValue,
        ]) { $1 }
        var versions = [page.language: page.relativeURL]
        for other in others { versions[site.pages[other].language] = site.pages[other].relativeURL }
        context.merge(languageValues(current: page.language, versions: versions)) { $1 }
        context["pageTitle"] = .string(Self.pageTitle(page.metadata.title, site: siteTitle(page.language)))
        context["ogType"] = .string(page.isPost ? "article" : "website")
        context["locale"] = .string(locale(page.language))
        let neighbours = site.neighbours[index]
        for (key, neighbour) in [("newerPost", neighbours.newer), ("olderPost", neighbours.older)] {
            guard let neighbour else { continue }
            let other = site.pages[neighbour]
            context[key] = .object(TemplateObject([
                "title": .string(other.metadata.title), "url": .string(site.relativeLink(other.relativeURL)),
            ]))
        }
        if let image = metadata.featuredImage, !image.isEmpty {
            let path = image.hasPrefix("/") ? image : page.relativeURL + image
            context["featuredImage"] = .string(image.contains("://") ? image : site.relativeLink(path))
            context["featuredImagePermalink"] = .string(image.contains("://") ? image : site.absoluteLink(path))
            // The image shows what the post is about; its text alternative is the author's
            // (`featuredImageAlt`), else the title.
            context["featuredImageAlt"] = .string(metadata.params["featuredImageAlt"]?.stringValue ?? metadata.title)
            if let size = site.imageSize(image, on: page) {
                context["featuredImageWidth"] = .int(size.width)
                context["featuredImageHeight"] = .int(size.height)
            }
        }
        if let lastmod = metadata.lastmod, lastmod != page.displayDate {
            context["lastmod"] = .string(DateFormatting.long(lastmod, language: page.language))
            context["lastmodISO"] = .string(DateFormatting.iso8601(lastmod))
        }
        return Self.object(context)
    }

    /// The values every list-like page starts from (`site`, `t`, its title and URLs, its
    /// versions in other languages).
    func baseContext(language: String, title: String, url: String) -> [String: TemplateValue] {
        let values = values(language)
        let siteTitle = siteTitle(language)
        var context: [String: TemplateValue] = [
            "site": values.site,
            "t": values.strings,
            "language": .string(language),
            "title": .string(title),
            "pageTitle": .string(Self.pageTitle(title, site: siteTitle)),
            "relPermalink": .string(site.relativeLink(url)),
            "permalink": .string(site.absoluteLink(url)),
            "feedURL": site.config.disableKinds.contains("rss") ? .bool(false) : .string(site.relativeLink(URLPaths.folder(ofList: url) + "index.xml")),
            "ogType": .string("website"),
            "locale": .string(locale(language)),
        ]
        context.merge(languageValues(current: language, versions: listVersions(url: url, language: language))) { $1 }
        return context
    }

    /// What the browser tab shows: "Page · Site", or either alone.
    static func pageTitle(_ title: String, site: String) -> String {
        if title.isEmpty || title == site { return site }
        return site.isEmpty ? title : "\(title) · \(site)"
    }

    func siteTitle(_ language: String) -> String {
        config.language(language)?.language.title ?? config.title
    }

    /// The Open Graph locale: `de` -> `de_DE`, `en` -> `en_US`, `pt-br` -> `pt_BR`.
    func locale(_ language: String) -> String {
        let code = config.language(language)?.language.languageCode ?? language
        let parts = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        if parts.count >= 2 { return parts[0].lowercased() + "_" + parts[1].uppercased() }
        let regions = ["en": "US", "de": "DE", "fr": "FR", "it": "IT", "es": "ES", "nl": "NL", "pl": "PL", "tr": "TR", "cs": "CZ"]
        let lower = code.lowercased()
        return regions[lower].map { lower + "_" + $0 } ?? lower
    }

    /// The values a theme shortcode template sees: named args by name, positional ones as
    /// `_0`, `_1`…, `inner` (rendered HTML) and `language`. A positional first argument is
    /// also `id` (what `youtube` and similar embeds take).
    static func shortcodeContext(_ call: ShortcodeCall, innerHTML: String?, language: String) -> TemplateValue {
        var context: [String: TemplateValue] = ["language": .string(language), "inner": .string(innerHTML ?? ""), "name": .string(call.name)]
        for (index, argument) in call.positional.enumerated() { context["_\(index)"] = .string(argument.value) }
        if let first = call.positional.first, context["id"] == nil { context["id"] = .string(first.value) }
        for argument in call.arguments { if let name = argument.name { context[name] = .string(argument.value) } }
        context["positional"] = .list(call.positional.map { .string($0.value) })
        return .object(TemplateObject(context))
    }
}

extension ParamValue {
    /// The value for templates: tables as objects, arrays as lists; a null is an empty string
    /// and a double its decimal text, as templates have always printed them.
    var templateValue: TemplateValue {
        switch self {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        case .double(let number): .string(String(describing: number))
        case .bool(let flag): .bool(flag)
        case .array(let items): .list(items.map(\.templateValue))
        case .table(let table): .object(TemplateObject(table.mapValues(\.templateValue)))
        case .null: .string("")
        }
    }
}
