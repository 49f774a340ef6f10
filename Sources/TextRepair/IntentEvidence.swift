import Foundation

/// Evidence that the mojibake in a paragraph is there on purpose: quoted, shown or discussed, as
/// in a FAQ about broken quotes, an encoding tutorial or a quoted mail whose subject arrived
/// damaged. Such a paragraph must come out byte for byte, with its words reported as possible
/// repairs that say why.
///
/// The rule. A word the repair would change (a changed run widened to its word, as reported) is
/// *discussed* when
/// 1. code elsewhere in the file shows it as a sample (see `CodeSamples`): the word itself, or,
///    where its damaged runs stand for marks rather than letters (quotes, dashes around a word),
///    each of those runs: "quoted in code elsewhere in this file";
/// 2. the same words appear correctly encoded in the file: the damaged word is presented as
///    quoted material (in a block quote, quotation marks or code), the repaired word with up to
///    two tokens on either side or within any three tokens of its line, or the repaired quotation
///    it stands in (two tokens at least), occurs intact elsewhere (see `TokenText`), and its
///    paragraph or the one right before or after it has words about encodings (see
///    `EncodingTalk`). A text shows the same words damaged and correct in order to talk about
///    the damage: it quotes the damaged form and names the problem next to it. A phrase merely repeated (a heading or a sentence of boilerplate in every section,
///    a front-matter description repeating the first sentence) is as likely a copy damaged on its
///    way: "the same words appear correctly encoded in this file";
/// 3. it stands inside quotation marks (ASCII double or single quotes on its line, not the quotes
///    of a YAML value; a code span), and its paragraph or the one right before or after it has
///    words about encodings: "quoted next to words about encodings"; the same for a sample on
///    show, alone in a table cell or a damaged letter or quotation mark standing as a word of its
///    own, which text never has ("you see Ã¤ instead of ä"): "shown as a sample next to words
///    about encodings".
///
/// 4. it is a lone sample inside code or quotation marks: a single damaged letter or quotation
///    mark as the whole of a code span or quotation (`â€œ`, "Ã¤"), or quotation marks around a
///    word: "a lone sample inside code or quotation marks".
///
/// Against this weighs the evidence of real damage. A paragraph is left alone only when every
/// changed word in it is discussed (in a paragraph with mojibake outside code and quotes, a word
/// inside code or quotes counts as shown on purpose); one damaged word without evidence makes
/// the whole paragraph damage, quotes and all. And when the file is damaged consistently, that is
/// when some paragraph is damaged without evidence and no paragraph holds correct non-ASCII text,
/// the quotes and the talk about encodings are damaged text like the rest, and every paragraph is
/// repaired, except one whose every changed word is a lone letter or quotation mark shown in code
/// or quotes (by 1 or 4): damaged text does not put a single broken quote in a code span. Mojibake
/// only inside code or quotes without such evidence keeps the older rule: it is repaired only when
/// some paragraph of the file is damaged without evidence.
///
/// `RepairEngine` asks only about paragraphs it is about to repair, so correct text never pays for
/// the rule; the file-level facts (code samples, tokens, talk) are computed once, when first
/// needed, and a paragraph's judgement stops at its first word without evidence.
final class IntentEvidence {
    static let inCode = "quoted in code elsewhere in this file"
    static let correctElsewhere = "the same words appear correctly encoded in this file"
    static let besideTalk = "quoted next to words about encodings"
    static let sampleBesideTalk = "shown as a sample next to words about encodings"
    static let quoted = "shown inside code or quotation marks"
    static let loneSample = "a lone sample inside code or quotation marks"
    static let quotedOnly = "shown only inside code or quotation marks"

    private let bytes: [UInt8]
    private let layout: TextLayout
    private let correctUnits: [Bool]
    private lazy var samples = CodeSamples(bytes: bytes, layout: layout, correctUnits: correctUnits)
    /// Only a file with correct non-ASCII text can hold the correct form of a word.
    private lazy var correctText = correctUnits.contains(true)
    private lazy var tokens = TokenText(bytes)
    private var runBuffer: [LineRun] = []

    /// `correctUnits`: for each unit of `layout`, whether it holds correct non-ASCII text.
    init(bytes: [UInt8], layout: TextLayout, correctUnits: [Bool]) {
        self.bytes = bytes
        self.layout = layout
        self.correctUnits = correctUnits
    }

    /// What a unit's changed words show.
    struct Judgement {
        /// For each line of the unit and each of its changed words (in the order of
        /// `RepairDescriber.spans`), why the word is shown on purpose.
        var reasons: [[String]]
        /// Every changed word is a lone letter or quotation mark shown in code or quotes: samples
        /// that no damaged text has, whatever the rest of the file.
        var strong: Bool
    }

    /// Why each changed word of `unit` is shown on purpose; nil as soon as one word shows no
    /// evidence (the unit is damage then, and the other words need not be judged).
    /// `quotedCounts`: a word inside code or quotes counts as shown on purpose by itself (in a
    /// paragraph that also has mojibake outside them). `strongOnly`: only strong evidence matters
    /// (the file is consistently damaged), so the first word that is no lone sample settles it.
    func judge(
        unit: Range<Int>, text: RepairEngine.UnitText, guesses: [Int: [Int: RunGuess]], quotedCounts: Bool,
        strongOnly: Bool
    ) -> Judgement? {
        var talkAround: Bool? = nil
        /// The paragraph, or the one before or after it, has words about encodings.
        func talks() -> Bool {
            if talkAround == nil { talkAround = EncodingTalk.mentions(bytes, neighbourhood(of: unit)) }
            return talkAround!
        }
        var result: [[String]] = []
        var strong = true
        for (offset, lineIndex) in unit.enumerated() {
            let line = layout.lines[lineIndex]
            let finalLine = text.lines[offset]
            guard !IntentEvidence.same(bytes, line, text.bytes, finalLine) else {
                result.append([])
                continue
            }
            // The maximal non-ASCII runs of the line, as `RepairDescriber.runs` finds them.
            UnitScanner.runs(in: bytes, line: line, inCodeBlock: layout.inCodeBlock[lineIndex], into: &runBuffer)
            let beforeRuns = runBuffer.map(\.range)
            let afterRuns = RepairDescriber.runs(text.bytes, finalLine)
            guard let spans = RepairDescriber.spans(
                original: bytes, line: line, before: beforeRuns, final: text.bytes, after: afterRuns,
                guesses: guesses[offset] ?? [:])
            else {
                result.append([])
                continue
            }
            // A word whose damaged runs all stand for marks (quotes, dashes: „Hallo“), each shown
            // in code: the marks are the sample, not the word.
            func marksShown(_ span: RepairDescriber.Span) -> Bool {
                (span.firstRun...span.lastRun).allSatisfy { run in
                    !IntentEvidence.holdsLetter(text.bytes, afterRuns[run])
                        && samples.containsElsewhere(beforeRuns[run])
                }
            }
            // Where an ASCII position of the line (the skeleton both share) lies in the repair.
            func finalIndex(_ index: Int) -> Int {
                var result = index - line.lowerBound + finalLine.lowerBound
                for (before, after) in zip(beforeRuns, afterRuns) where before.upperBound <= index {
                    result += after.count - before.count
                }
                return result
            }
            func single(_ run: Int) -> UInt32? { IntentEvidence.singleScalar(text.bytes, afterRuns[run]) }
            // A letter or a quotation mark standing as a word of its own, as text never has them
            // ('you see Ã¤ instead of ä', 'â€™ everywhere'): a sample on show.
            func standsAlone(_ span: RepairDescriber.Span) -> Bool {
                guard span.firstRun == span.lastRun, span.original == beforeRuns[span.firstRun],
                      let scalar = single(span.firstRun) else { return false }
                return ScalarTraits.isLetterOrDigit(scalar) || IntentEvidence.isQuotationMark(scalar)
            }
            // Such a sample, or quotation marks around a word ('â€œHelloâ€\u{9D}').
            func isLoneSample(_ span: RepairDescriber.Span) -> Bool {
                standsAlone(span) || (span.firstRun...span.lastRun).allSatisfy {
                    single($0).map(IntentEvidence.isQuotationMark) ?? false
                }
            }
            let inBlockQuote = IntentEvidence.isBlockQuote(bytes, line)
            var lineReasons: [String] = []
            for span in spans {
                if strongOnly && !isLoneSample(span) { return nil }
                let runs = runBuffer.filter { span.original.contains($0.range.lowerBound) }
                let allQuoted = !runs.isEmpty && runs.allSatisfy(\.quoted)
                let quotation = allQuoted ? nil : self.quotation(around: span.original, line: line)
                if samples.containsElsewhere(span.original) || marksShown(span) {
                    lineReasons.append(IntentEvidence.inCode)
                    strong = strong && isLoneSample(span)
                    continue
                }
                if allQuoted && isLoneSample(span) {
                    lineReasons.append(IntentEvidence.loneSample)
                    continue
                }
                strong = false
                if strongOnly { return nil }
                if (allQuoted || quotation != nil || inBlockQuote) && correctText && talks()
                    && (appearsCorrectly(span.final, in: text.bytes, line: finalLine)
                    || quotation.map({ appearsCorrectly(quoted: finalIndex($0.lowerBound)..<finalIndex($0.upperBound), in: text.bytes) }) == true) {
                    lineReasons.append(IntentEvidence.correctElsewhere)
                } else if allQuoted || quotation != nil || inTableCell(span.original, line: line)
                    || standsAlone(span) {
                    if talks() {
                        lineReasons.append(
                            allQuoted || quotation != nil ? IntentEvidence.besideTalk : IntentEvidence.sampleBesideTalk)
                    } else if quotedCounts && allQuoted {
                        lineReasons.append(IntentEvidence.quoted)
                    } else {
                        return nil
                    }
                } else {
                    return nil
                }
            }
            result.append(lineReasons)
        }
        return Judgement(reasons: result, strong: strong)
    }

    /// Whether every changed run of the unit could be a lone sample: one quotation mark, or one
    /// letter with no ASCII letter or digit attached. One pass over the unit and its repair, in
    /// step (they share their ASCII skeleton), that usually ends at the first changed run: what
    /// a consistently damaged file asks of each further unit before judging it.
    func mayBeStrong(unit: Range<Int>, text: RepairEngine.UnitText) -> Bool {
        let final = text.bytes
        for (offset, lineIndex) in unit.enumerated() {
            let line = layout.lines[lineIndex]
            let finalLine = text.lines[offset]
            var index = line.lowerBound
            var finalIndex = finalLine.lowerBound
            while index < line.upperBound && finalIndex < finalLine.upperBound {
                if bytes[index] < 0x80 {
                    // ASCII is the same on both sides: skip it eight bytes at a time.
                    let skipped = IntentEvidence.asciiPrefix(bytes, index, line.upperBound)
                    index += skipped
                    finalIndex += skipped
                    continue
                }
                let start = index
                while index < line.upperBound && bytes[index] >= 0x80 { index += 1 }
                let finalStart = finalIndex
                while finalIndex < finalLine.upperBound && final[finalIndex] >= 0x80 { finalIndex += 1 }
                if bytes[start..<index].elementsEqual(final[finalStart..<finalIndex]) { continue }
                guard let scalar = IntentEvidence.singleScalar(final, finalStart..<finalIndex) else { return false }
                if IntentEvidence.isQuotationMark(scalar) { continue }
                let attached = (start > line.lowerBound && RepairEngine.isASCIIWordByte(bytes[start - 1]))
                    || (index < line.upperBound && RepairEngine.isASCIIWordByte(bytes[index]))
                if attached || !ScalarTraits.isLetterOrDigit(scalar) { return false }
            }
        }
        return true
    }

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
    private func appearsCorrectly(_ span: Range<Int>, in final: [UInt8], line: Range<Int>) -> Bool {
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
    private func appearsCorrectly(quoted content: Range<Int>, in final: [UInt8]) -> Bool {
        let quoted = TokenText.tokens(final, content)
        return quoted.count >= 2 && tokens.contains(quoted.map { final[$0] })
    }

    /// The content of the quotation `range` of a line stands in: between double quotes (an odd
    /// number before it, one after it) or between single quotes that open and close a quotation
    /// (not apostrophes). The quotes around the whole value of a `key: "value"` line are YAML
    /// syntax, not a quotation.
    private func quotation(around range: Range<Int>, line fullLine: Range<Int>) -> Range<Int>? {
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
    private func inTableCell(_ range: Range<Int>, line: Range<Int>) -> Bool {
        var left = range.lowerBound - 1
        while left >= line.lowerBound && bytes[left] == 0x20 { left -= 1 }
        var right = range.upperBound
        while right < line.upperBound && bytes[right] == 0x20 { right += 1 }
        return left >= line.lowerBound && bytes[left] == 0x7C && right < line.upperBound && bytes[right] == 0x7C
    }

    /// The bytes of a unit and of the paragraphs right before and after it (a heading, the
    /// sentence that introduces a quote).
    private func neighbourhood(of unit: Range<Int>) -> Range<Int> {
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
