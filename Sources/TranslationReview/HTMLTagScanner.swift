/// Splits rendered body HTML into tags and text. cmark-gfm's output is regular (quoted
/// attributes, every element closed), so a scanner is enough; raw HTML an author wrote is
/// read the same way and does not need to be well-formed.
enum HTMLTagScanner {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    static func tokens(_ bytes: [UInt8]) -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        var textStart = 0
        var index = 0
        let count = bytes.count
        func flushText(_ end: Int) {
            if end > textStart { tokens.append(HTMLToken(kind: .text, range: textStart..<end)) }
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                // A comment (`<!-- … -->`) or a declaration: up to its end.
                let isComment = index + 3 < count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
                let end = isComment ? find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } : find([UInt8(ascii: ">")], in: bytes, from: index).map { $0 + 1 }
                flushText(index)
                let stop = end ?? count
                tokens.append(HTMLToken(kind: .other, range: index..<stop))
                index = stop
                textStart = index
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = index + (closing ? 2 : 1)
            guard nameStart < count, isLetter(bytes[nameStart]) else {
                index += 1
                continue
            }
            var cursor = nameStart
            while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            let (attributes, selfClosing, end) = readAttributes(bytes, from: cursor)
            flushText(index)
            if closing {
                tokens.append(HTMLToken(kind: .close, name: name, range: index..<end))
                index = end
                textStart = index
                continue
            }
            tokens.append(HTMLToken(
                kind: .open, name: name, range: index..<end, attributes: attributes,
                isVoid: selfClosing || voidElements.contains(name)))
            index = end
            textStart = index
            if name == "script" || name == "style" {
                // Raw text up to the closing tag.
                let stop = find(Array("</\(name)".utf8), in: bytes, from: index, caseInsensitive: true) ?? count
                if stop > index { tokens.append(HTMLToken(kind: .other, range: index..<stop)) }
                index = stop
                textStart = index
            }
        }
        flushText(count)
        return tokens
    }

    /// The attributes of a start tag from just after its name; returns the offset after `>`.
    private static func readAttributes(_ bytes: [UInt8], from start: Int) -> ([HTMLAttribute], Bool, Int) {
        var attributes: [HTMLAttribute] = []
        var index = start
        let count = bytes.count
        var selfClosing = false
        while index < count {
            let byte = bytes[index]
            if isSpace(byte) {
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") { return (attributes, selfClosing, index + 1) }
            if byte == UInt8(ascii: "/") {
                selfClosing = true
                index += 1
                continue
            }
            selfClosing = false
            let nameStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                  bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "=") else {
                if !name.isEmpty { attributes.append(HTMLAttribute(name: name, value: "", valueRange: nil)) }
                if nameStart == index { index += 1 }
                continue
            }
            index += 1
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count else { break }
            let valueRange: Range<Int>
            if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                let valueStart = index + 1
                let valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? count
                valueRange = valueStart..<valueEnd
                index = min(count, valueEnd + 1)
            } else {
                let valueStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                valueRange = valueStart..<index
            }
            attributes.append(HTMLAttribute(
                name: name, value: String(decoding: bytes[valueRange], as: UTF8.self), valueRange: valueRange))
        }
        return (attributes, selfClosing, count)
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard !needle.isEmpty, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            var matched = true
            for offset in 0..<needle.count {
                var byte = bytes[index + offset]
                if caseInsensitive, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] {
                    matched = false
                    break
                }
            }
            if matched { return index }
            index += 1
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
