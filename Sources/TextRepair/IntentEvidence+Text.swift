import Foundation

/// The text-level facts `IntentEvidence` looks at: quotation marks, block quotes, table cells,
/// YAML values, the paragraphs around a unit, whether a repaired phrase occurs in the file, and
/// byte helpers (single scalars, ASCII stretches, equal ranges).
extension IntentEvidence {
    /// How many bytes from `start` (before `end`) are ASCII; at least one if `bytes[start]` is.
    static func asciiPrefix(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var index = start
            while index + 8 <= end && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            while index < end && raw[index] < 0x80 { index += 1 }
            return index - start
        }
    }

    /// Whether `a[aRange]` and `b[bRange]` hold the same bytes.
    static func same(_ a: [UInt8], _ aRange: Range<Int>, _ b: [UInt8], _ bRange: Range<Int>) -> Bool {
        guard aRange.count == bRange.count else { return false }
        guard !aRange.isEmpty else { return true }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                memcmp(a.baseAddress! + aRange.lowerBound, b.baseAddress! + bRange.lowerBound, aRange.count) == 0
            }
        }
    }

    /// The scalar `bytes[range]` (valid UTF-8, non-ASCII) encodes when it is exactly one.
    static func singleScalar(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32? {
        guard !range.isEmpty else { return nil }
        let lead = bytes[range.lowerBound]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard range.count == length else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in (range.lowerBound + 1)..<range.upperBound { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        return value
    }

    /// Whether a line is part of a block quote (`> `).
    static func isBlockQuote(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        var index = line.lowerBound
        while index < line.upperBound && bytes[index] == 0x20 { index += 1 }
        return index < line.upperBound && bytes[index] == 0x3E
    }

    /// ‘ ’ ‚ “ ” „ « » ‹ ›: marks that stand beside a word, never alone.
    static func isQuotationMark(_ scalar: UInt32) -> Bool {
        (scalar >= 0x2018 && scalar <= 0x201F) || scalar == 0xAB || scalar == 0xBB || scalar == 0x2039 || scalar == 0x203A
    }

    /// Whether `bytes[range]` (valid UTF-8) holds a letter or digit.
    static func holdsLetter(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        String(decoding: bytes[range], as: UTF8.self).unicodeScalars.contains {
            ScalarTraits.isLetterOrDigit($0.value)
        }
    }

    /// Whether the repaired word at `span` of `final[line]` occurs in the file as it stands
    /// together with the tokens around it: with up to two on either side, or in any run of three
    /// tokens of its line (a label before a quoted subject, "Betreff:", need not be repeated).
    func appearsCorrectly(_ span: Range<Int>, in final: [UInt8], line: Range<Int>) -> Bool {
        let lineTokens = TokenText.tokens(final, line)
        guard let first = lineTokens.firstIndex(where: { $0.overlaps(span) }),
              let last = lineTokens.lastIndex(where: { $0.overlaps(span) }) else { return false }
        let wide = max(0, first - 2)...min(lineTokens.count - 1, last + 2)
        guard wide.count >= 3 else { return false }
        if tokens.contains(wide.map { final[lineTokens[$0]] }) { return true }
        let size = max(3, last - first + 1)
        guard wide.count > size else { return false }
        for start in wide.lowerBound...(wide.upperBound - size + 1) where start <= first && start + size - 1 >= last {
            if tokens.contains((start..<(start + size)).map { final[lineTokens[$0]] }) { return true }
        }
        return false
    }

    /// Whether the repaired quotation `final[content]` (two tokens at least) occurs in the file
    /// as it stands.
    func appearsCorrectly(quoted content: Range<Int>, in final: [UInt8]) -> Bool {
        let quoted = TokenText.tokens(final, content)
        return quoted.count >= 2 && tokens.contains(quoted.map { final[$0] })
    }

    /// The content of the quotation `range` of a line stands in: between double quotes (an odd
    /// number before it, one after it) or between single quotes that open and close a quotation
    /// (not apostrophes). The quotes around the whole value of a `key: "value"` line are YAML
    /// syntax, not a quotation.
    func quotation(around range: Range<Int>, line fullLine: Range<Int>) -> Range<Int>? {
        let line = IntentEvidence.valueScope(bytes, fullLine)
        guard line.lowerBound <= range.lowerBound && range.upperBound <= line.upperBound else { return nil }
        let before = line.lowerBound..<range.lowerBound
        let after = range.upperBound..<line.upperBound
        if before.lazy.filter({ self.bytes[$0] == 0x22 }).count % 2 == 1,
           let open = before.last(where: { bytes[$0] == 0x22 }), let close = after.first(where: { bytes[$0] == 0x22 }) {
            return (open + 1)..<close
        }
        func isWord(_ index: Int) -> Bool {
            index >= line.lowerBound && index < line.upperBound && CodeSamples.isWordByte(bytes[index])
        }
        guard let open = before.last(where: { bytes[$0] == 0x27 && !isWord($0 - 1) }),
              let close = after.first(where: { bytes[$0] == 0x27 && !isWord($0 + 1) }) else { return nil }
        return (open + 1)..<close
    }

    /// The line without `key: "` and the closing quote when it is a YAML field with a quoted value.
    static func valueScope(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int> {
        var index = line.lowerBound
        while index < line.upperBound && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        let keyStart = index
        while index < line.upperBound && (RepairEngine.isASCIIWordByte(bytes[index]) || bytes[index] == 0x5F || bytes[index] == 0x2D) {
            index += 1
        }
        guard index > keyStart, index < line.upperBound, bytes[index] == 0x3A else { return line }
        index += 1
        while index < line.upperBound && bytes[index] == 0x20 { index += 1 }
        var end = line.upperBound
        while end > index && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D) { end -= 1 }
        guard end - index >= 2, bytes[index] == 0x22, bytes[end - 1] == 0x22 else { return line }
        return (index + 1)..<(end - 1)
    }

    /// Whether `range` fills a table cell: only spaces between it and a `|` on either side.
    func inTableCell(_ range: Range<Int>, line: Range<Int>) -> Bool {
        var left = range.lowerBound - 1
        while left >= line.lowerBound && bytes[left] == 0x20 { left -= 1 }
        var right = range.upperBound
        while right < line.upperBound && bytes[right] == 0x20 { right += 1 }
        return left >= line.lowerBound && bytes[left] == 0x7C && right < line.upperBound && bytes[right] == 0x7C
    }

    /// The bytes of a unit and of the paragraphs right before and after it (a heading, the
    /// sentence that introduces a quote).
    func neighbourhood(of unit: Range<Int>) -> Range<Int> {
        let lines = layout.lines
        func isBlank(_ index: Int) -> Bool {
            bytes[lines[index]].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        }
        var first = unit.lowerBound
        while first > 0 && isBlank(first - 1) { first -= 1 }
        while first > 0 && !isBlank(first - 1) { first -= 1 }
        var last = unit.upperBound - 1
        while last + 1 < lines.count && isBlank(last + 1) { last += 1 }
        while last + 1 < lines.count && !isBlank(last + 1) { last += 1 }
        return lines[first].lowerBound..<lines[last].upperBound
    }
}
