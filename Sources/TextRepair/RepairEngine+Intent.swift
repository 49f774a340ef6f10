/// Mojibake shown on purpose: the units `run` is about to repair are judged by the rule of
/// `IntentEvidence`, and those it holds are described as possible repairs with their reasons.
extension RepairEngine {
    /// A unit left alone for the evidence that its mojibake is there on purpose: its outcome (to
    /// describe the possible repairs) and, per line and changed word, the reason (none for
    /// mojibake only in code or quotes that is held without evidence).
    struct HeldUnit {
        var outcome: UnitOutcome
        var reasons: [[String]]?
    }

    /// Takes back the outcomes of the units whose mojibake is quoted or discussed on purpose, by the
    /// rule documented on `IntentEvidence`: a unit is held when every changed word in it has
    /// evidence of intent, unless the file is consistently damaged (a unit is damaged without
    /// evidence and none holds correct non-ASCII text) and the evidence is not strong; a unit
    /// with mojibake only in code or quotes is also held when no unit is damaged without evidence.
    func holdIntentional(outcomes: inout [UnitOutcome?], plans: [UnitPlan]) -> [Int: HeldUnit] {
        let units = layout.units
        guard outcomes.contains(where: { $0 != nil }) else { return [:] }
        let correctUnits = plans.map { $0.codePage == nil }
        let evidence = IntentEvidence(bytes: bytes, layout: layout, correctUnits: correctUnits)
        let correctText = correctUnits.contains(true)
        // Units with mojibake outside code first: in a file without correct text, the first of
        // them without evidence makes the file consistently damaged, and only strong evidence
        // counts from then on (quick to rule out).
        let order = units.indices.sorted {
            (plans[$0].decision == .repair ? 0 : 1, $0) < (plans[$1].decision == .repair ? 0 : 1, $1)
        }
        var found = [IntentEvidence.Judgement?](repeating: nil, count: units.count)
        var damagedWithoutEvidence = false
        for unitIndex in order {
            guard let outcome = outcomes[unitIndex] else { continue }
            let decision = plans[unitIndex].decision
            let strongOnly = damagedWithoutEvidence && !correctText
            // Once only strong evidence counts, a unit that is no lone sample is damage at once.
            let hopeless = strongOnly && !evidence.mayBeStrong(unit: units[unitIndex], text: outcome.text)
            let judgement = hopeless
                ? nil
                : evidence.judge(
                    unit: units[unitIndex], text: outcome.text, guesses: outcome.guesses,
                    quotedCounts: decision == .repair, strongOnly: strongOnly)
            // At least one changed word, each with its reason.
            if let judgement, judgement.reasons.contains(where: { !$0.isEmpty }) {
                found[unitIndex] = judgement
            } else if decision == .repair {
                damagedWithoutEvidence = true
            }
        }
        let consistentlyDamaged = damagedWithoutEvidence && !correctText
        var held: [Int: HeldUnit] = [:]
        for unitIndex in units.indices {
            guard let outcome = outcomes[unitIndex] else { continue }
            if let judgement = found[unitIndex], !consistentlyDamaged || judgement.strong {
                held[unitIndex] = HeldUnit(outcome: outcome, reasons: judgement.reasons)
            } else if plans[unitIndex].decision == .quotedOnly && !damagedWithoutEvidence {
                held[unitIndex] = HeldUnit(outcome: outcome, reasons: nil)
            } else {
                continue
            }
            outcomes[unitIndex] = nil
        }
        return held
    }

    /// The changed words of a held unit, as possible repairs with their reasons.
    func heldRepairs(_ unit: Range<Int>, _ hold: HeldUnit) -> [Repair] {
        let outcome = hold.outcome
        let encoding = RepairEngine.label(outcome.labels)
        var result: [Repair] = []
        for (offset, lineIndex) in unit.enumerated() {
            let lineRange = layout.lines[lineIndex]
            let finalRange = outcome.text.lines[offset]
            guard !outcome.text.bytes[finalRange].elementsEqual(bytes[lineRange]) else { continue }
            let described = RepairDescriber.describe(
                original: bytes, line: lineRange, lineNumber: lineIndex + 1, final: outcome.text.bytes,
                finalLine: finalRange, encoding: encoding, confidence: outcome.confidence,
                guesses: outcome.guesses[offset] ?? [:])
            let reasons = hold.reasons?[offset] ?? []
            for (index, var repair) in described.enumerated() {
                repair.reason = index < reasons.count ? reasons[index] : IntentEvidence.quotedOnly
                repair.confidence = min(repair.confidence, 0.3)
                result.append(repair)
            }
        }
        return result
    }
}
