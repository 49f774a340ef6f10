import Foundation

extension SourceFile {
    /// The warning for bytes that are not UTF-8 (`source.encoding`), at the first bad byte, or
    /// nil when they are UTF-8. The build and `chronicle repair` both read such files with
    /// `decodeMixed` and say so in the same words.
    public static func encodingDiagnostic(for data: Data, path: String) -> Diagnostic? {
        guard let first = firstInvalidUTF8(in: data) else { return nil }
        let byte = "0x" + String(first.byte, radix: 16, uppercase: true)
        let more = first.count > 1 ? " (and \(first.count - 1) more byte\(first.count > 2 ? "s" : ""))" : ""
        return Diagnostic(
            .warning, code: "source.encoding",
            message: "byte \(byte) is not UTF-8\(more); read as Windows-1252",
            location: SourceLocation(path: path, line: first.line, column: first.column))
    }
}
