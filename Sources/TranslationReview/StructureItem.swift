/// One thing of a section that every translation should have too: a heading inside it, an
/// admonition, a link, an image, a code block, a table, a version or a date.
struct StructureItem: Sendable {
    var kind: TranslationDifference.Kind
    /// What is compared across languages (a link's normalised target, an admonition's type…).
    var key: String
    /// What a reader is shown (the target as written, `warning “Achtung”`…).
    var label: String
    /// Where it is in the body HTML: the element's start tag, or the token in the text.
    var range: Range<Int>
    /// A token inside text (marked by wrapping it), not an element (marked before its tag).
    var isText = false
}
