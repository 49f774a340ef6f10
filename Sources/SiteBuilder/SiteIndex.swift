import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore

/// Cross-page facts computed once before rendering: pages by language, translations,
/// reference targets.
public struct SiteIndex: Sendable {
    public var config: SiteConfig
    public var pages: [Page]
    public var theme: Theme
    /// Page indexes by translation key.
    public var translations: [String: [Int]] = [:]
    /// Page indexes by every name a `ref` may use, per language.
    private var references: [String: [String: Int]] = [:]

    public init(config: SiteConfig, pages: [Page], theme: Theme) {
        self.config = config
        self.pages = pages
        self.theme = theme
        for (index, page) in pages.enumerated() {
            translations[page.translationKey, default: []].append(index)
            for name in Self.referenceNames(page.file) {
                if references[page.language, default: [:]][name] == nil {
                    references[page.language, default: [:]][name] = index
                }
            }
        }
    }

    /// The path of the site below its host: `/blog` for `https://example.org/blog/`, "" for a root.
    public var basePath: String {
        guard let components = URLComponents(string: config.baseURL) else { return "" }
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// A site path as the browser should request it (base path prefixed, percent-encoded).
    public func relativeLink(_ path: String) -> String {
        Slug.percentEncodedPath(basePath + path)
    }

    /// An absolute URL for a site path.
    public func absoluteLink(_ path: String) -> String {
        guard let components = URLComponents(string: config.baseURL), let host = components.host else {
            return relativeLink(path)
        }
        var origin = (components.scheme ?? "https") + "://" + host
        if let port = components.port { origin += ":\(port)" }
        return origin + relativeLink(path)
    }

    /// The other languages' versions of a page, in language order.
    public func translations(of page: Page) -> [Page] {
        let order = config.languages.map(\.language.code)
        return (translations[page.translationKey] ?? []).map { pages[$0] }
            .filter { $0.language != page.language }
            .sorted { (order.firstIndex(of: $0.language) ?? 99) < (order.firstIndex(of: $1.language) ?? 99) }
    }

    /// The names a `ref`/`relref` can use for a page: `posts/a/index.md`, `posts/a`, `/posts/a/`, `a`.
    static func referenceNames(_ file: ContentFile) -> [String] {
        let logical = file.logicalPath
        var names = [file.relativePath, logical, "/" + logical, "/" + logical + "/", logical + "/", "/" + file.relativePath]
        let stemmed = (file.relativePath as NSString).deletingPathExtension
        names += [stemmed, "/" + stemmed]
        if let last = logical.split(separator: "/").last { names.append(String(last)) }
        return names
    }

    /// Finds the page a `ref` names, in a language (the page's own when nil).
    public func resolve(_ target: String, language: String) -> Page? {
        var name = target.trimmingCharacters(in: .whitespaces)
        if let hash = name.firstIndex(of: "#") { name = String(name[..<hash]) }
        let table = references[language] ?? [:]
        if let index = table[name] { return pages[index] }
        let withoutLanguage = name.replacingOccurrences(of: ".\(language).md", with: ".md")
        return table[withoutLanguage].map { pages[$0] }
    }

    /// Everything the Markdown renderer needs to know about the site for one page.
    public func renderContext(for page: Page, forFeed: Bool = false) -> RenderContext {
        let theme = self.theme
        let site = self
        return RenderContext(
            language: page.language,
            forFeed: forFeed,
            admonitionTitle: { type in
                theme.translations.text("admonition.\(type)", language: page.language)
            },
            resolveReference: { target, language, absolute in
                guard let found = site.resolve(target, language: language ?? page.language) else { return nil }
                let fragment = target.firstIndex(of: "#").map { String(target[$0...]) } ?? ""
                return (absolute ? site.absoluteLink(found.relativeURL) : site.relativeLink(found.relativeURL)) + fragment
            },
            themeShortcode: { call, innerHTML, _ in
                let name = "shortcodes/" + call.name
                guard theme.hasTemplate(name) else { return nil }
                return theme.render(name, TemplateData.shortcodeContext(call, innerHTML: innerHTML, language: page.language))
            },
            themeShortcodeNames: Set(theme.shortcodeNames))
    }
}
