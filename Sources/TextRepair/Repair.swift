/// One repaired (or possibly damaged) span of text.
public struct Repair: Sendable, Hashable {
    /// 1-based line of the span.
    public var line: Int
    /// 1-based column of the span's start, in Characters of the damaged line.
    public var column: Int
    /// The damaged span as it was.
    public var before: String
    /// What it became (for a possible repair: the best candidate).
    public var after: String
    /// How the text was misread, e.g. "Windows-1252", "Windows-1252 twice", "Mac Roman".
    public var encoding: String
    /// 0...1.
    public var confidence: Double
    /// Ranked, best first; more than one only where a dropped byte had to be guessed.
    public var candidates: [String]
    /// Why a possible repair was left alone, in a few English words ("quoted in code elsewhere in
    /// this file"); nil for applied repairs and for possible repairs without a stated reason.
    public var reason: String?

    public init(
        line: Int, column: Int, before: String, after: String, encoding: String,
        confidence: Double, candidates: [String], reason: String? = nil
    ) {
        self.line = line
        self.column = column
        self.before = before
        self.after = after
        self.encoding = encoding
        self.confidence = confidence
        self.candidates = candidates
        self.reason = reason
    }

    /// True when the repair had to choose between several candidates.
    public var isAmbiguous: Bool { candidates.count > 1 }
}
