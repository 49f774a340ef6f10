/// Repairs one text: decides, paragraph by paragraph, whether its non-ASCII characters are
/// mojibake, undoes it (up to three times over, for damage applied repeatedly) and describes
/// every change.
struct RepairEngine {
    enum Decision {
        /// No code page explains every non-ASCII character: correct text (it may quote mojibake).
        case genuine
        /// Mojibake outside code and quotes: repair, unless it is quoted or discussed on purpose
        /// (see `IntentEvidence`).
        case repair
        /// Explained, but every sequence is in code or quotes: repair only if the file is damaged
        /// elsewhere (without evidence of intent), else report as possible.
        case quotedOnly
        /// Explained only with dropped bytes: repair only if every guess is strongly supported.
        case dropOnly
    }

    struct UnitPlan {
        var codePage: Int? = nil
        /// Other code pages that explain the unit with dropped bytes: the guesses decide.
        var alternatives: [Int] = []
        var scan = UnitScan()
        var decision = Decision.genuine
    }

    /// The lines of a unit, joined by `\n` into one buffer.
    struct UnitText {
        var bytes: [UInt8] = []
        var lines: [Range<Int>] = []
    }

    struct UnitOutcome {
        var text: UnitText
        var labels: [String]
        var guesses: [Int: [Int: RunGuess]]
        var confidence: Double
        /// Sum of the scores of the guessed runs.
        var guessScore: Double = 0
    }

    static let maxLayers = 3

    let bytes: [UInt8]
    let layout: TextLayout
    let context: RankingContext
    let cache = CandidateCache.shared
    private var runBuffer: [LineRun] = []
    private var tokenBuffer: [RunToken] = []
    /// Some unit needs guesses, so the characters repaired intact elsewhere are worth noting.
    private var collectsIntact = false
    private var pendingBuffer: [RunToken] = []

    init(bytes: [UInt8], reference: [String], vocabulary: RepairVocabulary = RepairVocabulary()) {
        self.bytes = bytes
        self.layout = TextLayout(bytes: bytes)
        self.context = RankingContext(document: bytes, reference: reference, vocabulary: vocabulary)
    }

    /// The outcome: the repaired bytes (nil when nothing changed) and, with `describe`, the
    /// repairs and possible repairs.
    struct Output {
        var bytes: [UInt8]? = nil
        var repairs: [Repair] = []
        var possible: [Repair] = []
        /// Some unit needed guesses for dropped bytes (whether or not it was then repaired).
        var guessed = false
    }

    /// `deferGuesses`: when some unit needs guesses for dropped bytes, stop before repairing
    /// anything and answer only `guessed` (the caller asks again with a better context).
    mutating func run(describe: Bool, deferGuesses: Bool = false) -> Output {
        let units = layout.units
        if units.isEmpty { return Output() }
        let pages = CodePage.all
        let pageCount = pages.count

        // 1. Every unit under every code page.
        var scans = [UnitScan](repeating: UnitScan(), count: units.count * pageCount)
        for (unitIndex, unit) in units.enumerated() {
            let runs = UnitScanner.runs(
                in: bytes, lines: layout.lines[unit], codeFlags: layout.inCodeBlock[unit], scratch: &runBuffer)
            for (pageIndex, page) in pages.enumerated() {
                scans[unitIndex * pageCount + pageIndex] = UnitScanner.scan(
                    bytes, runs: runs, codePage: page, tokens: &tokenBuffer, pending: &pendingBuffer, cache: cache)
            }
        }

        // 2. File-level facts. A code page whose undefined bytes show up as C1 controls anywhere
        //    in the file did not drop them.
        var sloppy = [Bool](repeating: false, count: pageCount)
        for index in scans.indices where scans[index].ok && scans[index].undefinedAsC1 > 0 {
            sloppy[index % pageCount] = true
        }
        func usable(_ unitIndex: Int, _ pageIndex: Int) -> Bool {
            let scan = scans[unitIndex * pageCount + pageIndex]
            guard scan.ok, scan.hasEvidence else { return false }
            return scan.incomplete == 0 || (!sloppy[pageIndex] && !pages[pageIndex].undefinedBytes.isEmpty)
        }
        var preferred = 0
        var bestKey = (units: -1, nonNative: Int.max)
        for pageIndex in 0..<pageCount {
            var count = 0
            var nonNative = 0
            for unitIndex in units.indices where usable(unitIndex, pageIndex) {
                let scan = scans[unitIndex * pageCount + pageIndex]
                if scan.complete > 0 { count += 1 }
                nonNative += scan.nonNativeC1
            }
            if count > bestKey.units || (count == bestKey.units && nonNative < bestKey.nonNative) {
                bestKey = (count, nonNative)
                preferred = pageIndex
            }
        }

        // 3. A plan per unit.
        var plans = [UnitPlan](repeating: UnitPlan(), count: units.count)
        var established = false
        for unitIndex in units.indices {
            var chosen: Int? = usable(unitIndex, preferred) ? preferred : nil
            if chosen == nil {
                for pageIndex in 0..<pageCount where usable(unitIndex, pageIndex) {
                    let scan = scans[unitIndex * pageCount + pageIndex]
                    if let current = chosen {
                        let other = scans[unitIndex * pageCount + current]
                        if scan.complete > other.complete
                            || (scan.complete == other.complete && scan.nonNativeC1 < other.nonNativeC1) {
                            chosen = pageIndex
                        }
                    } else {
                        chosen = pageIndex
                    }
                }
            }
            guard let pageIndex = chosen else { continue }
            let scan = scans[unitIndex * pageCount + pageIndex]
            plans[unitIndex].codePage = pageIndex
            if scan.incomplete > 0 {
                plans[unitIndex].alternatives = (0..<pageCount).filter {
                    $0 != pageIndex && usable(unitIndex, $0) && scans[unitIndex * pageCount + $0].incomplete > 0
                }
            }
            plans[unitIndex].scan = scan
            if scan.unquotedComplete > 0 {
                plans[unitIndex].decision = .repair
                established = true
            } else if scan.complete > 0 {
                plans[unitIndex].decision = .quotedOnly
            } else if scan.incompleteWithoutStrongCandidate == 0 {
                plans[unitIndex].decision = .dropOnly
            } else {
                // Only letters and symbols could fill the gaps: correct text (lone capitals).
                plans[unitIndex].codePage = nil
            }
        }

        // Some unit is (or may be) repaired by guessing dropped bytes: the ranking context (a
        // reference, a vocabulary) may change its outcome.
        let guessed = units.indices.contains { plans[$0].codePage != nil && plans[$0].scan.incomplete > 0 }
        if guessed && deferGuesses { return Output(guessed: true) }

        // 4. Repair: units without guesses first, so their characters count as intact context.
        var outcomes = [UnitOutcome?](repeating: nil, count: units.count)
        let order = units.indices.sorted { (plans[$0].scan.incomplete > 0 ? 1 : 0, $0) < (plans[$1].scan.incomplete > 0 ? 1 : 0, $1) }
        var contextReady = false
        collectsIntact = plans.contains { $0.codePage != nil && $0.scan.incomplete > 0 }
        for unitIndex in order {
            let plan = plans[unitIndex]
            guard let pageIndex = plan.codePage else { continue }
            switch plan.decision {
            case .genuine: continue
            case .quotedOnly where !established: continue
            default: break
            }
            if plan.scan.incomplete > 0 && !contextReady {
                noteIntactCharacters(plans: plans)
                contextReady = true
            }
            var outcome = repairUnit(units[unitIndex], codePage: pages[pageIndex], plan: plan)
            for alternative in plan.alternatives {
                var other = plan
                other.scan = scans[unitIndex * pageCount + alternative]
                guard let candidate = repairUnit(units[unitIndex], codePage: pages[alternative], plan: other) else {
                    continue
                }
                if outcome == nil || candidate.guessScore > outcome!.guessScore + 0.5 { outcome = candidate }
            }
            outcomes[unitIndex] = outcome
        }

        // 4b. Mojibake quoted or discussed on purpose stays: judged only for the units about to be
        //     repaired.
        let held = holdIntentional(outcomes: &outcomes, plans: plans)

        // 5. Output and reports.
        var repairs: [Repair] = []
        var possible: [Repair] = []
        var output: [UInt8] = []
        var changed = false
        for (unitIndex, unit) in units.enumerated() {
            if let outcome = outcomes[unitIndex] {
                let encoding = RepairEngine.label(outcome.labels)
                for (offset, lineIndex) in unit.enumerated() {
                    let lineRange = layout.lines[lineIndex]
                    let finalRange = outcome.text.lines[offset]
                    guard !outcome.text.bytes[finalRange].elementsEqual(bytes[lineRange]) else { continue }
                    changed = true
                    guard describe else { break }
                    repairs += RepairDescriber.describe(
                        original: bytes, line: lineRange, lineNumber: lineIndex + 1, final: outcome.text.bytes,
                        finalLine: finalRange,
                        encoding: encoding, confidence: outcome.confidence, guesses: outcome.guesses[offset] ?? [:])
                }
            } else if let hold = held[unitIndex] {
                if describe { possible += heldRepairs(unit, hold) }
            } else if describe {
                possible += possibleRepairs(unit, plan: plans[unitIndex], preferred: pages[preferred])
            }
        }
        guard changed else { return Output(possible: possible, guessed: guessed) }

        output.reserveCapacity(bytes.count + bytes.count / 8)
        // Unchanged stretches are copied whole; repaired units line by line.
        var copied = 0
        for (unitIndex, unit) in units.enumerated() {
            guard let outcome = outcomes[unitIndex] else { continue }
            let start = layout.lines[unit.lowerBound].lowerBound
            output.append(contentsOf: bytes[copied..<start])
            output.append(contentsOf: outcome.text.bytes)
            copied = layout.lines[unit.upperBound - 1].upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return Output(bytes: output, repairs: repairs, possible: possible, guessed: guessed)
    }

    /// "Windows-1252", "Windows-1252 twice", "Windows-1252, then Mac Roman" (in the order the
    /// damage happened, which is the reverse of the order it is undone).
    static func label(_ decoded: [String]) -> String {
        let happened = Array(decoded.reversed())
        if happened.count == 2 && happened[0] == happened[1] { return "\(happened[0]) twice" }
        if happened.count == 3 && happened.allSatisfy({ $0 == happened[0] }) { return "\(happened[0]) three times" }
        return happened.joined(separator: ", then ")
    }

    /// Feeds the ranking context with the characters that occur intact: those of the units that
    /// are left as they are.
    private func noteIntactCharacters(plans: [UnitPlan]) {
        for (unitIndex, unit) in layout.units.enumerated() where plans[unitIndex].decision == .genuine {
            for lineIndex in unit {
                let line = layout.lines[lineIndex]
                String(decoding: bytes[line], as: UTF8.self).unicodeScalars.forEach { context.noteIntact($0.value) }
            }
        }
    }

    // MARK: - Repairing one unit

    private mutating func repairUnit(_ unit: Range<Int>, codePage: CodePage, plan: UnitPlan) -> UnitOutcome? {
        var guesses: [Int: [Int: RunGuess]] = [:]
        var text = UnitText()
        text.lines.reserveCapacity(unit.count)
        text.bytes.reserveCapacity(layout.lines[unit.upperBound - 1].upperBound - layout.lines[unit.lowerBound].lowerBound + 64)
        let confidence = plan.decision == .repair
            ? min(0.99, 0.9 + 0.02 * Double(plan.scan.unquotedComplete)) : 0.75
        let ranker = CandidateRanker(context: context, cache: cache)
        var guessScore = 0.0
        for (offset, lineIndex) in unit.enumerated() {
            let line = layout.lines[lineIndex]
            UnitScanner.runs(in: bytes, line: line, inCodeBlock: layout.inCodeBlock[lineIndex], into: &runBuffer)
            if offset > 0 { text.bytes.append(0x0A) }
            let lineStart = text.bytes.count
            var position = line.lowerBound
            for (runIndex, run) in runBuffer.enumerated() {
                text.bytes.append(contentsOf: bytes[position..<run.range.lowerBound])
                position = run.range.upperBound
                let summary = RunTokenizer.tokenize(bytes, run.range, codePage: codePage, into: &tokenBuffer)
                if summary.failed { return nil }
                if summary.incomplete == 0 {
                    for token in tokenBuffer {
                        UTF8Sequence.append(token.scalar, to: &text.bytes)
                        if collectsIntact { context.noteIntact(token.scalar) }
                    }
                    continue
                }
                let before: UInt32? = run.range.lowerBound > line.lowerBound ? UInt32(bytes[run.range.lowerBound - 1]) : nil
                let after: UInt32? = run.range.upperBound < line.upperBound ? UInt32(bytes[run.range.upperBound]) : nil
                var prefixStart = run.range.lowerBound
                while prefixStart > line.lowerBound && RepairEngine.isASCIIWordByte(bytes[prefixStart - 1]) { prefixStart -= 1 }
                var suffixEnd = run.range.upperBound
                while suffixEnd < line.upperBound && RepairEngine.isASCIIWordByte(bytes[suffixEnd]) { suffixEnd += 1 }
                let guess = ranker.guess(
                    tokens: tokenBuffer, codePage: codePage, before: before, after: after,
                    wordPrefix: String(decoding: bytes[prefixStart..<run.range.lowerBound], as: UTF8.self),
                    wordSuffix: String(decoding: bytes[run.range.upperBound..<suffixEnd], as: UTF8.self))
                guard guess.acceptable, let best = guess.alternatives.first else { return nil }
                if plan.decision == .dropOnly && !guess.strong { return nil }
                for scalar in best { UTF8Sequence.append(scalar, to: &text.bytes) }
                guesses[offset, default: [:]][runIndex] = guess
                guessScore += guess.score
            }
            text.bytes.append(contentsOf: bytes[position..<line.upperBound])
            text.lines.append(lineStart..<text.bytes.count)
        }
        // Damage applied more than once: the repaired unit is mojibake again.
        var layers: [(text: UnitText, page: CodePage)] = [(text, codePage)]
        while layers.count < RepairEngine.maxLayers {
            guard let (next, page) = repairAgain(layers[layers.count - 1].text, unit: unit) else { break }
            layers.append((next, page))
        }
        // Text holds no C1 controls: a layer that leaves some behind was a wrong guess.
        while let last = layers.last, RepairEngine.containsC1(last.text.bytes) { layers.removeLast() }
        guard let last = layers.last else { return nil }
        if layers.count > 1 { guesses = [:] }
        return UnitOutcome(
            text: last.text, labels: layers.map(\.page.name), guesses: guesses, confidence: confidence,
            guessScore: guessScore)
    }

    /// An ASCII letter or digit: part of the word a damaged run sits in.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether UTF-8 `line` holds a C1 control character (U+0080...U+009F).
    static func containsC1(_ line: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < line.count {
            if line[index] == 0xC2 && line[index + 1] >= 0x80 && line[index + 1] <= 0x9F { return true }
            index += 1
        }
        return false
    }

    /// One more layer: only complete sequences, and only with evidence outside code and quotes.
    private mutating func repairAgain(_ text: UnitText, unit: Range<Int>) -> (UnitText, CodePage)? {
        guard CodePage.mayHoldMojibake(text.bytes) else { return nil }
        let buffer = text.bytes
        let ranges = text.lines
        let flags = layout.inCodeBlock[unit]
        var chosen: (CodePage, UnitScan)? = nil
        let runs = UnitScanner.runs(in: buffer, lines: ranges[...], codeFlags: flags, scratch: &runBuffer)
        for page in CodePage.all {
            let scan = UnitScanner.scan(
                buffer, runs: runs, codePage: page, allowDrops: false, tokens: &tokenBuffer, pending: &pendingBuffer,
                cache: cache)
            guard scan.ok, scan.incomplete == 0, scan.unquotedComplete > 0 else { continue }
            if let current = chosen, current.1.complete > scan.complete
                || (current.1.complete == scan.complete && current.1.nonNativeC1 <= scan.nonNativeC1) {
                continue
            }
            chosen = (page, scan)
        }
        guard let (page, _) = chosen else { return nil }
        var result = UnitText()
        result.bytes.reserveCapacity(buffer.count)
        for (range, inCode) in zip(ranges, flags) {
            if !result.lines.isEmpty { result.bytes.append(0x0A) }
            let lineStart = result.bytes.count
            UnitScanner.runs(in: buffer, line: range, inCodeBlock: inCode, into: &runBuffer)
            var position = range.lowerBound
            for run in runBuffer {
                result.bytes.append(contentsOf: buffer[position..<run.range.lowerBound])
                position = run.range.upperBound
                _ = RunTokenizer.tokenize(buffer, run.range, codePage: page, into: &tokenBuffer)
                for token in tokenBuffer { UTF8Sequence.append(token.scalar, to: &result.bytes) }
            }
            result.bytes.append(contentsOf: buffer[position..<range.upperBound])
            result.lines.append(lineStart..<result.bytes.count)
        }
        return (result, page)
    }

    // MARK: - Possible repairs

    /// Why a unit that looks damaged is left alone, for its possible repairs.
    static func reason(_ decision: Decision) -> String {
        switch decision {
        case .quotedOnly: IntentEvidence.quotedOnly
        case .genuine: "its paragraph also holds correct non-ASCII text"
        case .repair, .dropOnly: "not sure enough to repair"
        }
    }

    /// Spans of complete sequences in a unit that is left alone, reported for a human to judge.
    private mutating func possibleRepairs(_ unit: Range<Int>, plan: UnitPlan, preferred: CodePage) -> [Repair] {
        if plan.decision == .dropOnly { return [] }
        let page = plan.codePage.map { CodePage.all[$0] } ?? preferred
        var result: [Repair] = []
        for lineIndex in unit {
            let line = layout.lines[lineIndex]
            UnitScanner.runs(in: bytes, line: line, inCodeBlock: layout.inCodeBlock[lineIndex], into: &runBuffer)
            for run in runBuffer {
                _ = RunTokenizer.tokenize(bytes, run.range, codePage: page, into: &tokenBuffer, stopOnFailure: false)
                var index = 0
                // Maximal stretches of adjacent complete sequences that decode to text a person
                // may have written: no C1 control, nothing implausible ('ß“' in „groß“ decodes to
                // the NKo letter U+07D3: correct German, not worth a note).
                func reportable(_ token: RunToken) -> Bool {
                    token.isComplete && (token.scalar < 0x80 || (token.scalar > 0x9F && cache.tier(token.scalar) != .implausible))
                }
                while index < tokenBuffer.count {
                    guard reportable(tokenBuffer[index]) else { index += 1; continue }
                    var last = index
                    while last + 1 < tokenBuffer.count, reportable(tokenBuffer[last + 1]),
                          tokenBuffer[last + 1].source.lowerBound == tokenBuffer[last].source.upperBound {
                        last += 1
                    }
                    var after: [UInt8] = []
                    for token in tokenBuffer[index...last] { UTF8Sequence.append(token.scalar, to: &after) }
                    let span = tokenBuffer[index].source.lowerBound..<tokenBuffer[last].source.upperBound
                    let column = Columns.characterCount(bytes, line.lowerBound..<span.lowerBound) + 1
                    let text = String(decoding: after, as: UTF8.self)
                    result.append(Repair(
                        line: lineIndex + 1, column: column,
                        before: String(decoding: bytes[span], as: UTF8.self), after: text,
                        encoding: page.name, confidence: run.quoted ? 0.3 : 0.5, candidates: [text],
                        reason: Self.reason(plan.decision)))
                    index = last + 1
                }
            }
        }
        return result
    }
}
