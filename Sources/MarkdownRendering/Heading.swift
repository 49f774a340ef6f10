/// A heading of a rendered page body, in document order.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text without markup (entities decoded).
    public var text: String
    /// The `id` attribute written on the heading.
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
