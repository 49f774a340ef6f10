import Foundation
import SiteCore

/// Prints diagnostics clang style to standard error, with the source line and a caret.
struct DiagnosticPrinter {
    var showNotes: Bool
    private let isTerminal = isatty(STDERR_FILENO) != 0

    func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics.sorted() where showNotes || diagnostic.severity != .note {
            text += (diagnostic.location.line == nil ? diagnostic.formatted : diagnostic.formattedWithSource) + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    func summary(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A progress line on a terminal (`Rendering 40/106`); silent in pipes and CI.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["CI"] == nil
    private let lock = NSLock()
    private var lastPrint = Date.distantPast
    private var printed = false

    func update(_ stage: String, _ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastPrint) > 0.1 else { return }
        lastPrint = now
        printed = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage) \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled, printed else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
