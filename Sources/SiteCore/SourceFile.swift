import Foundation

/// A content or config file as read from disk: its display path, its language and its text,
/// with a BOM stripped and CRLF/CR line endings turned into LF.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown in diagnostics (relative to the site folder when possible).
    public var path: String
    /// The language code from the file name (`index.de.md` -> `de`), nil when it has none.
    public var language: String?
    public var text: String

    public init(path: String, language: String? = nil, text: String) {
        self.path = path
        self.language = language
        self.text = text
    }

    /// What `decode` noticed about the bytes: each is a warning worth telling the author.
    public enum DecodingNote: Sendable, Hashable {
        case byteOrderMark
        case crlfLineEndings
        case mixedLineEndings
        case notUTF8(fallback: String)
        case nulBytes
    }

    /// Decodes bytes as UTF-8, or, when they are not valid UTF-8, as Windows-1252.
    /// Strips a UTF-8 BOM and normalizes line endings to LF.
    public static func decode(_ data: Data) -> (text: String, notes: [DecodingNote]) {
        var notes: [DecodingNote] = []
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            notes.append(.byteOrderMark)
        }
        var text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else {
            text = String(bytes.map { windows1252Character($0) })
            notes.append(.notUTF8(fallback: "Windows-1252"))
        }
        if text.utf8.contains(0) { notes.append(.nulBytes) }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            let crlf = text.components(separatedBy: "\r\n").count - 1
            let lfTotal = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
            let crTotal = text.utf8.filter { $0 == UInt8(ascii: "\r") }.count
            let mixed = crlf != lfTotal || crlf != crTotal
            notes.append(mixed ? .mixedLineEndings : .crlfLineEndings)
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        return (text, notes)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Character(_ byte: UInt8) -> Character {
        let value = (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : UInt32(byte)
        return Character(Unicode.Scalar(value)!)
    }
}
