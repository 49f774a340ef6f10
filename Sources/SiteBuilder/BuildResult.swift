import SiteCore

/// Everything a build produced, before anything is written.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var pages: [Page]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
