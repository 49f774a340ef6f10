/// Turns a repaired line into `Repair` records, one per changed word.
///
/// Repair only ever replaces runs of non-ASCII characters, so a line and its repair share the
/// same ASCII skeleton: the k-th run of one corresponds to the k-th run of the other. Changed runs
/// in the same word (joined by ASCII letters and digits) are reported together, widened to the
/// whole word ('fÃ¼r' -> 'für'). A run whose dropped bytes had to be guessed carries its ranked
/// alternatives, and is never merged with another guessed run.
enum RepairDescriber {
    /// One changed word: its bytes in the damaged line and in the repaired line.
    struct Span {
        var original: Range<Int>
        var final: Range<Int>
        /// Index of the run whose dropped bytes were guessed (its alternatives are the candidates).
        var guessed: Int?
        var firstRun: Int
        var lastRun: Int
    }

    static func describe(
        original: [UInt8], line: Range<Int>, lineNumber: Int, final: [UInt8], finalLine: Range<Int>,
        encoding: String, confidence: Double, guesses: [Int: RunGuess]
    ) -> [Repair] {
        guard let spans = spans(original: original, line: line, final: final, finalLine: finalLine, guesses: guesses)
        else {
            // Cannot happen (the skeletons match); describe the whole line rather than fail.
            return [Repair(
                line: lineNumber, column: 1, before: String(decoding: original[line], as: UTF8.self),
                after: String(decoding: final[finalLine], as: UTF8.self), encoding: encoding, confidence: confidence,
                candidates: [String(decoding: final[finalLine], as: UTF8.self)])]
        }
        var result: [Repair] = []
        for span in spans {
            let repaired = String(decoding: final[span.final], as: UTF8.self)
            var candidates = [repaired]
            var groupConfidence = confidence
            if let guessed = span.guessed, let guess = guesses[guessed] {
                let after = runs(final, finalLine)
                candidates = guess.alternatives.map { scalars in
                    var bytes = Array(final[span.final.lowerBound..<after[guessed].lowerBound])
                    for scalar in scalars { UTF8Sequence.append(scalar, to: &bytes) }
                    bytes += final[after[guessed].upperBound..<span.final.upperBound]
                    return String(decoding: bytes, as: UTF8.self)
                }
                groupConfidence = guess.confidence
            } else {
                for index in span.firstRun...span.lastRun {
                    if let guess = guesses[index] { groupConfidence = min(groupConfidence, guess.confidence) }
                }
            }
            let column = Columns.characterCount(original, line.lowerBound..<span.original.lowerBound) + 1
            result.append(Repair(
                line: lineNumber, column: column,
                before: String(decoding: original[span.original], as: UTF8.self), after: repaired,
                encoding: encoding, confidence: groupConfidence, candidates: candidates))
        }
        return result
    }

    /// The changed words of a line, in order: what `describe` reports, as byte ranges. Nil when
    /// the line and its repair do not share their ASCII skeleton (cannot happen).
    static func spans(
        original: [UInt8], line: Range<Int>, final: [UInt8], finalLine: Range<Int>, guesses: [Int: RunGuess]
    ) -> [Span]? {
        spans(
            original: original, line: line, before: runs(original, line), final: final, after: runs(final, finalLine),
            guesses: guesses)
    }

    /// The same, given the runs of both lines.
    static func spans(
        original: [UInt8], line: Range<Int>, before: [Range<Int>], final: [UInt8], after: [Range<Int>],
        guesses: [Int: RunGuess]
    ) -> [Span]? {
        guard before.count == after.count else { return nil }

        func isWordByte(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
        }
        func extendedStart(_ index: Int) -> Int {
            var start = before[index].lowerBound
            while start > line.lowerBound && isWordByte(original[start - 1]) { start -= 1 }
            return start
        }
        func extendedEnd(_ index: Int) -> Int {
            var end = before[index].upperBound
            while end < line.upperBound && isWordByte(original[end]) { end += 1 }
            return end
        }

        struct Group { var first: Int; var last: Int; var guessed: Int? }
        var groups: [Group] = []
        for index in before.indices where !original[before[index]].elementsEqual(final[after[index]]) {
            let isGuess = guesses[index].map { $0.alternatives.count > 1 } ?? false
            if var group = groups.last, extendedEnd(group.last) >= extendedStart(index),
               !(isGuess && group.guessed != nil) {
                group.last = index
                if isGuess { group.guessed = index }
                groups[groups.count - 1] = group
            } else {
                groups.append(Group(first: index, last: index, guessed: isGuess ? index : nil))
            }
        }

        return groups.map { group in
            let start = extendedStart(group.first)
            let end = extendedEnd(group.last)
            let finalStart = after[group.first].lowerBound - (before[group.first].lowerBound - start)
            let finalEnd = after[group.last].upperBound + (end - before[group.last].upperBound)
            return Span(
                original: start..<end, final: finalStart..<finalEnd, guessed: group.guessed, firstRun: group.first,
                lastRun: group.last)
        }
    }

    /// Ranges of the maximal runs of non-ASCII bytes.
    static func runs(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] < 0x80 { index += 1; continue }
            let start = index
            while index < range.upperBound && bytes[index] >= 0x80 { index += 1 }
            result.append(start..<index)
        }
        return result
    }
}
