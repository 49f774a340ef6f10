import ContentParsing
import SiteCore

/// Hugo's `cascade` in an `_index.md`'s front matter: its values go to the list page itself
/// and every page below it in the same language that does not set them; the nearest
/// `_index.md` wins (Hugo 0.111). `cascade` may be a table or a list of tables; an entry with
/// a `_target` is left out and reported by `UnsupportedFields`.
enum Cascade {
    /// The pages with cascaded values put into their front matter and metadata read again;
    /// pages that get nothing are passed on as they are.
    static func apply(_ loaded: [PageLoader.Loaded], taxonomies: [String]) -> [PageLoader.Loaded] {
        // Branch pages with a cascade, by language and logical path.
        var cascades: [String: [String: [String: Value]]] = [:]
        for page in loaded where page.file.kind == .branchBundle {
            let values = values(of: page.document.frontMatter)
            if !values.isEmpty { cascades[page.file.language, default: [:]][page.file.logicalPath] = values }
        }
        guard !cascades.isEmpty else { return loaded }
        return loaded.map { page in
            guard let byPath = cascades[page.file.language] else { return page }
            var inherited: [String: Value] = [:]
            // From the page's own folder (a branch's own cascade) up to the home page.
            var path = page.file.kind == .branchBundle ? page.file.logicalPath : parent(of: page.file.logicalPath)
            while true {
                for (key, value) in byPath[path] ?? [:] where inherited[key] == nil { inherited[key] = value }
                if path.isEmpty { break }
                path = parent(of: path)
            }
            let own = Set(page.document.frontMatter.values.keys.map { $0.lowercased() })
            let added = inherited.filter { !own.contains($0.key) }
            guard !added.isEmpty else { return page }
            let copy = page.copy()
            var frontMatter = copy.document.frontMatter
            for value in added.values { frontMatter.values[value.key] = value.value }
            let (metadata, _) = PageMetadata.read(frontMatter, source: copy.document.source, taxonomies: taxonomies)
            copy.metadata = metadata
            return copy
        }
    }

    /// Whether a page is an `_index.md` with a `cascade`: reading it again (or no more) may
    /// change pages that were not read again.
    static func has(_ page: PageLoader.Loaded?) -> Bool {
        guard let page, page.file.kind == .branchBundle else { return false }
        return page.document.frontMatter["cascade"] != nil
    }

    /// A cascaded key as written and its value.
    typealias Value = (key: String, value: ParamValue)

    /// A front matter's cascade values without `_target` entries, by lower-cased key.
    static func values(of frontMatter: FrontMatter) -> [String: Value] {
        guard let cascade = frontMatter["cascade"] else { return [:] }
        let entries: [[String: ParamValue]]
        switch cascade {
        case .table(let table): entries = [table]
        case .array(let items): entries = items.compactMap(\.tableValue)
        default: return [:]
        }
        var result: [String: Value] = [:]
        for entry in entries where !entry.keys.contains(where: { $0.lowercased() == "_target" }) {
            for (key, value) in entry.sorted(by: { $0.key < $1.key }) where result[key.lowercased()] == nil {
                result[key.lowercased()] = (key, value)
            }
        }
        return result
    }

    private static func parent(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }
}
