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
/// 2. it is a lone sample inside code or quotation marks: a single damaged letter or quotation
///    mark as the whole of a code span or quotation (`â€œ`, "Ã¤"), or damaged quotation marks
///    around a word: "a lone sample inside code or quotation marks";
/// 3. the same words appear correctly encoded in the file: the damaged word is presented as
///    quoted material (in a block quote, quotation marks or code); the repaired word with up to
///    two tokens on either side, or within any three tokens of its line, or the repaired
///    quotation it stands in (two tokens at least), occurs intact elsewhere (see `TokenText`);
///    and its paragraph or the one right before or after it has words about encodings (see
///    `EncodingTalk`). A text shows the same words damaged and correct to talk about the damage:
///    it quotes the damaged form and names the problem next to it. A phrase merely repeated (a
///    heading or a sentence of boilerplate in every section, a front-matter description
///    repeating the first sentence) is as likely a copy damaged on its way: "the same words
///    appear correctly encoded in this file";
/// 4. it stands inside quotation marks (ASCII double or single quotes on its line, not the quotes
///    of a YAML value; a code span), and its paragraph or the one right before or after it has
///    words about encodings: "quoted next to words about encodings"; the same for a sample on
///    show, alone in a table cell, or a damaged letter or quotation mark standing as a word of
///    its own, which text never has ("you see Ã¤ instead of ä"): "shown as a sample next to
///    words about encodings".
///
/// Against this weighs the evidence of real damage. A paragraph is left alone only when every
/// changed word in it is discussed (in a paragraph with mojibake outside code and quotes, a word
/// inside code or quotes counts as shown on purpose: "shown inside code or quotation marks");
/// one damaged word without evidence makes the whole paragraph damage, quotes and all. And when
/// the file is damaged consistently, that is when some paragraph is damaged without evidence and
/// no paragraph holds correct non-ASCII text, the quotes and the talk about encodings are damaged
/// text like the rest, and every paragraph is repaired, except one whose every changed word is a
/// lone letter or quotation mark shown in code or quotes (by 1 or 2): damaged text does not put a
/// single broken quote in a code span. Mojibake only inside code or quotes without such evidence
/// keeps the older rule: it is repaired only when some paragraph of the file is damaged without
/// evidence ("shown only inside code or quotation marks" otherwise).
///
/// `RepairEngine` asks only about paragraphs it is about to repair, so correct text never pays
/// for the rule. A paragraph's judgement stops at its first word without evidence; the checks
/// look at the word's line and paragraph, search the file only for the word's own bytes (code
/// samples) or, when it is quoted next to talk about encodings, for its correct form (the tokens
/// of the file, made once).
final class IntentEvidence {
    static let inCode = "quoted in code elsewhere in this file"
    static let correctElsewhere = "the same words appear correctly encoded in this file"
    static let besideTalk = "quoted next to words about encodings"
    static let sampleBesideTalk = "shown as a sample next to words about encodings"
    static let quoted = "shown inside code or quotation marks"
    static let loneSample = "a lone sample inside code or quotation marks"
    static let quotedOnly = "shown only inside code or quotation marks"

    let bytes: [UInt8]
    let layout: TextLayout
    private let correctUnits: [Bool]
    private lazy var samples = CodeSamples(bytes: bytes, layout: layout, correctUnits: correctUnits)
    /// Only a file with correct non-ASCII text can hold the correct form of a word.
    private lazy var correctText = correctUnits.contains(true)
    lazy var tokens = TokenText(bytes)
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
}
