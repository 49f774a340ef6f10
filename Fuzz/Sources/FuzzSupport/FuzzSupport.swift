import Foundation
import SiteCore

/// Stops the fuzzer with a message when an invariant does not hold. libFuzzer reports the abort
/// as a crash and saves the input to its artifact folder.
public func fuzzRequire(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() {
        FileHandle.standardError.write(Data("invariant violated at \(file):\(line): \(message())\n".utf8))
        abort()
    }
}

/// The fuzzer's bytes as `Data`.
public func fuzzData(_ data: UnsafePointer<UInt8>, _ size: Int) -> Data {
    Data(bytes: data, count: size)
}

/// Every diagnostic points into the file it is about: same path, a line of the file, a column
/// on that line, and the source line shown is that line's text.
public func checkDiagnostics(_ diagnostics: [Diagnostic], source: SourceFile, lineIndex: LineIndex) {
    for diagnostic in diagnostics {
        let location = diagnostic.location
        fuzzRequire(location.path == source.path, "diagnostic path \(location.path) != \(source.path)")
        guard let line = location.line else { continue }
        fuzzRequire(line >= 1 && line <= lineIndex.lineCount,
                    "diagnostic line \(line) outside 1...\(lineIndex.lineCount): \(diagnostic.formatted)")
        let lineText = lineIndex.lineText(line)
        if let column = location.column {
            fuzzRequire(column >= 1 && column <= lineText.count + 1,
                        "diagnostic column \(column) outside 1...\(lineText.count + 1): \(diagnostic.formatted)")
        }
        if let sourceLine = diagnostic.sourceLine {
            fuzzRequire(sourceLine == lineText, "diagnostic source line is not line \(line): \(diagnostic.formatted)")
        }
    }
}

/// Whether `offset` is a valid UTF-8 offset in `text` (0...count).
public func isOffset(_ offset: Int, in text: String) -> Bool {
    offset >= 0 && offset <= text.utf8.count
}

/// Known crashes, not yet fixed, that inputs can be kept away from with `FUZZ_SKIP_KNOWN=1` so
/// that a run looks past them (each has a disabled test in a `FuzzRegressionTests.swift`).
public enum KnownCrash {
    static let skip = ProcessInfo.processInfo.environment["FUZZ_SKIP_KNOWN"] == "1"

    /// True when `text` may hit a known crash in front matter or page parsing and skipping is on.
    public static func shouldSkip(_ text: String) -> Bool {
        skip && (tomlDateTimeAssertion(text) || tomlTableHeaderAssertion(text))
    }

    /// toml++ 3.4.0 asserts in `parser::parse_key` (toml.hpp:15481, `is_bare_key_character(*cp) ||
    /// is_string_delimiter(*cp)`) on a table header whose first key starts with anything else,
    /// e.g. `[ä]`, `[[ ä]]`, `[.a]`, `[#]`, `[*]`: the process aborts. Over-approximated here:
    /// any line starting with such a `[`.
    static func tomlTableHeaderAssertion(_ text: String) -> Bool {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "[" else { continue }
            rest = rest.dropFirst()
            if rest.first == "[" { rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.unicodeScalars.first else { return true }
            let fine = (first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first)))
                || "_-\"']".unicodeScalars.contains(first)
            if !fine { return true }
        }
        return false
    }

    /// True when `text` may hit a known hang of the repair and skipping is on.
    public static func shouldSkipRepair(_ text: String) -> Bool {
        skip && repairLeadByteRun(text)
    }

    /// TextRepairer.repair takes time and memory exponential in the length of a run of characters
    /// that read as UTF-8 lead bytes without their continuation bytes: "Ë" x 16 takes 4 s and
    /// 300 MB, x 20 takes 53 s and 800 MB ("Ã" x 20: 32 s). Over-approximated here: 12 or more
    /// of U+00C0...U+00EF in a row.
    static func repairLeadByteRun(_ text: String) -> Bool {
        var run = 0
        for scalar in text.unicodeScalars {
            if (0xC0...0xEF).contains(scalar.value) {
                run += 1
                if run >= 12 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// toml++ 3.4.0 (inside TOMLKit 0.6.0) asserts in `parser::parse_time` (toml.hpp:14790,
    /// `TOML_ASSERT_ASSUME(is_decimal_digit(*cp))`) on a date-time whose `T` is not followed by a
    /// digit, e.g. `date = 2024-01-17Tx1:19:02`: the process aborts. Over-approximated here: any
    /// `DDDD-DD-DDT` not followed by a digit.
    static func tomlDateTimeAssertion(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 11 else { return false }
        func digit(_ i: Int) -> Bool { bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        for i in 0...(bytes.count - 11) {
            guard digit(i), digit(i + 1), digit(i + 2), digit(i + 3), bytes[i + 4] == 0x2D,
                  digit(i + 5), digit(i + 6), bytes[i + 7] == 0x2D, digit(i + 8), digit(i + 9),
                  bytes[i + 10] == 0x54 || bytes[i + 10] == 0x74 else { continue }
            if i + 11 >= bytes.count || !digit(i + 11) { return true }
        }
        return false
    }
}
