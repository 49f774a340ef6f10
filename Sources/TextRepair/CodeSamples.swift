import Foundation

/// The damaged-looking words a file shows inside code, where code shows them as samples: a code
/// span that holds nothing but one such word (`Ã¤`, `"â€œ"`), a string literal in a code block
/// that holds nothing but one (`grep -r 'â€™' content/`), or any code (span or block) in a
/// paragraph that also holds correct non-ASCII text (`REPLACE(name, 'Ã¼', 'ü')`). Other code in a
/// paragraph that is mojibake through and through is not a sample: a damaged post damages its code
/// blocks too (comments, names).
///
/// A word here is a maximal stretch of non-ASCII characters and ASCII letters and digits that
/// holds a non-ASCII character, the same widening `RepairDescriber` applies to a changed run.
///
/// Nothing is indexed up front: a question looks for the word's bytes in the file (damaged
/// sequences are rare in any text, so there are few places to look at) and judges each place.
struct CodeSamples {
    let bytes: [UInt8]
    let layout: TextLayout
    /// For each unit of `layout`, whether it holds correct non-ASCII text.
    let correctUnits: [Bool]

    /// Whether the word `bytes[range]` is shown as a sample somewhere other than at `range`.
    func containsElsewhere(_ range: Range<Int>) -> Bool {
        // Look for the second byte of its first non-ASCII character (a continuation byte, which
        // ASCII text never and correct text seldom has), then compare the whole word.
        guard let lead = range.firstIndex(where: { bytes[$0] >= 0x80 }), lead + 1 < range.upperBound else { return false }
        let anchor = lead + 1 - range.lowerBound
        let count = range.count
        return bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let needle = base + range.lowerBound
            var from = anchor
            while from < buffer.count {
                guard let found = memchr(base + from, Int32(needle[anchor]), buffer.count - from) else { return false }
                let hit = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                from = hit + 1
                let start = hit - anchor
                guard start + count <= buffer.count, start != range.lowerBound,
                      memcmp(base + start, needle, count) == 0 else { continue }
                if start > 0 && CodeSamples.isWordByte(buffer[start - 1]) { continue }
                if start + count < buffer.count && CodeSamples.isWordByte(buffer[start + count]) { continue }
                if isSample(start..<(start + count)) { return true }
            }
            return false
        }
    }

    /// Whether code shows the whole word `word` as a sample.
    private func isSample(_ word: Range<Int>) -> Bool {
        let lines = layout.lines
        // The line holding the word, and its unit (every line with non-ASCII is in one).
        var lower = 0
        var upper = lines.count
        while lower + 1 < upper {
            let middle = (lower + upper) / 2
            if lines[middle].lowerBound <= word.lowerBound { lower = middle } else { upper = middle }
        }
        let lineIndex = lower
        let line = lines[lineIndex]
        guard word.upperBound <= line.upperBound,
              let unitIndex = layout.units.firstIndex(where: { $0.contains(lineIndex) }) else { return false }
        let correct = correctUnits[unitIndex]
        if layout.inCodeBlock[lineIndex] { return correct || CodeSamples.isStringLiteral(bytes, word, line) }
        for span in CodeSamples.codeSpans(bytes, line) where span.lowerBound <= word.lowerBound && word.upperBound <= span.upperBound {
            return correct || CodeSamples.soleWord(bytes, span) == word
        }
        return false
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || RepairEngine.isASCIIWordByte(byte)
    }

    /// The words of `bytes[range]` that hold a non-ASCII character.
    static func words(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            let start = index
            var nonASCII = false
            while index < range.upperBound && isWordByte(bytes[index]) {
                if bytes[index] >= 0x80 { nonASCII = true }
                index += 1
            }
            if nonASCII { result.append(start..<index) }
        }
        return result
    }

    /// Whether `word` is all of a string literal: the same ASCII quote right before and after it.
    static func isStringLiteral(_ bytes: [UInt8], _ word: Range<Int>, _ line: Range<Int>) -> Bool {
        guard word.lowerBound > line.lowerBound, word.upperBound < line.upperBound else { return false }
        let quote = bytes[word.lowerBound - 1]
        return (quote == 0x22 || quote == 0x27) && bytes[word.upperBound] == quote
    }

    /// The one word a code span's content consists of, around spaces and ASCII quotes.
    static func soleWord(_ bytes: [UInt8], _ span: Range<Int>) -> Range<Int>? {
        var lower = span.lowerBound
        var upper = span.upperBound
        func isPadding(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x22 || byte == 0x27 }
        while lower < upper && isPadding(bytes[lower]) { lower += 1 }
        while upper > lower && isPadding(bytes[upper - 1]) { upper -= 1 }
        let found = words(bytes, lower..<upper)
        guard found.count == 1, found[0] == lower..<upper else { return nil }
        return found[0]
    }

    /// The first backtick in `bytes[from..<to]`, or `to`; eight bytes at a time.
    static func nextBacktick(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var index = from
            while index + 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x6060_6060_6060_6060
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            while index < to && raw[index] != 0x60 { index += 1 }
            return index
        }
    }

    /// The contents of the code spans of a line: between a run of backticks and the next run of
    /// the same length.
    static func codeSpans(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = nextBacktick(bytes, from: line.lowerBound, to: line.upperBound)
        while index < line.upperBound {
            guard bytes[index] == 0x60 else {
                index = nextBacktick(bytes, from: index, to: line.upperBound)
                continue
            }
            let open = index
            while index < line.upperBound && bytes[index] == 0x60 { index += 1 }
            let length = index - open
            let contentStart = index
            var search = index
            var closed = false
            while search < line.upperBound {
                guard bytes[search] == 0x60 else { search += 1; continue }
                let close = search
                while search < line.upperBound && bytes[search] == 0x60 { search += 1 }
                if search - close == length {
                    result.append(contentStart..<close)
                    index = search
                    closed = true
                    break
                }
            }
            if !closed { break }
        }
        return result
    }
}
