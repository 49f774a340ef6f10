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
    /// "Now" for future and expired posts; tests pin it.
    public var now = Date()

    public init(source: URL, output: URL) {
        self.source = source
        self.output = output
    }
}
