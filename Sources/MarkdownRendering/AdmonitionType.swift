/// The admonition types of DESIGN.md §6 (FixIt's twelve), with their aliases.
public enum AdmonitionType: String, Sendable, CaseIterable {
    case note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote

    /// A type by its name or an alias (`tldr` -> `abstract`), case-insensitively; nil when unknown.
    public init?(name: String) {
        let lower = name.lowercased()
        if let type = AdmonitionType(rawValue: lower) {
            self = type
            return
        }
        guard let type = Self.aliases[lower] else { return nil }
        self = type
    }

    public static let aliases: [String: AdmonitionType] = [
        "summary": .abstract, "tldr": .abstract,
        "hint": .tip, "important": .tip,
        "check": .success, "done": .success,
        "help": .question, "faq": .question,
        "caution": .warning, "attention": .warning,
        "fail": .failure, "missing": .failure,
        "error": .danger,
        "cite": .quote,
    ]

    /// The English title, used when the site has no translation.
    public var englishTitle: String {
        switch self {
        case .note: "Note"
        case .abstract: "Abstract"
        case .info: "Info"
        case .tip: "Tip"
        case .success: "Success"
        case .question: "Question"
        case .warning: "Warning"
        case .failure: "Failure"
        case .danger: "Danger"
        case .bug: "Bug"
        case .example: "Example"
        case .quote: "Quote"
        }
    }

    /// The English title of a canonical type name, or the name capitalized.
    @Sendable public static func englishTitle(for name: String) -> String {
        AdmonitionType(name: name)?.englishTitle ?? name.prefix(1).uppercased() + name.dropFirst()
    }
}
