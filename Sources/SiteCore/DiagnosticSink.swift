import Foundation

/// A thread-safe collector of diagnostics; stages append, the CLI prints them sorted at the end.
public final class DiagnosticSink: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    public func add(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        items.append(contentsOf: diagnostics)
        lock.unlock()
    }

    /// All diagnostics so far, sorted by file, line and column.
    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items.sorted()
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    public func count(_ severity: Severity) -> Int { all.filter { $0.severity == severity }.count }
}
