/// The shortcodes a site knows, and whether each takes a closing tag.
public struct ShortcodeCatalog: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Never has a closing tag (`{{< youtube ID >}}`); a closing tag is an error.
        case standalone
        /// Always has one (`{{< admonition >}}…{{< /admonition >}}`); a missing one is an error.
        case paired
        /// Either: paired when a matching closing tag follows, standalone otherwise.
        /// Theme shortcodes are `either`, since Chronicle cannot tell from a template.
        case either
    }

    public var kinds: [String: Kind]

    public init(kinds: [String: Kind] = [:]) {
        self.kinds = kinds
    }

    /// Chronicle's built-in shortcodes.
    public static let builtIn = ShortcodeCatalog(kinds: [
        "admonition": .paired,
        "youtube": .standalone,
        "figure": .standalone,
        "ref": .standalone,
        "relref": .standalone,
    ])

    /// The kind of a shortcode, nil when the catalog does not know it.
    public func kind(of name: String) -> Kind? { kinds[name] }

    public func contains(_ name: String) -> Bool { kinds[name] != nil }

    /// Adds a shortcode (a theme's `shortcodes/<name>.mustache`); a known one keeps its kind.
    public mutating func add(_ name: String, kind: Kind = .either) {
        if kinds[name] == nil { kinds[name] = kind }
    }

    /// This catalog plus `names` (known ones keep their kind).
    public func adding(_ names: some Sequence<String>, kind: Kind = .either) -> ShortcodeCatalog {
        var copy = self
        for name in names { copy.add(name, kind: kind) }
        return copy
    }
}
