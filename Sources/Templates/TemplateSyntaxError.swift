/// Why a template does not parse, and where.
///
/// Positions are those swift-mustache 2.1.1 reported for the same error
/// (`MustacheParserContext`), so diagnostics do not move when the engine changes:
/// - the position is where the parser stood when it gave up: at the end of the text for a
///   section that is never closed; where the name starts (right after `/`) for a section closed
///   with the wrong name; right after the name and the blanks that follow it (where the closing
///   `}}` was expected) for a tag that is not closed; right after `!` for a comment that is
///   never closed; at the start of the tag for a construct this engine does not support;
/// - `line` is 1 + the number of line breaks before that position (any `Character` for which
///   `isNewline` is true counts: `\n`, `\r\n`, a lone `\r`, and also VT, FF, NEL, U+2028/U+2029);
/// - `column` is 1 + the number of `Character`s (grapheme clusters) between the position and
///   the `\n` before it (only a bare `\n` counts here; `\r\n` is a different `Character`, so in
///   a file with CRLF line ends the column counts from the start of the file, as it did);
/// - `lineText` runs from there to the next bare `\n`.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, for people, e.g. "a section is never closed".
    public var message: String
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    /// The source line, for a caret display.
    public var lineText: String

    public init(message: String, line: Int, column: Int, lineText: String) {
        self.message = message
        self.line = line
        self.column = column
        self.lineText = lineText
    }

    public var description: String { "\(line):\(column): \(message)" }
}
