import Foundation
import SiteCore
import TextRepair

/// A repair's diagnostics, in the words the build and `chronicle repair` both print: each repair
/// a warning with the damaged line (`repair.mojibake`), each guess among several candidates a
/// note listing them (`repair.guess`), suspicious text left alone a note with why
/// (`repair.possible`: quoted in code elsewhere, the same words correctly encoded, …).
public enum RepairDiagnostics {
    public static func diagnostics(for result: RepairResult, original: String, path: String) -> [Diagnostic] {
        guard !result.repairs.isEmpty || !result.possible.isEmpty else { return [] }
        let lines = original.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        func line(_ number: Int) -> String? {
            number <= lines.count ? visible(String(lines[number - 1])) : nil
        }
        var diagnostics: [Diagnostic] = []
        for repair in result.repairs {
            let location = SourceLocation(path: path, line: repair.line, column: repair.column)
            diagnostics.append(Diagnostic(
                .warning, code: "repair.mojibake",
                message: "repaired mojibake '\(visible(repair.before))' -> '\(visible(repair.after))' "
                    + "(\(repair.encoding), confidence \(String(format: "%.2f", repair.confidence)))",
                location: location, sourceLine: line(repair.line)))
            // A guess among several candidates: say which, so that a person can check it.
            if repair.isAmbiguous {
                diagnostics.append(Diagnostic(
                    .note, code: "repair.guess",
                    message: "a dropped byte was guessed; candidates, best first: "
                        + repair.candidates.map { "'\(visible($0))'" }.joined(separator: ", "),
                    location: location))
            }
        }
        for repair in result.possible {
            diagnostics.append(Diagnostic(
                .note, code: "repair.possible",
                message: "possible mojibake '\(visible(repair.before))' (\(repair.encoding)) left as is"
                    + (repair.reason.map { " (\($0))" } ?? "") + "; it may mean '\(visible(repair.after))'",
                location: SourceLocation(path: path, line: repair.line, column: repair.column),
                sourceLine: line(repair.line)))
        }
        return diagnostics
    }

    /// Control characters (C0 other than tab, C1) shown as `\u{…}`, so that a terminal shows
    /// what is there instead of acting on it.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }
}
