import Foundation

/// The one process-wide lock around cmark-gfm parsing.
///
/// cmark-gfm 0.29 cannot parse two documents at once, even with one parser each: every parse
/// adds and then removes the syntax extensions' special characters in a process-wide table, so
/// strikethrough and autolinks silently vanish from documents parsed on other threads at the
/// same time. Everything from `cmark_parser_new` to `cmark_parser_finish` runs under this lock;
/// rendering a finished tree to HTML is safe in parallel and stays outside it.
///
/// Anything else in the process that parses with cmark-gfm (tests included) must use it too.
public enum CmarkLock {
    private static let lock = NSLock()

    public static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
