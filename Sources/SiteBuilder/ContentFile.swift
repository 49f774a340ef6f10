/// A Markdown file found in a content folder, before it is read.
public struct ContentFile: Sendable, Hashable {
    /// Path relative to its content folder, with `/` separators (`posts/2024/a/index.de.md`):
    /// files of two languages' folders may share it. `displayPath` tells files apart.
    public let relativePath: String
    /// Path shown in diagnostics (relative to the site folder: `content/posts/…`).
    public var displayPath: String
    /// Absolute file path.
    public var absolutePath: String
    /// The file's language code; the site's default language when the name has none.
    public var language: String
    /// `index.md` (a leaf bundle), `_index.md` (a list page) or a single file.
    public let kind: Kind
    /// Files beside a bundle's index (images…), relative to the bundle folder.
    public var resources: [String]
    /// Resources found in another language's content folder (`content/en/posts/a/cover.png`
    /// for `content/de/posts/a/index.md`), by name: their files.
    public var borrowedResources: [String: String] = [:]

    /// The file of a resource (one of `resources`).
    public func resourceFile(_ name: String) -> String {
        if let borrowed = borrowedResources[name] { return borrowed }
        let folder = absolutePath.lastIndex(of: "/").map { absolutePath[..<$0] } ?? ""
        return folder + "/" + name
    }

    public enum Kind: Sendable, Hashable {
        case leafBundle
        case branchBundle
        case single
    }

    public init(
        relativePath: String, displayPath: String, absolutePath: String, language: String,
        kind: Kind, resources: [String] = []
    ) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.absolutePath = absolutePath
        self.language = language
        self.kind = kind
        logicalPath = Self.logicalPath(relativePath, kind: kind)
        section = Self.section(relativePath, kind: kind)
        self.resources = resources
    }

    /// The content path without language and extension: `posts/2024/a` for a bundle,
    /// `posts/b` for `posts/b.de.md`, `posts` for `posts/_index.md`. Translations share it.
    /// Made once: lists, translations and `ref` look it up many times.
    public let logicalPath: String

    private static func logicalPath(_ relativePath: String, kind: Kind) -> String {
        // The scanner's paths have no empty parts: the folder is what comes before the last `/`.
        let slash = relativePath.lastIndex(of: "/")
        let directory = slash.map { relativePath[..<$0] } ?? ""
        switch kind {
        case .leafBundle, .branchBundle:
            return String(directory)
        case .single:
            let stem = ContentScanner.stem(of: String(slash.map { relativePath[relativePath.index(after: $0)...] } ?? relativePath[...]))
            return directory.isEmpty ? stem : directory + "/" + stem
        }
    }

    /// The first folder of the content path (`posts`), "" for pages at the root. Made once.
    public let section: String

    private static func section(_ relativePath: String, kind: Kind) -> String {
        guard let slash = relativePath.firstIndex(of: "/") else { return "" }
        let first = relativePath[..<slash]
        let rest = relativePath[relativePath.index(after: slash)...]
        if kind == .leafBundle && !rest.contains("/") { return "" }
        return String(first)
    }
}
