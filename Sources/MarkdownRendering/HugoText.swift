/// Hugo's text helpers, ported so summaries and word counts come out as Hugo's do.
enum HugoText {
    /// Hugo's `StripHTML` (as in 0.111): line breaks become spaces, `</p>` and `<br>` become
    /// line breaks, tags and comments go (html/template's `stripTags`), and every run of white
    /// space shrinks to its first character. Entities stay as written.
    static func stripHTML(_ html: String) -> String {
        var html = html
        let stripped = html.withUTF8 { bytes -> [UInt8]? in
            guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return nil }
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            stripTags(bytes, into: &text)
            collapseSpace(&text)
            return text
        }
        guard let stripped else { return html }
        return String(decoding: stripped, as: UTF8.self)
    }

    /// The words `totalWords(stripHTML(html))` would count, counted while the tags are
    /// stripped, without making the text.
    static func wordCount(ofHTML html: String) -> Int {
        var html = html
        return html.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
                var counter = WordCounter()
                counter.append(contentsOf: bytes)
                return counter.count
            }
            var counter = WordCounter()
            stripTags(bytes, into: &counter)
            return counter.count
        }
    }

    /// Shrinks every run of white space (Go's `unicode.IsSpace`) to its first character, in
    /// place.
    private static func collapseSpace(_ text: inout [UInt8]) {
        let count = text.count
        let kept = text.withUnsafeMutableBufferPointer { buffer -> Int in
            var read = 0
            var write = 0
            var wasSpace = false
            while read < count {
                let byte = buffer[read]
                if byte < 0x80 {
                    let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                    if !(isSpace && wasSpace) {
                        buffer[write] = byte
                        write += 1
                    }
                    wasSpace = isSpace
                    read += 1
                    continue
                }
                let length = min(UTF8Scalar.length(byte), count - read)
                let isSpace = UTF8Scalar.isGoSpace(UnsafeBufferPointer(buffer), at: read)
                if !(isSpace && wasSpace) {
                    for offset in 0..<length { buffer[write + offset] = buffer[read + offset] }
                    write += length
                }
                wasSpace = isSpace
                read += length
            }
            return write
        }
        text.removeLast(count - kept)
    }

    /// The text between tags; `\n` -> space, `</p>`, `<br>`, `<br />` -> `\n`. A `<` that does
    /// not start a tag (`a <3`) stays; the content of script, style, textarea and title stays.
    private static func stripTags<Sink: StrippedTextSink>(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout Sink) {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        var index = 0
        func isAlpha(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        func starts(_ text: StaticString, at position: Int, caseInsensitive: Bool = false) -> Bool {
            text.withUTF8Buffer { needle in
                guard position + needle.count <= bytes.count else { return false }
                for offset in 0..<needle.count {
                    let actual = bytes[position + offset], byte = needle[offset]
                    if caseInsensitive ? (actual | 0x20) != (byte | 0x20) : actual != byte { return false }
                }
                return true
            }
        }
        /// Whether `bytes[start..<end]` is `name` (lower-case ASCII), ignoring case.
        func isName(_ name: StaticString, _ start: Int, _ end: Int) -> Bool {
            end - start == name.utf8CodeUnitCount && starts(name, at: start, caseInsensitive: true)
        }
        while index < bytes.count {
            // Text up to the next `<` or line break, copied whole.
            var runEnd = index
            while runEnd < bytes.count, bytes[runEnd] != lt, bytes[runEnd] != UInt8(ascii: "\n") { runEnd += 1 }
            if runEnd > index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                index = runEnd
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                out.append(UInt8(ascii: " "))
                index += 1
                continue
            }
            if starts("</p>", at: index) || starts("<br>", at: index) {
                out.append(UInt8(ascii: "\n"))
                index += 4
                continue
            }
            if starts("<br />", at: index) {
                out.append(UInt8(ascii: "\n"))
                index += 6
                continue
            }
            if starts("<!--", at: index) {
                var end = index + 4
                while end < bytes.count, bytes[end] != UInt8(ascii: "-") || !starts("-->", at: end) { end += 1 }
                index = min(bytes.count, end + 3)
                continue
            }
            var nameStart = index + 1
            let isEnd = nameStart < bytes.count && bytes[nameStart] == slash
            if isEnd { nameStart += 1 }
            guard nameStart < bytes.count, isAlpha(bytes[nameStart]) else {
                out.append(byte)
                index += 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < bytes.count, isAlpha(bytes[nameEnd]) || (bytes[nameEnd] >= 0x30 && bytes[nameEnd] <= 0x39)
                || bytes[nameEnd] == UInt8(ascii: "-") || bytes[nameEnd] == UInt8(ascii: ":") {
                nameEnd += 1
            }
            // Skip the attributes, minding quotes.
            var cursor = nameEnd
            var quote: UInt8?
            while cursor < bytes.count {
                let current = bytes[cursor]
                if let open = quote {
                    if current == open { quote = nil }
                } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    quote = current
                } else if current == gt {
                    break
                }
                cursor += 1
            }
            index = min(bytes.count, cursor + 1)
            // Raw text elements: their content is text up to the closing tag.
            guard !isEnd else { continue }
            let closing: StaticString
            if isName("script", nameStart, nameEnd) {
                closing = "</script"
            } else if isName("style", nameStart, nameEnd) {
                closing = "</style"
            } else if isName("textarea", nameStart, nameEnd) {
                closing = "</textarea"
            } else if isName("title", nameStart, nameEnd) {
                closing = "</title"
            } else {
                continue
            }
            var end = index
            while end < bytes.count, bytes[end] != lt || !starts(closing, at: end, caseInsensitive: true) { end += 1 }
            // Line breaks become spaces; the text between them goes whole (so no character is
            // handed over in pieces).
            var pieceStart = index
            for position in index..<end where bytes[position] == UInt8(ascii: "\n") {
                if position > pieceStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart..<position])) }
                out.append(UInt8(ascii: " "))
                pieceStart = position + 1
            }
            if end > pieceStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart..<end])) }
            index = end
        }
    }

    /// Hugo's `helpers.TotalWords`: runs of non-space characters.
    static func totalWords(_ text: String) -> Int {
        var text = text
        var counter = WordCounter()
        text.withUTF8 { counter.append(contentsOf: $0) }
        return counter.count
    }

    /// Hugo's `TruncateWordsToWholeSentence`: counts white-space characters up to `length`,
    /// then runs on to the end of that sentence (`.`, `?`, `!`, `"` or a line break). Returns
    /// the text unchanged when there is nothing to cut. `truncated` says whether non-space
    /// text remains after the cut (Hugo also says so for a lone trailing line break).
    static func truncateToWholeSentence(_ text: String, words length: Int) -> (text: String, truncated: Bool) {
        // Index by index: only the first `length` words are looked at, however long the text.
        let scalars = text.unicodeScalars
        var wordCount = 0
        var lastWordIndex: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index].isGoSpace {
                wordCount += 1
                lastWordIndex = index
                if wordCount >= length { break }
            }
            index = scalars.index(after: index)
        }
        guard let lastWordIndex else { return (text, false) }
        var endIndex: String.Index?
        var cursor = lastWordIndex
        while cursor < scalars.endIndex {
            switch scalars[cursor] {
            case ".", "?", "!", "\"", "\n":
                endIndex = scalars.index(after: cursor)
            default:
                cursor = scalars.index(after: cursor)
                continue
            }
            break
        }
        guard let endIndex else { return (text, false) }
        let remainder = scalars[endIndex...].contains { !$0.isGoSpace }
        return (String(decoding: text.utf8[..<endIndex], as: UTF8.self).trimmingGoWhitespace(), remainder)
    }

    /// Hugo's `TrimShortHTML`: drops the `<p>` around output that is a single paragraph.
    static func trimShortHTML(_ html: String) -> String {
        let firstOpening = html.range(of: "<p")?.lowerBound
        let lastOpening = html.range(of: "<p", options: .backwards)?.lowerBound
        let lastClosingP = html.range(of: "</p>", options: .backwards)?.lowerBound
        let lastClosing = html.range(of: "</", options: .backwards)?.lowerBound
        guard firstOpening == lastOpening, lastClosingP == lastClosing else { return html }
        var trimmed = Substring(html.trimmingGoWhitespace())
        if trimmed.hasPrefix("<p>") { trimmed = trimmed.dropFirst(3) }
        if trimmed.hasSuffix("</p>") { trimmed = trimmed.dropLast(4) }
        return trimmed.trimmingGoWhitespace()
    }
}

import Foundation

/// Go's `unicode.IsSpace` on UTF-8 bytes, without making scalars of the ASCII majority.
enum UTF8Scalar {
    /// The length of the sequence a lead byte starts (1 for ASCII and for stray continuation bytes).
    @inline(__always)
    static func length(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Whether the scalar starting at `index` is white space as Go sees it.
    @inline(__always)
    static func isGoSpace<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Bytes.Index) -> Bool
    where Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 {
            return lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
        }
        // Every non-ASCII space starts with C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000…U+205F)
        // or E3 (U+3000).
        guard lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 else { return false }
        let length = length(lead)
        guard index + length <= bytes.endIndex else { return false }
        var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return Unicode.Scalar(value)?.isGoSpace ?? false
    }
}

/// Where `HugoText.stripTags` puts the text: bytes (for the stripped text) or a word counter.
/// Pieces are whole characters: the text is cut only at ASCII bytes.
protocol StrippedTextSink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: StrippedTextSink where Element == UInt8 {}

/// Counts runs of non-space characters (Hugo's `TotalWords`) of the text handed to it.
struct WordCounter: StrippedTextSink {
    private(set) var count = 0
    private var inWord = false

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        // Only ASCII comes alone (a space, a line break, a character of a tag-like text).
        let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        if !isSpace && !inWord { count += 1 }
        inWord = !isSpace
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isSpace: Bool
            if byte < 0x80 {
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                index += 1
            } else {
                isSpace = UTF8Scalar.isGoSpace(bytes, at: index)
                index += UTF8Scalar.length(byte)
            }
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
    }
}
