import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore

/// Turns the site and its pages into the plain dictionaries Mustache templates read.
/// Every string a template prints with `{{…}}` is escaped by Mustache; only HTML made by
/// Chronicle (content, summary, toc) is meant for `{{{…}}}`.
struct TemplateData: Sendable {
    var site: SiteIndex

    private var config: SiteConfig { site.config }

    func siteContext(language: String) -> [String: Any] {
        let languageConfig = config.language(language)
        let params = languageConfig?.params ?? config.params
        let languages: [[String: Any]] = config.languages.map { entry in
            [
                "code": entry.language.code,
                "name": entry.language.name,
                "url": site.relativeLink(URLPaths.languagePrefix(entry.language.code, config: config) + "/"),
                "current": entry.language.code == language,
            ]
        }
        return Self.withoutEmptyStrings([
            "title": languageConfig?.language.title ?? config.title,
            "baseURL": config.baseURL,
            "description": params["description"]?.stringValue ?? "",
            "home": site.relativeLink(URLPaths.languagePrefix(language, config: config) + "/"),
            "archives": site.relativeLink(URLPaths.languagePrefix(language, config: config) + "/archives/"),
            "language": ["code": language, "name": languageConfig?.language.name ?? language],
            "languages": languages,
            "multilingual": config.languages.count > 1,
            "menu": menu(language: language),
            "menuHasArchives": (languageConfig?.menus["main"] ?? []).contains { $0.url.hasSuffix("/archives/") || $0.url == "archives" },
            "params": params.anyValue,
            "year": Calendar(identifier: .gregorian).component(.year, from: Date()),
            "assets": site.relativeLink("/"),
        ])
    }

    /// Mustache treats an empty string as true in `{{#x}}`; leaving such keys out makes
    /// `{{#description}}…{{/description}}` behave as a template author expects.
    static func withoutEmptyStrings(_ context: [String: Any]) -> [String: Any] {
        context.filter { !(($0.value as? String)?.isEmpty ?? false) }
    }

    private func menu(language: String) -> [[String: Any]] {
        let entries = config.language(language)?.menus["main"] ?? []
        let prefix = URLPaths.languagePrefix(language, config: config)
        func link(_ url: String) -> String {
            if url.contains("://") || url.hasPrefix("mailto:") { return url }
            return site.relativeLink(prefix + URLPaths.normalized(url))
        }
        func item(_ entry: MenuEntry) -> [String: Any] {
            let children = entries.filter { $0.parent == entry.identifier }.map(item)
            return Self.withoutEmptyStrings([
                "name": entry.name.trimmingCharacters(in: .whitespaces), "url": link(entry.url),
                "title": entry.title, "pre": entry.pre, "post": entry.post, "external": entry.url.contains("://"),
                "children": children, "hasChildren": !children.isEmpty,
            ])
        }
        return entries.filter { $0.parent == nil }.map(item)
    }

    func termLinks(_ terms: [String], taxonomy: String, language: String) -> [[String: Any]] {
        terms.map { term in
            [
                "name": term,
                "url": site.relativeLink(URLPaths.languagePrefix(language, config: config) + "/\(taxonomy)/\(Slug.urlize(term))/"),
            ]
        }
    }

    /// What one post looks like in a list (home, section, term, archive).
    func summaryContext(_ page: Page) -> [String: Any] {
        var context: [String: Any] = [
            "title": page.metadata.title,
            "url": site.relativeLink(page.relativeURL),
            "summary": page.metadata.summary.map { "<p>\(HTMLEscaping.escape($0))</p>" } ?? page.body?.summaryHTML ?? "",
            "truncated": page.body?.truncated ?? false,
            "author": page.metadata.author ?? "",
            "tags": termLinks(page.metadata.tags, taxonomy: "tags", language: page.language),
            "description": page.metadata.description ?? "",
        ]
        if let date = page.displayDate {
            context["date"] = DateFormatting.long(date, language: page.language)
            context["dateISO"] = DateFormatting.iso8601(date)
        }
        return Self.withoutEmptyStrings(context)
    }

    func pageContext(_ page: Page) -> [String: Any] {
        let metadata = page.metadata
        let translations = site.translations(of: page).map { other -> [String: Any] in
            [
                "code": other.language,
                "name": config.language(other.language)?.language.name ?? other.language,
                "url": site.relativeLink(other.relativeURL),
                "permalink": site.absoluteLink(other.relativeURL),
                "title": other.metadata.title,
            ]
        }
        let toc = (metadata.toc ?? false) ? (page.body?.tocHTML ?? "") : ""
        var context = summaryContext(page)
        context.merge([
            "site": siteContext(language: page.language),
            "t": site.theme.translations.table(for: page.language),
            "language": page.language,
            "content": page.body?.html ?? "",
            "toc": toc,
            "hasToc": !toc.isEmpty,
            "permalink": site.absoluteLink(page.relativeURL),
            "feedURL": site.relativeLink(URLPaths.languagePrefix(page.language, config: config) + "/index.xml"),
            "relPermalink": site.relativeLink(page.relativeURL),
            "authorLink": metadata.authorLink ?? "",
            "categories": termLinks(metadata.categories, taxonomy: "categories", language: page.language),
            "hasTaxonomies": !metadata.tags.isEmpty || !metadata.categories.isEmpty,
            "translations": translations,
            "hasTranslations": !translations.isEmpty,
            "isPost": page.isPost,
            "wordCount": page.body?.wordCount ?? 0,
            "readingMinutes": max(1, ((page.body?.wordCount ?? 0) + 199) / 200),
            "params": ParamValue.table(metadata.params).anyValue,
        ]) { $1 }
        if let image = metadata.featuredImage, !image.isEmpty {
            context["featuredImage"] = image.contains("://") || image.hasPrefix("/")
                ? (image.hasPrefix("/") ? site.relativeLink(image) : image)
                : site.relativeLink(page.relativeURL + image)
        }
        if let lastmod = metadata.lastmod, lastmod != page.displayDate {
            context["lastmod"] = DateFormatting.long(lastmod, language: page.language)
            context["lastmodISO"] = DateFormatting.iso8601(lastmod)
        }
        return Self.withoutEmptyStrings(context)
    }

    /// The values a theme shortcode template sees: named args by name, positional ones as
    /// `_0`, `_1`…, `inner` (rendered HTML) and `language`. A positional first argument is
    /// also `id` (what `youtube` and similar embeds take).
    static func shortcodeContext(_ call: ShortcodeCall, innerHTML: String?, language: String) -> [String: Any] {
        var context: [String: Any] = ["language": language, "inner": innerHTML ?? "", "name": call.name]
        for (index, argument) in call.positional.enumerated() { context["_\(index)"] = argument.value }
        if let first = call.positional.first, context["id"] == nil { context["id"] = first.value }
        for argument in call.arguments { if let name = argument.name { context[name] = argument.value } }
        context["positional"] = call.positional.map(\.value)
        return context
    }
}
