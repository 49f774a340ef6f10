/// A tag, a run of text or a comment of rendered body HTML, by UTF-8 offsets into it.
struct HTMLToken: Sendable {
    enum Kind: Sendable {
        case open
        case close
        case text
        /// A comment, or the content of `<script>`/`<style>`: not text a reader sees.
        case other
    }

    var kind: Kind
    /// The tag name, lower-cased; "" for text.
    var name: String = ""
    /// The whole token: `<a href="…">`, `</p>`, the text.
    var range: Range<Int>
    var attributes: [HTMLAttribute] = []
    /// `<br/>` and the elements that never have content (`img`, `hr`…).
    var isVoid = false

    func attribute(_ name: String) -> HTMLAttribute? {
        attributes.first { $0.name == name }
    }
}

/// `name="value"` in a start tag; the value as written (entities not decoded).
struct HTMLAttribute: Sendable {
    var name: String
    var value: String
    /// Where the value is (inside the quotes); nil for an attribute without a value.
    var valueRange: Range<Int>?
}
