import SiteCore

/// The summary lists show, made of whole HTML blocks as Hugo (0.134 and later) makes automatic
/// summaries: the leading top-level blocks (paragraphs, lists, headings, code, admonitions…)
/// until `summaryLength` words are reached, so headings, list items and links keep their
/// markup instead of running together in one paragraph. Headings lose their `id` in a summary
/// (a list page shows many summaries; the ids belong to the posts' own pages).
enum BlockSummary {
    /// The automatic summary of `html` and whether the body goes on after it.
    ///
    /// Blocks are taken while they fit in `limit` words; the block that reaches the limit is
    /// taken whole unless that would make the summary more than half as long again, and then
    /// the summary ends before it. When not even one block but headings fits, that block's text is
    /// cut at the end of a sentence (Hugo's older plain-text summary). Headings at the end of
    /// the summary, whose text would be missing, are left out.
    static func automatic(_ html: String, words limit: Int) -> (html: String, truncated: Bool) {
        var html = html
        return html.withUTF8 { bytes -> (html: String, truncated: Bool) in
            var scanner = BlockScanner(bytes: bytes)
            var total = 0
            var end = 0  // end of the last block taken
            var endOfContent = 0  // … that is not a heading
            var tookContent = false
            let most = limit + limit / 2
            while let block = scanner.next() {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[block.range]), as: UTF8.self)
                let words = HugoText.wordCount(ofHTML: text)
                if total + words > most {
                    if tookContent || block.isHeading { break }
                    // The first block with text is too long to show whole.
                    let plain = HugoText.stripHTML(text)
                    let (cut, isCut) = HugoText.truncateToWholeSentence(plain, words: max(1, limit - total))
                    if isCut {
                        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
                        let lead = cut.trimmingGoWhitespace()
                        var summary = withoutHeadingIDs(head.trimmingGoWhitespace())
                        if !lead.isEmpty { summary += (summary.isEmpty ? "" : "\n") + "<p>\(lead)</p>" }
                        return (summary, true)
                    }
                }
                total += words
                end = block.range.upperBound
                if !block.isHeading {
                    endOfContent = end
                    tookContent = true
                }
                if total >= limit && tookContent { break }
            }
            let summary = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<endOfContent]), as: UTF8.self)
            let rest = UnsafeBufferPointer(rebasing: bytes[endOfContent...])
            let truncated = rest.contains { $0 != 0x20 && ($0 < 0x09 || $0 > 0x0D) }
            return (withoutHeadingIDs(summary.trimmingGoWhitespace()), truncated)
        }
    }

    /// `html` with the `id` attributes of its headings (`<h2 id="…">`) removed.
    static func withoutHeadingIDs(_ html: String) -> String {
        guard var open = ByteSearch.offset(of: "<h", in: html) else { return html }
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            // `<h1 …>` to `<h6 …>`: the start tag without its id.
            let level = open + 2
            if level + 1 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[level]),
               bytes[level + 1] == UInt8(ascii: " "),
               let close = bytes[level...].firstIndex(of: UInt8(ascii: ">")) {
                result.append(contentsOf: bytes[copied..<level])
                result.append(contentsOf: removingID(bytes[level..<close]))
                copied = close
            }
            guard let next = ByteSearch.offset(of: "<h", in: html, from: open + 2) else { break }
            open = next
        }
        guard copied > 0 else { return html }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// A heading's start tag (from its level on) without its first ` id="…"` (or ` id='…'`).
    private static func removingID(_ tag: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
            let marker: [UInt8] = Array(" id=".utf8) + [quote]
            guard let start = tag.indices.first(where: { tag[$0...].starts(with: marker) }),
                  let end = tag[(start + marker.count)...].firstIndex(of: quote) else { continue }
            return tag[..<start] + tag[(end + 1)...]
        }
        return tag
    }
}

/// Splits HTML into its top-level blocks: an element from its start tag to the end tag that
/// closes it (with the line break after), a lone element without content (`<hr />`), or a line
/// of text outside any element.
struct BlockScanner {
    struct Block {
        var range: Range<Int>
        /// An `<h1>`…`<h6>` element.
        var isHeading: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    private static let rawTextElements: Set<String> = ["script", "style", "textarea", "title"]

    mutating func next() -> Block? {
        // Skip the white space between blocks.
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return nil }
        let start = index
        var depth = 0
        var first: String?
        // A block of text (not starting with a tag) ends only at a line break.
        let isText = tag(at: start) == nil
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n"), depth == 0 {
                index += 1
                return Block(range: start..<index, isHeading: Self.isHeading(first))
            }
            guard byte == UInt8(ascii: "<"), let tag = tag(at: index) else {
                index += 1
                continue
            }
            index = tag.end
            if first == nil { first = tag.isEnd ? "" : tag.name }
            if tag.isEnd {
                depth = max(0, depth - 1)
            } else if !tag.selfClosing && !Self.voidElements.contains(tag.name) && !tag.name.isEmpty {
                depth += 1
                if Self.rawTextElements.contains(tag.name) { skipRawText(tag.name) }
            }
            if depth == 0 && !isText {
                // The block ends here; its line break goes with it.
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                return Block(range: start..<index, isHeading: Self.isHeading(first))
            }
        }
        return Block(range: start..<index, isHeading: Self.isHeading(first))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isHeading(_ name: String?) -> Bool {
        guard let name, name.count == 2, name.first == "h", let level = name.last else { return false }
        return ("1"..."6").contains(level)
    }

    /// A tag or comment starting at `start`: its lower-cased name ("" for a comment), whether
    /// it is an end tag or ends in `/>`, and the index after it. nil when `<` starts no tag.
    private func tag(at start: Int) -> (name: String, isEnd: Bool, selfClosing: Bool, end: Int)? {
        guard bytes[start] == UInt8(ascii: "<") else { return nil }
        var cursor = start + 1
        guard cursor < bytes.count else { return nil }
        if bytes[cursor] == UInt8(ascii: "!") {
            // A comment or declaration: up to `-->` or `>`.
            let isComment = cursor + 2 < bytes.count && bytes[cursor + 1] == UInt8(ascii: "-") && bytes[cursor + 2] == UInt8(ascii: "-")
            var end = cursor + 1
            while end < bytes.count {
                if isComment {
                    if bytes[end] == UInt8(ascii: ">"), end - start >= 6, bytes[end - 1] == UInt8(ascii: "-"), bytes[end - 2] == UInt8(ascii: "-") { break }
                } else if bytes[end] == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            return ("", false, true, min(bytes.count, end + 1))
        }
        let isEnd = bytes[cursor] == UInt8(ascii: "/")
        if isEnd { cursor += 1 }
        let nameStart = cursor
        while cursor < bytes.count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart, Self.isLetter(bytes[nameStart]) else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]), as: UTF8.self).lowercased()
        var quote: UInt8?
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            cursor += 1
        }
        let selfClosing = cursor > start && cursor < bytes.count && bytes[cursor - 1] == UInt8(ascii: "/")
        return (name, isEnd, selfClosing, min(bytes.count, cursor + 1))
    }

    /// Moves past the content of a raw text element, to its end tag.
    private mutating func skipRawText(_ name: String) {
        let closing = Array("</\(name)".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + closing.count <= bytes.count,
               zip(bytes[index..<(index + closing.count)], closing).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) {
                return
            }
            index += 1
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }
}
