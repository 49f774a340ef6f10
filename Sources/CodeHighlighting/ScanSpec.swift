/// The table that drives `ScanLexer` for one language: its words, comments, strings and the
/// few habits that set it apart.
struct ScanSpec: Sendable {
    /// How a string starts and ends.
    struct Quote: Sendable {
        var delimiter: [UInt8]
        /// `\x` escapes (`se`) and a backslash never ends the string.
        var escapes = true
        /// May run over line ends (unterminated single-line strings end at the line's end).
        var multiline = false
        /// `$name` and `${…}` inside are variables (shell and PHP double quotes).
        var variables = false

        init(_ delimiter: String, escapes: Bool = true, multiline: Bool = false, variables: Bool = false) {
            self.delimiter = Array(delimiter.utf8)
            self.escapes = escapes
            self.multiline = multiline
            self.variables = variables
        }
    }

    var words: WordTable
    /// Words that count only as the first word of a line (Dockerfile instructions).
    var lineStartWords = WordTable([:])
    /// What any word is at the start of a statement (nginx directives), nil when nothing.
    var statementStart: TokenKind?
    var lineComments: [[UInt8]] = []
    /// A `#` comment starts only at the start of a word (shell: `a#b` is one word).
    var commentsNeedWordStart = false
    var blockComment: (open: [UInt8], close: [UInt8])?
    /// Longest delimiter first (`"""` before `"`).
    var quotes: [Quote] = []
    /// `$name`, `${…}`, `$1`, `$?` are variables.
    var dollarVariables = false
    /// `NAME=` at the start of a word assigns a variable (shell).
    var assignments = false
    /// A `#` first on a line starts a preprocessor line (C), running on over `\` line ends.
    var preprocessorLines = false
    /// A first line starting `#!` is a shebang (`cp`).
    var shebang = false
    /// Markers that are preprocessor tokens wherever they stand (`<?php`, `?>`).
    var markers: [[UInt8]] = []
    /// The identifier after one of these words names a function (`def`, `func`).
    var functionDefiners = WordTable([:])
    /// A name followed by `(` right after a type or another name declares a function (C:
    /// `int main(`, `static void run(`), not after a keyword, operator or punctuation.
    var declaredFunctions = false
    /// `@name` is an attribute or decorator.
    var atAttributes = false
    /// A string followed by `:` is a key (JSON).
    var keyStrings = false
    /// String prefixes glued to a quote (`f"…"`, `b'…'`): letters allowed in such a prefix.
    var stringPrefixes = ByteSet()
    /// Bytes besides letters, digits and `_` that may continue a word (shell: `-` and `.`).
    var wordBytes = ByteSet()
    var operators = ByteSet("=+-*/%<>!&|^~?")

    init(words: WordTable) {
        self.words = words
    }
}

extension ScanSpec {
    static func bytes(_ list: String...) -> [[UInt8]] { list.map { Array($0.utf8) } }
}
