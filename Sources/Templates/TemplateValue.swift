/// A value a template reads: what a `{{name}}` prints and what a `{{#name}}` section iterates.
///
/// The cases mirror what the site used to feed swift-mustache as `Any` (`String`, `Bool`,
/// `Int`, `[Any]`, `[String: Any]`), and each renders exactly as swift-mustache rendered that
/// type, except that a list or an object printed by `{{x}}` / `{{{x}}}` renders nothing (where
/// swift-mustache printed Swift's debug description, such as `["a", "b"]`).
public enum TemplateValue: Sendable {
    /// `{{x}}` prints it HTML-escaped, `{{{x}}}` / `{{& x}}` raw. As a section it is pushed on
    /// the context stack and the body renders once, even when it is empty.
    case string(String)
    /// Prints `true` / `false`. As a section the body renders (with the stack unchanged) when true.
    case bool(Bool)
    /// Prints in decimal. As a section it is pushed and the body renders once, even for 0.
    case int(Int)
    /// As a section the body renders once per item, with the item pushed; an empty list renders
    /// nothing (and `{{^x}}` renders its body with the empty list pushed). Prints nothing.
    case list([TemplateValue])
    /// Holds names. As a section it is pushed and the body renders once. Prints nothing.
    case object(TemplateObject)
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// An object; when a key is repeated, the last value wins.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
