import CCmarkGFM
import Foundation

/// Adds Hugo's heading ids to a parsed document. cmark has no heading-id option, so each
/// heading gets a marker as its first child (a custom inline node, printed verbatim), and
/// `HTMLAssembler` rewrites the rendered `<hN>marker` to `<hN id="…">`.
///
/// The id comes from the heading's source line, as goldmark takes it (so Markdown syntax in a
/// heading is dropped as punctuation, not rendered). A trailing attribute block
/// `{#id .class}` (Hugo's `parser.attribute.title`) sets the id and classes and is removed.
struct HeadingAnnotator {
    struct Mark {
        var level: Int
        var id: String
        var classes: [String]
        var attributes: [(String, String)]
    }

    static let markerStart = "\u{E000}"
    static let markerEnd = "\u{E001}"

    /// Computes ids and inserts the markers. `markdown` is the text the document was parsed from.
    /// `headings`: the document's heading nodes (`CmarkDocument.Inventory.headings`).
    static func annotate(
        _ headings: [OpaquePointer], markdown: String, ids: inout HeadingIDGenerator
    ) -> [Mark] {
        guard !headings.isEmpty else { return [] }
        let lines = SourceLines(markdown)
        var marks: [Mark] = []
        for (number, node) in headings.enumerated() {
            let level = CmarkDocument.headingLevel(of: node)
            var raw = sourceText(of: node, lines: lines)
            var mark = Mark(level: level, id: "", classes: [], attributes: [])
            var explicitID: String?
            if let block = AttributeBlock(trailing: raw), removeTrailing(block.text, from: node) {
                raw = block.before
                explicitID = block.id
                mark.classes = block.classes
                mark.attributes = block.others
            }
            if let explicitID {
                ids.reserve(explicitID)
                mark.id = explicitID
            } else {
                mark.id = ids.generate(ShortcodeToken.strip(raw))
            }
            CmarkDocument.prepend(
                CmarkDocument.makeCustomInline("\(markerStart)\(number)\(markerEnd)"), to: node)
            marks.append(mark)
        }
        return marks
    }

    static func openingTag(_ mark: Mark) -> String {
        var tag = "<h"
        tag += String(mark.level)
        tag += " id=\""
        tag += HTMLEscaping.escape(mark.id)
        tag += "\""
        if !mark.classes.isEmpty {
            tag += " class=\"\(HTMLEscaping.escape(mark.classes.joined(separator: " ")))\""
        }
        for (name, value) in mark.attributes {
            tag += " \(name)=\"\(HTMLEscaping.escape(value))\""
        }
        return tag + ">"
    }

    // MARK: - Source text

    /// The heading's text as written: an ATX heading's line without the `#` marks and closing
    /// sequence, or the last text line of a setext heading; trimmed.
    static func sourceText(of node: OpaquePointer, lines: SourceLines) -> String {
        let startLine = CmarkDocument.startLine(of: node)
        let column = max(1, CmarkDocument.startColumn(of: node))
        guard startLine >= 1, startLine <= lines.count else { return "" }
        let first = lines[startLine - 1].dropFirst(column - 1)
        if first.first == UInt8(ascii: "#") {
            return atxText(Array(first))
        }
        // A setext heading: goldmark takes the last text line, the one above the underline.
        let endLine = min(CmarkDocument.endLine(of: node) + 1, lines.count)
        var lastTextLine = startLine
        if endLine > startLine {
            for number in (startLine + 1)...endLine {
                let candidate = stripContainerPrefix(lines[number - 1], column: column)
                let trimmed = String(decoding: candidate, as: UTF8.self).trimmingGoWhitespace()
                if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) || trimmed.allSatisfy({ $0 == "-" }) {
                    lastTextLine = number - 1
                    break
                }
            }
        }
        let line = lastTextLine == startLine
            ? lines[startLine - 1].dropFirst(column - 1)
            : stripContainerPrefix(lines[lastTextLine - 1], column: column)
        return String(decoding: line, as: UTF8.self).trimmingGoWhitespace()
    }

    /// A continuation line without the block quote markers and indentation of its container.
    private static func stripContainerPrefix(
        _ line: Substring.UTF8View, column: Int
    ) -> Substring.UTF8View {
        let prefix = line.prefix(column - 1)
        let isContainerPrefix = prefix.allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\t")
        }
        return isContainerPrefix ? line.dropFirst(prefix.count) : line
    }

    private static func atxText(_ line: [UInt8]) -> String {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
        var start = 0
        while start < line.count, line[start] == hash { start += 1 }
        while start < line.count, line[start] == space || line[start] == tab { start += 1 }
        var text = Array(line[start...])
        while let last = text.last, last == space || last == tab || last == UInt8(ascii: "\r") { text.removeLast() }
        if AttributeBlock(trailing: String(decoding: text, as: UTF8.self)) != nil {
            // Attributes end the line; a closing sequence after them would have stopped them.
            return String(decoding: text, as: UTF8.self)
        }
        // The optional closing sequence: `#`s preceded by a space (or making up the whole text).
        if text.last == hash {
            var index = text.count - 1
            while index > 0, text[index] == hash { index -= 1 }
            if index == 0, text[0] == hash { return "" }
            if text[index] == space || text[index] == tab {
                text = Array(text[..<index])
                while let last = text.last, last == space || last == tab { text.removeLast() }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Removes an attribute block from the end of the heading's last text node.
    private static func removeTrailing(_ attributeText: String, from heading: OpaquePointer) -> Bool {
        guard let last = CmarkDocument.lastChild(of: heading),
              CmarkDocument.type(of: last) == CMARK_NODE_TEXT,
              let literal = CmarkDocument.literal(of: last)
        else { return false }
        var trimmed = Substring(literal)
        while let character = trimmed.last, character == " " || character == "\t" { trimmed.removeLast() }
        guard trimmed.hasSuffix(attributeText) else { return false }
        var remaining = trimmed.dropLast(attributeText.count)
        while let character = remaining.last, character == " " || character == "\t" { remaining.removeLast() }
        CmarkDocument.setLiteral(last, String(remaining))
        return true
    }
}

/// A trailing `{#id .class key=value}` block on a heading line (goldmark's attribute syntax).
struct AttributeBlock {
    /// The text before the block, trimmed at the end.
    var before: String
    /// The block as written, braces included.
    var text: String
    var id: String?
    var classes: [String] = []
    var others: [(String, String)] = []

    init?(trailing line: String) {
        let trimmed = line.trimmingGoWhitespace()
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        let body = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var scanner = Substring(body)
        var sawAny = false
        while true {
            while let c = scanner.first, c == " " || c == "\t" { scanner.removeFirst() }
            guard let first = scanner.first else { break }
            sawAny = true
            if first == "#" || first == "." {
                scanner.removeFirst()
                let value = scanner.prefix { $0 != " " && $0 != "\t" && $0 != "}" && $0 != "{" }
                guard !value.isEmpty else { return nil }
                scanner.removeFirst(value.count)
                if first == "#" { id = String(value) } else { classes.append(String(value)) }
            } else {
                let name = scanner.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ":" || $0 == "." }
                guard !name.isEmpty, let first = name.first, !first.isNumber else { return nil }
                scanner.removeFirst(name.count)
                guard scanner.first == "=" else { return nil }
                scanner.removeFirst()
                var value: Substring
                if let quote = scanner.first, quote == "\"" || quote == "'" {
                    scanner.removeFirst()
                    guard let close = scanner.firstIndex(of: quote) else { return nil }
                    value = scanner[..<close]
                    scanner = scanner[scanner.index(after: close)...]
                } else {
                    value = scanner.prefix { $0 != " " && $0 != "\t" }
                    guard !value.isEmpty else { return nil }
                    scanner.removeFirst(value.count)
                }
                if name == "id" { id = String(value) }
                else if name == "class" { classes.append(contentsOf: value.split(separator: " ").map(String.init)) }
                else { others.append((String(name), String(value))) }
            }
        }
        guard sawAny else { return nil }
        before = String(trimmed[..<open]).trimmingGoWhitespace()
        text = String(trimmed[open...])
    }
}

/// The lines of a text, found with one memchr pass; a line is sliced only when asked for
/// (splitting a whole page into lines for its few headings cost a tenth of rendering it).
struct SourceLines {
    private let utf8: String.UTF8View
    /// The index of each line's first byte.
    private let starts: [String.Index]

    init(_ text: String) {
        utf8 = text.utf8
        var copy = text
        let offsets = copy.withUTF8 { buffer -> [Int] in
            var offsets = [0]
            guard let base = buffer.baseAddress else { return offsets }
            var position = 0
            while position < buffer.count,
                  let hit = memchr(base + position, Int32(UInt8(ascii: "\n")), buffer.count - position) {
                position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                offsets.append(position)
            }
            return offsets
        }
        var indexes: [String.Index] = []
        indexes.reserveCapacity(offsets.count)
        var index = utf8.startIndex
        var previous = 0
        for offset in offsets {
            index = utf8.index(index, offsetBy: offset - previous)
            previous = offset
            indexes.append(index)
        }
        starts = indexes
    }

    /// How many lines: one more than line breaks.
    var count: Int { starts.count }

    /// Line `number` (0-based), without its line break.
    subscript(number: Int) -> Substring.UTF8View {
        let end = number + 1 < starts.count ? utf8.index(before: starts[number + 1]) : utf8.endIndex
        return utf8[starts[number]..<end]
    }
}
