import CCmarkGFM
import CCmarkGate
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How cmark-gfm parses run side by side in this process.
///
/// cmark-gfm 0.29 keeps the syntax extensions' special inline characters (`~`, `:`, `w`) in a
/// process-wide table: `cmark_parser_finish` adds them before its inline pass and removes them
/// after it, so one parser's removal during another's inline pass turns that one's
/// strikethrough and autolinks into plain text. CCmarkGate (see `chronicle_cmark_gate.h`)
/// reference-counts those table writes (first add, last remove), by one of two routes:
///
/// - statically linked cmark-gfm (the release build): the linker's `--wrap` sends
///   `cmark_inlines_add_special_character` / `…_remove_…` to counting wrappers;
/// - libcmark-gfm.so (debug builds, `swift test`): the executable's own
///   `cmark_manage_extensions_special_characters` interposes the library's.
///
/// and a gate around `cmark_parser_finish` admits any number of parsers with the same extension
/// set, a parser with another set only once they have left. Everything else (creating the
/// parser, feeding it, rendering, freeing) runs outside the gate.
///
/// Which route works depends on how the executable was linked, so before the first parse a
/// self-test parses `~~x~~ www.example.com` with strikethrough and autolink attached and checks
/// that a wrapper ran and the HTML is right. If not, the gate admits one parse at a time (the old
/// process-wide lock): slower, never wrong.
public enum CmarkConcurrency {
    public enum Mode: Sendable, Equatable, CustomStringConvertible {
        /// Parallel parses; statically linked cmark-gfm, special-character calls wrapped by the linker.
        case parallelStatic
        /// Parallel parses; libcmark-gfm.so, `cmark_manage_extensions_special_characters` interposed.
        case parallelSharedLibrary
        /// One parse at a time (`cmark_parser_finish` under one lock), and why.
        case oneAtATime(reason: String)

        public var isParallel: Bool {
            if case .oneAtATime = self { return false }
            return true
        }

        public var description: String {
            switch self {
            case .parallelStatic:
                return "parallel (static: wrapped special-character calls)"
            case .parallelSharedLibrary:
                return "parallel (shared library: interposed cmark_manage_extensions_special_characters)"
            case .oneAtATime(let reason):
                return "one parse at a time (\(reason))"
            }
        }
    }

    /// The mode of this process; the first use runs the self-test (every parse uses it first).
    public static var mode: Mode { decided }

    private static let decided: Mode = {
        let mode = selfTest()
        chronicle_cmark_gate_set_parallel(chronicle_cmark_gate_shared(), mode.isParallel)
        return mode
    }()

    /// Runs before any other parse (every parse waits for `decided` first), with the gate still
    /// admitting one parse at a time, so the counters moved by this parse alone.
    private static func selfTest() -> Mode {
        let before = chronicle_cmark_special_characters_stats()
        let html = CmarkDocument.selfTestHTML("~~x~~ www.example.com\n", extensions: ["strikethrough", "autolink"])
        let after = chronicle_cmark_special_characters_stats()
        let wrapped = after.wrapped_calls &- before.wrapped_calls
        let interposed = after.interposed_calls &- before.interposed_calls
        let writes = after.table_writes &- before.table_writes
        let expected = "<p><del>x</del> <a href=\"http://www.example.com\">www.example.com</a></p>\n"
        guard html == expected else {
            return .oneAtATime(reason: "self-test: cmark-gfm wrote \(html.debugDescription), not \(expected.debugDescription)")
        }
        guard after.outstanding == 0 else {
            return .oneAtATime(reason: "self-test: \(after.outstanding) special characters added and not removed")
        }
        switch (wrapped, interposed) {
        case (0, 0):
            return .oneAtATime(reason: "neither the --wrap nor the interposed special-character route ran; cmark-gfm is linked some other way")
        case (_, 0) where wrapped % 2 == 0 && writes == wrapped:
            return .parallelStatic
        case (0, 2) where writes == 2:
            return .parallelSharedLibrary
        default:
            return .oneAtATime(reason: "self-test: unexpected special-character calls (wrapped \(wrapped), interposed \(interposed), table writes \(writes))")
        }
    }
}
