import SiteCore

/// Hugo 0.111 front matter fields that change what Hugo writes and that Chronicle does not act
/// on, lower-cased, each with what Chronicle does instead and the values that match it. Every
/// other field is read (`PageMetadata.read`) or left to the theme as a param.
public enum HugoFrontMatterFields {
    typealias Fine = HugoConfigKeys.Fine

    public static let unsupported: [String: (instead: String, fine: HugoConfigKeys.Fine)] = [
        "outputs": ("Chronicle writes a page as HTML, and a list as HTML and RSS", .never),
        "layout": ("Chronicle renders every page with its theme's page template", .never),
        "type": ("Chronicle renders every page with its theme's page template", .never),
        "_build": ("Chronicle writes and lists every published page", .never),
        "build": ("Chronicle writes and lists every published page", .never),
        "headless": ("Chronicle writes and lists every published page", .bool(false)),
        "resources": ("Chronicle gives bundle files no names, titles or params", .never),
        "markup": ("Chronicle renders every content file as Markdown", .text(["md", "markdown", "goldmark"])),
        "sitemap": ("Chronicle uses the site's sitemap changefreq and priority for every page", .never),
        "iscjklanguage": ("Chronicle counts summary words by spaces", .bool(false)),
        "linktitle": ("Chronicle's theme shows the page's title in lists and menus", .never),
        "menu": ("Chronicle makes menus from the site config's menu entries only", .never),
        "menus": ("Chronicle makes menus from the site config's menu entries only", .never),
        "pubdate": ("Chronicle reads the publish date from 'publishDate' (or 'date') only", .never),
        "published": ("Chronicle reads the publish date from 'publishDate' (or 'date') only", .never),
        "modified": ("Chronicle reads the last change from 'lastmod' only", .never),
        "unpublishdate": ("Chronicle reads the expiry date from 'expiryDate' only", .never),
    ]

    /// `cascade` entries with a `_target` are not applied.
    public static let cascadeTarget = "Chronicle applies only cascade entries without '_target', to every page below the _index.md"

    /// The unsupported fields of one page's front matter: each key as written with what
    /// Chronicle does instead, in key order. `cascade` counts when it has a `_target`
    /// entry, or when the page is not a list page (`isBranch` false), where Hugo ignores it too
    /// and so it is quiet.
    public static func fields(of frontMatter: FrontMatter, isBranch: Bool) -> [(key: String, instead: String)] {
        var result: [(key: String, instead: String)] = []
        for (key, value) in frontMatter.values.sorted(by: { $0.key < $1.key }) {
            let name = key.lowercased()
            if let rule = unsupported[name] {
                if case .null = value { continue }
                if !rule.fine.matches(value) { result.append((key, rule.instead)) }
            } else if name == "cascade", isBranch, case .array(let items) = value,
                      items.contains(where: { $0.tableValue?.keys.contains { $0.lowercased() == "_target" } ?? false }) {
                result.append((key, cascadeTarget))
            }
        }
        return result
    }
}
