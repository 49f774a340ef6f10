/// Where the side-by-side view marks a difference in one language's body.
struct DifferenceMarker: Sendable {
    /// The element's start tag, or the token in the text.
    var range: Range<Int>
    /// Wrap the range (a token in text) instead of putting the flag before it (an element).
    var isText: Bool
    var change: TranslationDifference.Change
    /// The difference's number in the group (1-based), as the row's list shows it.
    var number: Int
    var message: String
}
