import ContentParsing
import Foundation
import SiteCore
import Templates

/// The language switch and the head's `hreflang` links of a page: every language's version of
/// the same page, or, where a language has none, that language's home (marked as such).
extension TemplateData {
    /// `versions`: language code -> site path of this page in that language (the current
    /// language included). Gives `languageLinks` (the switch), `alternates` (hreflang links,
    /// only when there is more than one version) and `xDefault` (the default language's
    /// version, when it exists).
    func languageValues(current: String, versions: [String: String]) -> [String: TemplateValue] {
        let config = site.config
        var links: [TemplateValue] = []
        var alternates: [TemplateValue] = []
        for entry in config.languages {
            let code = entry.language.code
            let path = versions[code]
            let target = path ?? URLPaths.languagePrefix(code, config: config) + "/"
            links.append(.object(TemplateObject([
                "code": .string(code),
                "name": .string(entry.language.name),
                "url": .string(site.relativeLink(target)),
                "current": .bool(code == current),
                "fallback": .bool(path == nil),
            ])))
            if let path {
                alternates.append(.object(TemplateObject([
                    "code": .string(code), "permalink": .string(site.absoluteLink(path)),
                ])))
            }
        }
        var values: [String: TemplateValue] = ["languageLinks": .list(links)]
        if alternates.count > 1 {
            values["alternates"] = .list(alternates)
            if let path = versions[config.defaultContentLanguage] {
                values["xDefault"] = .string(site.absoluteLink(path))
            }
        }
        return values
    }

    /// A list page's versions: the same list under each language's prefix, where that
    /// language has it (`/tags/` and `/de/tags/`; a term only one language uses has none); a
    /// term's page in each language that has the term, when permalinks make term URLs.
    func listVersions(url: String, language: String) -> [String: String] {
        if !termVersions.isEmpty, let versions = termVersions[url] { return versions }
        let prefix = site.prefix(language)
        guard url.hasPrefix(prefix + "/") else { return [language: url] }
        let rest = url.dropFirst(prefix.count)
        var versions: [String: String] = [:]
        for entry in site.config.languages {
            let code = entry.language.code
            let candidate = site.prefix(code) + rest
            if code == language || hasList(candidate) { versions[code] = candidate }
        }
        return versions
    }

    /// What a list page is headed in a language: the main menu's name for its URL when the menu
    /// links it ("Schlagwörter" for `/de/tags/`), else `fallback`.
    func heading(url: String, language: String, fallback: String) -> String {
        let prefix = site.prefix(language)
        let entries = site.config.language(language)?.menus["main"] ?? []
        for entry in entries where !entry.url.contains("://") {
            if prefix + URLPaths.normalized(entry.url) == url {
                let name = entry.name.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { return name }
            }
        }
        return fallback
    }
}
