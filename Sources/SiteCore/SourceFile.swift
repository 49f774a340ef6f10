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
            // Whatever is valid UTF-8 stays so (a stray Latin-1 byte must not turn every
            // umlaut of the file into mojibake); each other byte is read as Windows-1252.
            text = decodeMixed(bytes[...])
            notes.append(.notUTF8(fallback: "Windows-1252"))
        }
        if contains(0, in: &text) { notes.append(.nulBytes) }
        if contains(UInt8(ascii: "\r"), in: &text) {
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

    /// Whether the text's UTF-8 holds `byte` (memchr: the standard library's `contains` on a
    /// `UTF8View` walks it index by index).
    private static func contains(_ byte: UInt8, in text: inout String) -> Bool {
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }

    /// Whether `bytes` are well-formed UTF-8, without making a String of them (ASCII is skipped
    /// eight bytes at a time).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                guard let length = validSequenceLength(bytes[...], at: index) else { return false }
                index += length
            }
            return true
        }
    }

    /// UTF-8 sequences as UTF-8, every byte that is not part of one as Windows-1252 (its five
    /// undefined bytes as the C1 controls of the same number).
    public static func decodeMixed(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let length = validSequenceLength(bytes, at: index) {
                output.append(contentsOf: bytes[index..<(index + length)])
                index += length
            } else {
                output.append(contentsOf: String(windows1252Character(bytes[index])).utf8)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, nil when there is none
    /// (a stray continuation byte, an overlong form, a surrogate, a sequence cut short).
    static func validSequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.endIndex && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    /// Where the first byte that is not UTF-8 sits in `data` (a BOM not counted), as the line
    /// and column (in characters, as `decode` reads the line) an editor shows, with that byte
    /// and the number of such bytes; nil for valid UTF-8.
    public static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int, byte: UInt8, count: Int)? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        let slice = bytes[...]
        var first: Int?
        var count = 0
        var index = 0
        while index < bytes.count {
            if let length = validSequenceLength(slice, at: index) {
                index += length
            } else {
                if first == nil { first = index }
                count += 1
                index += 1
            }
        }
        guard let first else { return nil }
        var line = 1
        var lineStart = 0
        for position in 0..<first {
            let byte = bytes[position]
            let isBreak = byte == 0x0A || (byte == 0x0D && (position + 1 >= bytes.count || bytes[position + 1] != 0x0A))
            if isBreak {
                line += 1
                lineStart = position + 1
            }
        }
        let column = decodeMixed(slice[lineStart..<first]).count + 1
        return (line, column, bytes[first], count)
    }

    /// Whether bytes are plainly not text: a known binary format's signature (PNG, JPEG, GIF,
    /// PDF, ZIP, gzip, ELF, WebP), or more than 5% of the first 8 KB control bytes other than
    /// tab, line breaks, form feed and escape (a text file with a stray NUL is still text).
    public static func looksBinary(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(8192))
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), Array("%PDF-".utf8),
            [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B], [0x7F, 0x45, 0x4C, 0x46],
        ]
        if signatures.contains(where: { head.starts(with: $0) }) { return true }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), head[8..<12].elementsEqual("WEBP".utf8) { return true }
        guard !head.isEmpty else { return false }
        var controls = 0
        head.withUnsafeBufferPointer { bytes in
            for byte in bytes where byte < 0x20 {
                // Tab, line feed, vertical tab, form feed, carriage return and escape are text.
                if !(byte >= 0x09 && byte <= 0x0D) && byte != 0x1B { controls += 1 }
            }
        }
        return controls * 20 > head.count
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

extension String {
    /// The text between two UTF-8 offsets, copied without checking it again as UTF-8 (which
    /// `String(decoding:)` of the bytes does): the offsets must fall between characters' bytes,
    /// as they do at ASCII delimiters; otherwise the bytes are decoded as before.
    public func slice(utf8 range: Range<Int>) -> String {
        let utf8 = self.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        let isBoundary = { (index: String.Index) in index == utf8.endIndex || utf8[index] & 0xC0 != 0x80 }
        guard isBoundary(lower), isBoundary(upper) else { return String(decoding: utf8[lower..<upper], as: UTF8.self) }
        return String(self[lower..<upper])
    }
}
