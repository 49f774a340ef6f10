import SiteCore

/// A fast reader for the front matter most posts have: top-level `key: value` lines whose
/// values are plain, single- or double-quoted scalars or one-line flow sequences of them, with
/// blank lines and comments. Anything else (nesting, block sequences, multi-line scalars,
/// anchors, tags, unusual escapes, duplicate keys, control characters…) returns nil, and Yams
/// reads the text. For what it accepts, the result is exactly Yams' (`YAMLConversion`), which
/// `SimpleYAMLTests` checks on every front matter of the corpora and on generated ones.
enum SimpleYAML {
    static func parse(_ text: String) -> StructuredData? {
        var text = text
        return text.withUTF8 { bytes -> StructuredData? in
            guard isPlainText(bytes) else { return nil }
            var table: [String: ParamValue] = [:]
            var keyLines: [String: Int] = [:]
            var lineNumber = 0
            var start = 0
            while start <= bytes.count {
                lineNumber += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if line.allSatisfy({ $0 == UInt8(ascii: " ") }) || line.first == UInt8(ascii: "#") { continue }
                guard let (key, value) = entry(line) else { return nil }
                guard table[key] == nil else { return nil }  // Yams reports the duplicate
                table[key] = value
                keyLines[key] = lineNumber
            }
            return StructuredData(value: .table(table), keyLines: keyLines)
        }
    }

    /// No tab, carriage return, control character, NEL, line or paragraph separator, BOM,
    /// U+FFFE or U+FFFF (libyaml's line breaks and non-printable characters).
    private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != UInt8(ascii: "\n") || byte == 0x7F { return false }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            if byte == 0xEF, index + 2 < bytes.count,
               bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "-")
    }

    /// `key: value` at the start of a line.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>) -> (String, ParamValue)? {
        guard let first = line.first, isKeyStart(first) else { return nil }
        var index = 1
        while index < line.count, isKeyByte(line[index]) { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: ":") else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<index]), as: UTF8.self)
        index += 1
        guard index == line.count || line[index] == UInt8(ascii: " ") else { return nil }
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        // Nothing (or only a comment) after the colon: null.
        if index == line.count || line[index] == UInt8(ascii: "#") { return (key, .null) }
        guard let value = value(line, from: index) else { return nil }
        return (key, value)
    }

    private static func value(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> ParamValue? {
        switch line[start] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard let (text, end) = quoted(line, from: start), isRestEmpty(line, from: end) else { return nil }
            return .string(text)
        case UInt8(ascii: "["):
            return sequence(line, from: start)
        default:
            guard let text = plain(line, from: start, end: line.count, inFlow: false) else { return nil }
            return typed(text)
        }
    }

    /// Only spaces, or spaces and then a comment, from `index` to the end of the line.
    private static func isRestEmpty(_ line: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        var index = index
        let spaceStart = index
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        return index == line.count || line[index] == UInt8(ascii: "#") && index > spaceStart
    }

    /// A quoted scalar starting at `start`: its text and the index after the closing quote.
    private static func quoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
        let quote = line[start]
        var bytes: [UInt8] = []
        var index = start + 1
        while index < line.count {
            let byte = line[index]
            if quote == UInt8(ascii: "'") {
                if byte == quote {
                    if index + 1 < line.count, line[index + 1] == quote {
                        bytes.append(quote)
                        index += 2
                        continue
                    }
                    return (String(decoding: bytes, as: UTF8.self), index + 1)
                }
            } else {
                if byte == quote { return (String(decoding: bytes, as: UTF8.self), index + 1) }
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < line.count else { return nil }
                    switch line[index + 1] {
                    case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
                    case UInt8(ascii: "t"): bytes.append(UInt8(ascii: "\t"))
                    default: return nil  // other escapes are left to Yams
                    }
                    index += 2
                    continue
                }
            }
            bytes.append(byte)
            index += 1
        }
        return nil  // not closed on this line
    }

    /// `[a, "b", 'c']` on one line; every plain item must be a string.
    private static func sequence(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> ParamValue? {
        var items: [ParamValue] = []
        var index = start + 1
        func skipSpaces() { while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 } }
        skipSpaces()
        if index < line.count, line[index] == UInt8(ascii: "]") {
            return isRestEmpty(line, from: index + 1) ? .array([]) : nil
        }
        while index < line.count {
            skipSpaces()
            guard index < line.count else { return nil }
            if line[index] == UInt8(ascii: "\"") || line[index] == UInt8(ascii: "'") {
                guard let (text, end) = quoted(line, from: index) else { return nil }
                items.append(.string(text))
                index = end
            } else {
                var end = index
                while end < line.count, line[end] != UInt8(ascii: ","), line[end] != UInt8(ascii: "]") { end += 1 }
                guard let text = plain(line, from: index, end: end, inFlow: true), YAMLScalarKind(text) == .string else { return nil }
                items.append(.string(text))
                index = end
            }
            skipSpaces()
            guard index < line.count else { return nil }
            if line[index] == UInt8(ascii: "]") {
                return isRestEmpty(line, from: index + 1) ? .array(items) : nil
            }
            guard line[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            skipSpaces()
            // A trailing comma, `[a, ]`, is left to Yams.
            guard index < line.count, line[index] != UInt8(ascii: "]") else { return nil }
        }
        return nil
    }

    /// A plain scalar in `line[start..<end]`: trimmed, a comment cut off; nil when it starts
    /// with an indicator or holds what would end or nest it (`: `, a final `:`, brackets; in a
    /// flow sequence also `#` and `:`).
    private static func plain(_ line: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, inFlow: Bool) -> String? {
        guard start < end else { return nil }
        switch line[start] {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "):
            return nil
        default:
            break
        }
        var stop = end
        var index = start
        while index < end {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "#"):
                if inFlow { return nil }
                if line[index - 1] == UInt8(ascii: " ") {
                    stop = index
                    index = end
                    continue
                }
            case UInt8(ascii: ":"):
                if inFlow || index + 1 == end || line[index + 1] == UInt8(ascii: " ") { return nil }
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                return nil
            default:
                break
            }
            index += 1
        }
        while stop > start, line[stop - 1] == UInt8(ascii: " ") { stop -= 1 }
        guard stop > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: line[start..<stop]), as: UTF8.self)
    }

    /// A plain scalar's value as `YAMLConversion` gives it; nil for the kinds left to Yams.
    private static func typed(_ text: String) -> ParamValue? {
        switch YAMLScalarKind(text) {
        case .string:
            return .string(text)
        case .null:
            return .null
        case .bool:
            return YAMLScalarKind.boolValue(text).map(ParamValue.bool)
        case .int:
            // Plain decimal only; octal, hex, binary and underscores are Yams' to read.
            guard text == "0" || text.utf8.first != UInt8(ascii: "0") && text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let number = Int(text) else { return nil }
            return .int(number)
        case .float, .merge:
            return nil
        }
    }
}
