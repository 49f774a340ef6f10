import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore
import Templates

/// The parts of each language's `site` value that come from the config's theme params: the
/// header (logo, title decorations), the menu, the footer, the home profile and the icons.
extension TemplateData {
    /// Which icon files the output has, found once from the site's and the theme's `static/`.
    struct Icons: Sendable {
        var favicon: (href: String, type: String)?
        var appleTouchIcon: String?
        var manifest: String?
        let staticPaths: Set<String>

        init(staticPaths: Set<String>) {
            self.staticPaths = staticPaths
            let candidates = [("favicon.svg", "image/svg+xml"), ("favicon.ico", "image/x-icon"),
                              ("favicon-32x32.png", "image/png"), ("favicon.png", "image/png")]
            favicon = candidates.first { staticPaths.contains($0.0) }.map { ("/" + $0.0, $0.1) }
            appleTouchIcon = staticPaths.contains("apple-touch-icon.png") ? "/apple-touch-icon.png" : nil
            manifest = staticPaths.contains("site.webmanifest") ? "/site.webmanifest" : nil
        }
    }

    /// A site path or URL from the config as the page links it (`/images/logo.svg` with the
    /// base path; absolute URLs as they are).
    /// `existing`: the static files; a site path that is not one of them gives nil (a logo the
    /// site does not have would be a broken image and a 404 on every page).
    static func configLink(_ site: LinkedSite, _ value: String?, existing: Set<String>? = nil) -> String? {
        guard let value, !value.isEmpty else { return nil }
        if value.contains("://") || value.hasPrefix("data:") { return value }
        let path = value.hasPrefix("/") ? value : "/" + value
        if let existing, !existing.contains(String(path.dropFirst())) { return nil }
        return site.relativeLink(path)
    }

    static func themeValues(_ site: LinkedSite, params: ParamValue, language: String, year: Int, icons: Icons) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        func text(_ path: String) -> String? {
            params.lookup(path)?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                ?? site.config.params.lookup(path)?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        }
        func flag(_ path: String) -> Bool? { params.lookup(path)?.boolValue ?? site.config.params.lookup(path)?.boolValue }
        if let logo = configLink(site, text("header.title.logo") ?? text("logo"), existing: icons.staticPaths) { values["logo"] = .string(logo) }
        if let post = text("header.title.post") { values["titlePost"] = .string(HTMLEscaping.plainText(post)) }
        if let favicon = icons.favicon {
            values["favicon"] = .string(site.relativeLink(favicon.href))
            values["faviconType"] = .string(favicon.type)
        }
        if let icon = icons.appleTouchIcon { values["appleTouchIcon"] = .string(site.relativeLink(icon)) }
        if let manifest = icons.manifest { values["manifest"] = .string(site.relativeLink(manifest)) }
        if let image = (params.lookup("images") ?? site.config.params.lookup("images"))?.arrayValue?.first?.stringValue,
           let link = configLink(site, image, existing: icons.staticPaths) {
            values["image"] = .string(link.contains("://") ? link : site.absoluteLink(String(link.dropFirst(site.basePath.count))))
        }

        // Footer: "© 2016–2026 Title", the licence and the links (imprint, privacy) the config
        // gives as HTML; the site's own text, so it is trusted as the menu's is not.
        var footer: [String: TemplateValue] = [:]
        if let since = params.lookup("footer.since")?.intValue ?? site.config.params.lookup("footer.since")?.intValue, since < year {
            footer["years"] = .string("\(since)–\(year)")
        } else {
            footer["years"] = .string("\(year)")
        }
        if let license = text("footer.license") ?? text("license") { footer["license"] = .string(HTMLSnippet.balanced(license)) }
        if let links = text("footer.icp") ?? text("footer.links") { footer["links"] = .string(HTMLSnippet.balanced(links)) }
        if let custom = text("footer.custom") { footer["custom"] = .string(HTMLSnippet.balanced(custom)) }
        footer["poweredBy"] = .bool(flag("footer.powered.enable") ?? flag("footer.hugo") ?? true)
        values["footer"] = object(footer)

        // The home page's profile (FixIt's `params.home.profile`).
        if flag("home.profile.enable") ?? false {
            var profile: [String: TemplateValue] = [:]
            if let avatar = configLink(site, text("home.profile.avatarURL"), existing: icons.staticPaths) { profile["avatar"] = .string(avatar) }
            if let title = text("home.profile.title") { profile["title"] = .string(title) }
            if let subtitle = text("home.profile.subtitle") { profile["subtitle"] = .string(subtitle) }
            if let disclaimer = text("home.profile.disclaimer") { profile["disclaimer"] = .string(HTMLSnippet.balanced(disclaimer)) }
            if !profile.isEmpty { values["profile"] = object(profile) }
        }
        return values
    }

    /// Whether the header puts its menu on a row of its own on wide screens: when the title
    /// and the top-level menu are too long to share a row with the language and scheme switches
    /// at 64rem (measured in characters, about 8 px each at the menu's size). A menu that
    /// wraps onto a second row of its own reads worse than a second row planned for it.
    static func headerIsStacked(title: String, menu: [MenuEntry]) -> Bool {
        let top = menu.filter { $0.parent == nil }
        let hasChildren = Set(menu.compactMap(\.parent))
        var units = Double(title.count) * 1.15
        for entry in top {
            let label = menuLabel(entry)
            units += Double(label.count) + 2.5 + (hasChildren.contains(entry.identifier) ? 2 : 0)
        }
        return units > 85
    }

    /// A menu entry's label: its name with the text of `pre` and `post` (an entry named only by
    /// its `post`, "Support", keeps that label). FixIt's `pre`/`post` are HTML, often an icon
    /// font's `<i class="fa …">`: only their text counts, since the default theme loads no icon
    /// font and prints no HTML from a menu.
    static func menuLabel(_ entry: MenuEntry) -> String {
        [HTMLEscaping.plainText(entry.pre), entry.name.trimmingCharacters(in: .whitespaces), HTMLEscaping.plainText(entry.post)]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The main menu of a language: each entry's label is its name with the text of `pre` and
    /// `post` (an entry named only by its `post`, "Support", keeps that label); `tooltip` only
    /// when the title says more than the label. Children nest under `children`.
    static func menu(_ site: LinkedSite, language: String) -> [TemplateValue] {
        let config = site.config
        let entries = config.language(language)?.menus["main"] ?? []
        let prefix = URLPaths.languagePrefix(language, config: config)
        func link(_ url: String) -> String {
            if url.contains("://") || url.hasPrefix("mailto:") { return url }
            return site.relativeLink(prefix + URLPaths.normalized(url))
        }
        func item(_ entry: MenuEntry) -> TemplateValue {
            let children = entries.filter { $0.parent == entry.identifier }.map(item)
            let label = menuLabel(entry)
            let title = entry.title.trimmingCharacters(in: .whitespaces)
            let name = label.isEmpty ? (title.isEmpty ? entry.identifier : title) : label
            return object([
                "name": .string(name), "url": .string(link(entry.url)),
                "tooltip": .string(title == name || title == entry.name.trimmingCharacters(in: .whitespaces) ? "" : title),
                "external": .bool(entry.url.contains("://")),
                "children": .list(children), "hasChildren": .bool(!children.isEmpty),
            ])
        }
        return entries.filter { $0.parent == nil }.map(item)
    }
}
