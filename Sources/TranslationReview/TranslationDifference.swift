/// A structural difference between two languages of a translation group: something one
/// language has and the other lacks, or a value (link target, image, version, date,
/// admonition type) that differs.
public struct TranslationDifference: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A heading (a whole section when it is an `h1`–`h3`).
        case heading
        /// An admonition shortcode.
        case admonition
        case link
        case image
        case codeBlock = "code-block"
        case table
        /// A version or release name: `25.0.3`, `v3.19`, `2024-01e`, `CVE-2023-34108`.
        case version
        /// A day, however written (`1. Mai 2024` and `May 1, 2024` are the same day).
        case date

        /// The word a message uses.
        public var noun: String {
            switch self {
            case .heading: "heading"
            case .admonition: "admonition"
            case .link: "link"
            case .image: "image"
            case .codeBlock: "code block"
            case .table: "table"
            case .version: "version"
            case .date: "date"
            }
        }
    }

    public enum Change: String, Sendable, Hashable, Codable {
        /// `language` has it, `otherLanguage` does not.
        case onlyIn = "only-in"
        /// Both have one, with another value: `detail` in `language`, `otherDetail` in `otherLanguage`.
        case differs
    }

    public var kind: Kind
    public var change: Change
    /// The aligned section it is in (0-based row of the side-by-side view).
    public var row: Int
    /// The heading of that section in `language` ("" for the text before the first heading).
    public var section: String
    /// The language that has it (the first one, for `differs`).
    public var language: String
    /// What it is, as written: a link target, `warning “Achtung”`, `25.0.3`, a heading.
    public var detail: String
    /// The language that lacks it (or has `otherDetail` instead).
    public var otherLanguage: String
    /// For `differs`: what `otherLanguage` has instead.
    public var otherDetail: String?
    /// One line for people: `admonition only in English: warning “Important”`.
    public var message: String

    public init(
        kind: Kind, change: Change, row: Int, section: String, language: String, detail: String,
        otherLanguage: String, otherDetail: String? = nil, message: String
    ) {
        self.kind = kind
        self.change = change
        self.row = row
        self.section = section
        self.language = language
        self.detail = detail
        self.otherLanguage = otherLanguage
        self.otherDetail = otherDetail
        self.message = message
    }

    /// Where it is, for a line of text: `in “Changelog”` or `before the first heading`.
    public var place: String {
        section.isEmpty ? "before the first heading" : "in “\(section)”"
    }
}
