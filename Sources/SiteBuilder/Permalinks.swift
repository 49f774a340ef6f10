import ContentParsing
import SiteCore

/// Where `[permalinks]` patterns apply, as in Hugo 0.111: a section key (`posts`) to the
/// regular pages whose first section it is (nested sections' pages too; not the section list
/// pages), a taxonomy key (`tags`) to the taxonomy's term pages (not its index page).
enum Permalinks {
    /// The sections of a site: every folder with an `_index.md`, per language (a language
    /// without the file has no such section), for `:sections`.
    struct Sections: Sendable, Equatable {
        fileprivate var branches: Set<String>

        init(_ files: some Sequence<ContentFile>) {
            branches = Set(files.lazy.filter { $0.kind == .branchBundle }.map { $0.language + "\u{0}" + $0.logicalPath })
        }

        /// The folders of the page's nearest section: a top-level folder is always one, a
        /// deeper one when it has an `_index.md` in the page's language.
        func path(of file: ContentFile) -> [String] {
            var folders = file.logicalPath.unicodeScalars.split(separator: "/").map { String($0) }
            if file.kind != .branchBundle { folders.removeLast() }
            while folders.count > 1, !branches.contains(file.language + "\u{0}" + folders.joined(separator: "/")) {
                folders.removeLast()
            }
            return folders
        }
    }

    /// A regular page's pattern-made URL path (no language prefix), or nil when no pattern of
    /// its language is for its section. `sections`: needed only by `:sections`; without them
    /// a page's first section stands for its nearest one.
    static func pageURL(
        file: ContentFile, metadata: PageMetadata, config: SiteConfig, sections: Sections?
    ) -> String? {
        guard file.kind != .branchBundle, !file.section.isEmpty else { return nil }
        let patterns = config.permalinks(for: file.language)
        guard !patterns.isEmpty, let pattern = patterns[file.section.lowercased()] else { return nil }
        let path = file.logicalPath
        let filename = path.unicodeScalars.lastIndex(of: "/").map { String(path.unicodeScalars[path.unicodeScalars.index(after: $0)...]) } ?? path
        let date = (metadata.date ?? metadata.publishDate ?? metadata.lastmod)?.civil
        return pattern.expand(PermalinkPattern.Subject(
            date: date, section: file.section,
            sections: pattern.usesSections ? sections?.path(of: file) ?? [file.section] : [],
            title: metadata.title, slug: metadata.slug, filename: filename))
    }

    /// A taxonomy term's pattern-made URL path (no language prefix), or nil when no pattern
    /// of the language is for the taxonomy. `page`: the term's `_index.md`, when it has one;
    /// `newest`: its newest page, whose date is the term's.
    static func termURL(
        plural: String, name: String, page: Page?, newest: Page?, patterns: [String: PermalinkPattern]
    ) -> String? {
        guard let pattern = patterns[plural.lowercased()] else { return nil }
        return pattern.expand(PermalinkPattern.Subject(
            date: newest?.displayDate?.civil, section: plural, sections: [plural],
            title: page?.metadata.title ?? name, slug: page?.metadata.slug, filename: page == nil ? "" : "_index"))
    }
}
