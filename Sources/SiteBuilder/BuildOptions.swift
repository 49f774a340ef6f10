import Foundation

/// What `chronicle build` (and `serve`, `check`) asked for.
public struct BuildOptions: Sendable {
    public var source: URL
    public var output: URL
    public var includeDrafts = false
    public var includeFuture = false
    public var includeExpired = false
    /// Overrides the config's `baseURL`.
    public var baseURL: String?
    /// "Now" for future and expired posts (and the footer's year); tests pin it.
    public var now = Date()
    /// How many threads to use; nil: one per core. The output does not depend on it.
    public var jobs: Int?
    /// Writes each language's search page (`/search/`, `/de/search/`) and tells the templates
    /// (`site.search`), for a Pagefind index made after the build (`chronicle build --search`).
    public var search = false

    public init(source: URL, output: URL) {
        self.source = source
        self.output = output
    }
}
