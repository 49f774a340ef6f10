/// The damaged-looking words a file shows inside code, where code shows them as samples: a code
/// span that holds nothing but one such word (`Ã¤`, `"â€œ"`), a string literal in a code block
/// that holds nothing but one (`grep -r 'â€™' content/`), or any code (span or block) in a
/// paragraph that also holds correct non-ASCII text (`REPLACE(name, 'Ã¼', 'ü')`). Other code in a
/// paragraph that is mojibake through and through is not a sample: a damaged post damages its code
/// blocks too (comments, names).
///
/// A word here is a maximal stretch of non-ASCII characters and ASCII letters and digits that
/// holds a non-ASCII character, the same widening `RepairDescriber` applies to a changed run.
struct CodeSamples {
    /// Each sample with the byte offsets where it starts.
    private var starts: [[UInt8]: [Int]] = [:]

    /// `correctUnits`: for each unit of `layout`, whether it holds correct non-ASCII text.
    init(bytes: [UInt8], layout: TextLayout, correctUnits: [Bool]) {
        for (unitIndex, unit) in layout.units.enumerated() {
            let correct = correctUnits[unitIndex]
            for lineIndex in unit {
                let line = layout.lines[lineIndex]
                if layout.inCodeBlock[lineIndex] {
                    if correct {
                        addWords(bytes, line)
                    } else {
                        for word in CodeSamples.words(bytes, line) where CodeSamples.isStringLiteral(bytes, word, line) {
                            starts[Array(bytes[word]), default: []].append(word.lowerBound)
                        }
                    }
                    continue
                }
                for span in CodeSamples.codeSpans(bytes, line) {
                    if correct {
                        addWords(bytes, span)
                    } else if let word = CodeSamples.soleWord(bytes, span) {
                        starts[Array(bytes[word]), default: []].append(word.lowerBound)
                    }
                }
            }
        }
    }

    /// Whether `bytes[range]` is shown as a sample somewhere other than at `range` itself.
    func containsElsewhere(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard let offsets = starts[Array(bytes[range])] else { return false }
        return offsets.contains { $0 != range.lowerBound }
    }

    private mutating func addWords(_ bytes: [UInt8], _ range: Range<Int>) {
        for word in CodeSamples.words(bytes, range) {
            starts[Array(bytes[word]), default: []].append(word.lowerBound)
        }
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

    /// The contents of the code spans of a line: between a run of backticks and the next run of
    /// the same length.
    static func codeSpans(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = line.lowerBound
        while index < line.upperBound {
            guard bytes[index] == 0x60 else { index += 1; continue }
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
