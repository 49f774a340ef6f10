import ContentParsing
import Foundation

/// A folder content is read from, and the language its files have when their names do not
/// name one. A site has one (`content/`, every language by file name) unless some language
/// has a `contentDir` of its own: then one per distinct folder, as Hugo mounts them.
public struct ContentRoot: Sendable, Hashable {
    public var directory: URL
    /// The folder as diagnostics show it, relative to the site (`content/de`).
    public var displayPrefix: String
    /// The language of the files whose names name none; nil: the site's default language.
    public var language: String?
    /// The languages whose content is read from this folder (empty: all of them).
    public var languages: [String]

    public init(directory: URL, displayPrefix: String, language: String? = nil, languages: [String] = []) {
        self.directory = directory
        self.displayPrefix = displayPrefix
        self.language = language
        self.languages = languages
    }

    /// The content folders of a site, in language order (the default language's first).
    ///
    /// Each language reads its `contentDir`, else the site's (`content`). A folder two
    /// languages share belongs to the default language when it is one of them (files named
    /// for no language are the default language's), else to the first by weight.
    public static func roots(site: URL, config: SiteConfig) -> [ContentRoot] {
        var roots: [ContentRoot] = []
        let ordered = config.languages.filter { $0.language.code == config.defaultContentLanguage }
            + config.languages.filter { $0.language.code != config.defaultContentLanguage }
        let ownFolders = config.languages.contains { $0.contentDir != nil }
        for language in ordered {
            let written = language.contentDir ?? config.contentDir
            let display = displayed(written)
            let code = language.language.code
            if let shared = roots.firstIndex(where: { $0.displayPrefix == display }) {
                roots[shared].languages.append(code)
                continue
            }
            let directory = written.hasPrefix("/") ? URL(fileURLWithPath: written) : site.appending(path: display)
            roots.append(ContentRoot(
                directory: directory, displayPrefix: display,
                language: !ownFolders || code == config.defaultContentLanguage ? nil : code, languages: [code]))
        }
        if roots.isEmpty {
            roots = [ContentRoot(directory: site.appending(path: displayed(config.contentDir)), displayPrefix: displayed(config.contentDir))]
        }
        return roots
    }

    /// `./content/de/` -> `content/de`; absolute paths stay as they are, without a last `/`.
    static func displayed(_ written: String) -> String {
        var parts = written.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(String.init)
        if parts.isEmpty { parts = ["content"] }
        return (written.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
