import Foundation
import SiteBuilder
import SiteCore

/// The site as the preview serves it: a `SiteSession` brought up to date on every change, one
/// build at a time on a queue of its own, and the snapshot to serve. A build with errors does
/// not replace a good snapshot: the last good pages stay served and every page shows the
/// errors over itself until a build succeeds again.
public final class LiveSite: @unchecked Sendable {
    public let session: SiteSession
    let hub = ReloadHub()
    private let queue = DispatchQueue(label: "chronicle.serve.build")
    private let lock = NSLock()
    private var snapshot: SiteSnapshot?
    private var failure: [Diagnostic] = []

    /// What one build did, for the terminal.
    public struct Report: Sendable {
        public var generation: Int
        public var seconds: Double
        /// Content files read again (display paths); every file for a full build.
        public var reloaded: [String]
        public var wasFullBuild: Bool
        public var diagnostics: [Diagnostic]
        /// The build failed and the previous pages stay served.
        public var keptPrevious: Bool
        public var pageCount: Int
        /// Each stage's wall time (empty when nothing was built).
        public var stageSeconds: [(stage: String, seconds: Double)] = []
        /// The lists and indexes of the last build were kept (`SiteSnapshot.linkedInPlace`).
        public var linkedInPlace = false
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    }

    /// Called after every build (on the build queue).
    public var onBuild: (@Sendable (Report) -> Void)?

    public init(options: BuildOptions) {
        session = SiteSession(options: options)
    }

    /// The snapshot served now (the last good build, or the first build when none was good).
    public var current: SiteSnapshot? {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    /// Errors of the latest build when it failed; empty after a good build.
    public var currentFailure: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// Builds everything and waits for it.
    public func buildAll() {
        queue.sync { apply(nil) }
    }

    /// Builds what the changed paths touch, after any build already running.
    public func changed(_ paths: Set<String>) {
        queue.async { self.apply(SiteSession.Change(paths: paths)) }
    }

    private func apply(_ change: SiteSession.Change?) {
        let start = DispatchTime.now().uptimeNanoseconds
        let update = session.update(change)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        switch update {
        case .unchanged:
            return
        case .failed(let diagnostics):
            publishFailure(diagnostics, stale: current != nil)
            onBuild?(Report(
                generation: current?.generation ?? 0, seconds: seconds, reloaded: [], wasFullBuild: true,
                diagnostics: diagnostics, keptPrevious: current != nil, pageCount: current?.pages.count ?? 0))
        case .built(let new):
            let errors = new.diagnostics.filter { $0.severity == .error }
            lock.lock()
            let keep = !errors.isEmpty && snapshot != nil
            // Freed after the pages are told (freeing a big site's snapshot takes a while).
            var previous: SiteSnapshot?
            if !keep {
                previous = snapshot
                snapshot = new
            }
            lock.unlock()
            defer { withExtendedLifetime(previous) {} }
            if errors.isEmpty {
                lock.lock()
                failure = []
                lock.unlock()
                hub.reload(generation: new.generation, details: [
                    "ms": (seconds * 1000 * 10).rounded() / 10, "files": new.reloadedFiles.prefix(20).map { $0 },
                    "full": new.wasFullBuild,
                ])
            } else {
                if !keep {
                    // The first build: serve it, with its errors over every page.
                    hub.reload(generation: new.generation, details: ["ms": seconds * 1000, "full": true])
                }
                publishFailure(errors, stale: keep)
            }
            onBuild?(Report(
                generation: new.generation, seconds: seconds, reloaded: new.reloadedFiles, wasFullBuild: new.wasFullBuild,
                diagnostics: new.diagnostics, keptPrevious: keep, pageCount: new.pages.count,
                stageSeconds: new.stageSeconds, linkedInPlace: new.linkedInPlace))
        }
    }

    private func publishFailure(_ diagnostics: [Diagnostic], stale: Bool) {
        lock.lock()
        failure = diagnostics
        lock.unlock()
        struct Payload: Encodable {
            var errorCount: Int
            var stale: Bool
            var diagnostics: [Diagnostic]
        }
        let errors = diagnostics.filter { $0.severity == .error }
        let payload = Payload(errorCount: errors.count, stale: stale, diagnostics: Array(errors.prefix(50)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        hub.fail((try? encoder.encode(payload)) ?? Data("{}".utf8))
    }
}
