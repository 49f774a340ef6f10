/// A part of a rendered body: the text before the first heading, or an `h1`–`h3` heading
/// at the top level and everything up to the next one.
struct BodySection: Sendable {
    /// 0 for the text before the first heading, else the heading's level.
    var level: Int
    /// The heading's text ("" before the first heading).
    var heading: String
    /// The heading's start tag in the body HTML.
    var headingTag: Range<Int>?
    /// The section in the body HTML.
    var range: Range<Int>
    var items: [StructureItem] = []
    /// Some visible text or an item (the text before a first heading is often empty).
    var hasContent = false

    /// The heading's words, for aligning sections whose headings were translated.
    var headingWords: Set<String> {
        Set(heading.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "." }
            .filter { $0.count >= 3 || $0.allSatisfy(\.isNumber) }.map(String.init))
    }
}
