import SiteCore

/// One argument of a shortcode call: `type=warning`, `title="Wichtig"`, or positional `info`.
public struct ShortcodeArgument: Sendable, Hashable {
    /// The parameter name for named arguments, nil for positional ones.
    public var name: String?
    public var value: String
    /// Whether the value was written in quotes (`"false"` is a string, `false` is not).
    public var quoted: Bool
    /// UTF-8 offset of the argument in the source file.
    public var offset: Int

    public init(name: String?, value: String, quoted: Bool, offset: Int) {
        self.name = name
        self.value = value
        self.quoted = quoted
        self.offset = offset
    }
}

/// A shortcode use in a page body, with its inner content when it has a closing tag.
public struct ShortcodeCall: Sendable, Hashable {
    public var name: String
    public var arguments: [ShortcodeArgument]
    /// `{{% name %}}`: the inner content is Markdown rendered with the page.
    public var isMarkdownForm: Bool
    /// The parsed inner content, nil for a shortcode without a closing tag.
    public var inner: [BodyNode]?
    /// The inner content as written, nil for a shortcode without a closing tag.
    public var innerSource: String?
    /// UTF-8 offset of the opening `{{` in the source file.
    public var offset: Int

    public init(
        name: String, arguments: [ShortcodeArgument], isMarkdownForm: Bool,
        inner: [BodyNode]?, innerSource: String?, offset: Int
    ) {
        self.name = name
        self.arguments = arguments
        self.isMarkdownForm = isMarkdownForm
        self.inner = inner
        self.innerSource = innerSource
        self.offset = offset
    }

    public var positional: [ShortcodeArgument] { arguments.filter { $0.name == nil } }

    /// A named argument by name, or nil.
    public func named(_ name: String) -> ShortcodeArgument? {
        arguments.first { $0.name == name }
    }
}

/// A piece of a page body: Markdown text, or a shortcode.
public indirect enum BodyNode: Sendable, Hashable {
    /// Markdown as written (the escaped form `{{</* x */>}}` already turned into `{{< x >}}`).
    /// `offset` is the UTF-8 offset of the text in the source file.
    case text(String, offset: Int)
    case shortcode(ShortcodeCall)
}
