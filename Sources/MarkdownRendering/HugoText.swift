/// Hugo's text helpers, ported so summaries and word counts come out as Hugo's do.
enum HugoText {
    /// Hugo's `StripHTML` (as in 0.111): line breaks become spaces, `</p>` and `<br>` become
    /// line breaks, tags and comments go (html/template's `stripTags`), and every run of white
    /// space shrinks to its first character. Entities stay as written.
    static func stripHTML(_ html: String) -> String {
        guard html.contains(where: { $0 == "<" || $0 == ">" }) else { return html }
        let text = stripTags(Array(html.utf8))
        var result = String.UnicodeScalarView()
        var wasSpace = false
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            let isSpace = scalar.isGoSpace
            if !(isSpace && wasSpace) { result.append(scalar) }
            wasSpace = isSpace
        }
        return String(result)
    }

    /// The text between tags; `\n` -> space, `</p>`, `<br>`, `<br />` -> `\n`. A `<` that does
    /// not start a tag (`a <3`) stays; the content of script, style, textarea and title stays.
    private static func stripTags(_ bytes: [UInt8]) -> [UInt8] {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func isAlpha(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        func starts(_ text: String, at position: Int, caseInsensitive: Bool = false) -> Bool {
            // No copy of the needle: this runs for every `<` of a page.
            let needle = text.utf8
            guard position + needle.count <= bytes.count else { return false }
            var cursor = position
            for byte in needle {
                let actual = bytes[cursor]
                if caseInsensitive ? (actual | 0x20) != (byte | 0x20) : actual != byte { return false }
                cursor += 1
            }
            return true
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                out.append(UInt8(ascii: " "))
                index += 1
                continue
            }
            guard byte == lt else {
                out.append(byte)
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
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
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
            if !isEnd, ["script", "style", "textarea", "title"].contains(name) {
                var end = index
                let closing = "</\(name)"
                while end < bytes.count, bytes[end] != lt || !starts(closing, at: end, caseInsensitive: true) { end += 1 }
                for textByte in bytes[index..<end] {
                    out.append(textByte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : textByte)
                }
                index = end
            }
        }
        return out
    }

    /// Hugo's `helpers.TotalWords`: runs of non-space characters.
    static func totalWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let wasInWord = inWord
            inWord = !scalar.isGoSpace
            if inWord && !wasInWord { count += 1 }
        }
        return count
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
