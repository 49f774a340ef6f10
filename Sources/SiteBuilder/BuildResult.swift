import ContentParsing
import SiteCore

/// Everything a build produced, before anything is written.
public struct BuildResult: Sendable {
    /// The files, when the build went to memory (`generate()`); empty when they went to a sink.
    public var files: [OutputFile]
    public var pages: [Page]
    public var diagnostics: [Diagnostic]
    /// The config the build used; nil when it could not be read.
    public var config: SiteConfig?
    /// Wall time of each stage, in order (`load`, `link`, …), for `build --verbose`.
    public var stageSeconds: [(stage: String, seconds: Double)] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
