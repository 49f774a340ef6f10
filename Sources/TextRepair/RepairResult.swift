/// The outcome of `TextRepairer.repair`.
public struct RepairResult: Sendable {
    /// The repaired text (identical to the input when nothing changed).
    public var text: String
    /// Repairs that were applied, in text order.
    public var repairs: [Repair]
    /// Suspicious spans that were left alone (mojibake quoted on purpose, unsure guesses).
    public var possible: [Repair]
    /// Some paragraph needed guesses for dropped bytes, so a reference text or a vocabulary may
    /// change the outcome.
    public var guessed: Bool

    public init(text: String, repairs: [Repair], possible: [Repair], guessed: Bool = false) {
        self.text = text
        self.repairs = repairs
        self.possible = possible
        self.guessed = guessed
    }

    /// True when the text was changed.
    public var changed: Bool { !repairs.isEmpty }
}
