import Foundation

/// Where the emit stage puts files: a staging folder on disk (`StagedOutput`, for `build`) or
/// memory (`MemoryOutput`, for `check`, tests and previews). Safe to call from many threads.
/// The first file written to a path wins; later ones for the same path are dropped (pages
/// before lists, lists before bundle resources and `static/`).
public protocol OutputSink: Sendable {
    func write(_ file: OutputFile)
}

/// Files kept in memory.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: OutputFile] = [:]

    public init() {}

    public func write(_ file: OutputFile) {
        lock.lock()
        if byPath[file.path] == nil { byPath[file.path] = file }
        lock.unlock()
    }

    /// Every file, sorted by path.
    public var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return byPath.values.sorted { $0.path < $1.path }
    }
}
