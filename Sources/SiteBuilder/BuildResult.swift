import ContentParsing
import SiteCore

/// Everything a build produced, before anything is written.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var pages: [Page]
    public var diagnostics: [Diagnostic]
    /// The config the build used; nil when it could not be read.
    public var config: SiteConfig?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
