/// Highlights code blocks at build time: a table-driven lexer per language (see `Languages`),
/// tokens written as spans with Chroma's short class names.
///
/// Unknown languages give nil: the caller keeps the block as it was.
public struct CodeHighlighter: Sendable {
    /// Number the lines (Hugo's `[markup.highlight] lineNos`).
    public var lineNumbers: Bool

    public init(lineNumbers: Bool = false) {
        self.lineNumbers = lineNumbers
    }

    /// Whether `language` (a fence's name, any case) is highlighted.
    public static func knows(_ language: String) -> Bool {
        Languages.byName[language.lowercased()] != nil
    }

    /// The names of the languages highlighted (aliases included), sorted.
    public static var languageNames: [String] { Languages.byName.keys.sorted() }

    /// The inside of `<code>` for `code` (UTF-8 bytes) in `language`: escaped, with spans;
    /// nil for a language it does not know.
    public func highlight(_ code: [UInt8], language: String) -> [UInt8]? {
        guard let lexer = Languages.byName[language.lowercased()] else { return nil }
        var tokens = TokenList()
        lexer.lex(code, into: &tokens)
        var out: [UInt8] = []
        out.reserveCapacity(code.count * 2 + 64)
        HTMLWriter.write(code, tokens.tokens, lineNumbers: lineNumbers, into: &out)
        return out
    }

    /// `highlight` for a String.
    public func highlight(_ code: String, language: String) -> String? {
        highlight(Array(code.utf8), language: language).map { String(decoding: $0, as: UTF8.self) }
    }
}
