/// The parser: a port of swift-mustache 2.1.1's `MustacheTemplate.parse` (Template+Parser.swift)
/// restricted to the tags this engine supports, working on `Character`s as it does, so that
/// what is text, what is a tag, which lines are standalone (and vanish) and where an error is
/// reported are the same, quirks included:
/// - a tag is standalone when only spaces and tabs precede it on its line and only spaces and
///   tabs follow it up to a line break (any `Character` whose `isNewline` is true, so also a
///   lone `\r`, VT, FF, NEL, U+2028 and U+2029) or when it ends the text exactly; spaces after
///   the last tag of the text, with no line break after them, make it not standalone;
/// - after a section, whether the parser is "at the start of a line" is what it was after the
///   section's *opening* tag, whatever followed the closing tag;
/// - spaces and tabs that end the text after its last line break are dropped;
/// - a start delimiter at the very end of the text is dropped; a text that ends with only part
///   of the start delimiter (a lone trailing `{`) does not parse;
/// - text is cut into lines (tokens) only after `\n` and `\r\n`; the other line breaks are
///   plain text, though they still end the line of a standalone tag;
/// - the blanks before a standalone partial tag are printed (they indent its first line) and
///   are the indentation of the rest of its lines;
/// - a comment ends at the first end delimiter found without backtracking (so with the end
///   delimiter `%>`, `%%>` does not end it), as swift-mustache's `read(untilString:)` does;
/// - set-delimiter changes inside a section end with the section;
/// - with other delimiters, `{{{x}}}` is written `<%{x%>}` (the extra `}` follows the end
///   delimiter), as swift-mustache reads it.
struct TemplateParser {
    /// Why parsing stopped, and the index in `characters` where the parser stood.
    struct Failure: Error {
        var message: String
        var position: Int
    }

    /// The parse state of one nesting level (swift-mustache's `ParserState`).
    struct State {
        var sectionName: String?
        var newLine = true
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
    }

    private let characters: [Character]
    private var position = 0
    /// Where the current tag's start delimiter begins.
    private var tagStart = 0

    init(_ source: String) {
        self.characters = Array(source)
    }

    /// Parses the whole text.
    static func parse(_ source: String) throws(TemplateSyntaxError) -> [TemplateToken] {
        var parser = TemplateParser(source)
        do {
            return try parser.parse(State())
        } catch {
            throw parser.syntaxError(error)
        }
    }

    // MARK: - Tags

    /// One nesting level: the whole text, or a section's body up to its closing tag.
    private mutating func parse(_ initialState: State) throws(Failure) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var state = initialState
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if state.newLine {
                whiteSpaceBefore = readSpacesAndTabs()
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                var bodyState = state
                bodyState.sectionName = name
                bodyState.newLine = setNewLine
                let body = try parse(bodyState)
                tokens.append(.section(name, inverted: inverted, body: body))

            case "/":
                position += 1
                let namePosition = position
                let name = try parseName(state)
                guard name == state.sectionName else {
                    position = namePosition
                    if state.sectionName == nil {
                        throw Failure(message: "a section is closed that was never opened", position: position)
                    }
                    throw Failure(message: "a section is closed with the wrong name", position: position)
                }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                return tokens

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{":
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName(state)
                let closing = "\(String(state.endDelimiter))}"
                guard try read("}", orFail: "a tag is not closed with '\(closing)'") else {
                    throw Failure(message: "a tag is not closed with '\(closing)'", position: position)
                }
                tokens.append(.variable(name, escaped: false))

            case "&":
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName(state)
                tokens.append(.variable(name, escaped: false))

            case ">":
                position += 1
                skipWhitespace()
                if current == "*" {
                    throw unsupported("dynamic partials ('\(String(state.startDelimiter))>*name\(String(state.endDelimiter))') are not supported")
                }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    tokens.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                throw unsupported("template inheritance ('\(String(state.startDelimiter))<parent\(String(state.endDelimiter))') is not supported")

            case "$":
                throw unsupported("inheritance blocks ('\(String(state.startDelimiter))$block\(String(state.endDelimiter))') are not supported")

            case "%":
                throw unsupported("pragmas ('\(String(state.startDelimiter))%…\(String(state.endDelimiter))') are not supported")

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let name = try parseName(state)
                tokens.append(.variable(name, escaped: true))
            }
            state.newLine = setNewLine
        }
        if state.sectionName != nil {
            throw Failure(message: "a section is never closed", position: position)
        }
        return tokens
    }

    /// Reads text up to a line break (not read) or past the next start delimiter.
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws(Failure) -> String {
        let delimiterFirst = state.startDelimiter[0]
        var text = ""
        while !reachedEnd {
            let start = position
            while position < characters.count {
                let character = characters[position]
                if character == "\n" || character == "\r\n" || character == delimiterFirst { break }
                position += 1
            }
            text.append(contentsOf: characters[start..<position])
            if current.isNewline {
                break
            } else if current == delimiterFirst {
                let delimiterStart = position
                if try read(state.startDelimiter, orFail: "the template ends inside '\(String(state.startDelimiter))'") {
                    tagStart = delimiterStart
                    break
                }
                text.append(delimiterFirst)
                position += 1
            }
        }
        return text
    }

    /// A variable or section name: blanks, name characters, blanks, the end delimiter.
    private mutating func parseName(_ state: State) throws(Failure) -> String {
        skipWhitespace()
        let start = position
        while position < characters.count, Self.nameCharacters.contains(characters[position]) { position += 1 }
        let name = String(characters[start..<position])
        skipWhitespace()
        guard try read(state.endDelimiter, orFail: Self.unclosedTag(state)) else {
            throw Failure(message: Self.unclosedTag(state), position: position)
        }
        if name.contains("(") || name.contains(")") {
            throw unsupported("transforms ('\(name)') are not supported")
        }
        return name
    }

    private mutating func parsePartialName(_ state: State) throws(Failure) -> String {
        skipWhitespace()
        let start = position
        while position < characters.count, Self.partialNameCharacters.contains(characters[position]) { position += 1 }
        let name = String(characters[start..<position])
        skipWhitespace()
        guard try read(state.endDelimiter, orFail: Self.unclosedTag(state)) else {
            throw Failure(message: Self.unclosedTag(state), position: position)
        }
        return name
    }

    /// Skips to just past the end delimiter, matching it the way swift-mustache's
    /// `read(untilString:)` does (without backtracking: with the end delimiter `%>`, the text
    /// `%%>` does not end a comment).
    private mutating func skipComment(_ state: State) throws(Failure) {
        let start = position
        let end = state.endDelimiter
        var matched = 0
        while position < characters.count {
            if characters[position] == end[matched] {
                matched += 1
                if matched == end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw Failure(message: "a comment is not closed with '\(String(end))'", position: position)
    }

    /// `=<start> <end>=` followed by the current end delimiter.
    private mutating func parseSetDelimiter(_ state: State) throws(Failure) -> State {
        let invalid = "a set-delimiter tag is not of the form '\(String(state.startDelimiter))=<start> <end>=\(String(state.endDelimiter))'"
        skipWhitespace()
        guard let startDelimiter = readUntil({ $0.isWhitespace }) else {
            throw Failure(message: invalid, position: position)
        }
        skipWhitespace()
        guard let endDelimiter = readUntil({ $0 == "=" || $0.isWhitespace }) else {
            throw Failure(message: invalid, position: position)
        }
        skipWhitespace()
        guard try read("=", orFail: invalid), try read(state.endDelimiter, orFail: invalid),
            !startDelimiter.isEmpty, !endDelimiter.isEmpty
        else {
            throw Failure(message: invalid, position: position)
        }
        var newState = state
        newState.startDelimiter = startDelimiter
        newState.endDelimiter = endDelimiter
        return newState
    }

    /// Whether the tag just read is standalone; if so, reads the rest of its line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        if end < characters.count, characters[end].isNewline {
            position = end + 1
            return true
        }
        return false
    }

    // MARK: - Reading

    private var reachedEnd: Bool { position == characters.count }

    /// The current character; "\0" at the end (as swift-mustache's `current()`).
    private var current: Character { position < characters.count ? characters[position] : "\0" }

    private mutating func readSpacesAndTabs() -> String {
        let start = position
        while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func skipWhitespace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// Reads `expected` if the text continues with it. Fewer characters left than it has is an
    /// error, as in swift-mustache (`Parser.Error.overflow`), even when they differ.
    private mutating func read(_ expected: [Character], orFail message: @autoclosure () -> String) throws(Failure) -> Bool {
        guard characters.count - position >= expected.count else {
            throw Failure(message: message(), position: position)
        }
        for (offset, character) in expected.enumerated() where characters[position + offset] != character {
            return false
        }
        position += expected.count
        return true
    }

    /// Reads one `character` if it is next; at the end of the text, an error.
    private mutating func read(_ character: Character, orFail message: @autoclosure () -> String) throws(Failure) -> Bool {
        guard position < characters.count else {
            throw Failure(message: message(), position: position)
        }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    /// Reads up to the first character for which `isEnd` is true; nil (having read nothing)
    /// when there is none.
    private mutating func readUntil(_ isEnd: (Character) -> Bool) -> [Character]? {
        let start = position
        while position < characters.count {
            if isEnd(characters[position]) { return Array(characters[start..<position]) }
            position += 1
        }
        position = start
        return nil
    }

    // MARK: - Errors

    private static func unclosedTag(_ state: State) -> String {
        "a tag is not closed with '\(String(state.endDelimiter))'"
    }

    /// A construct of swift-mustache this engine leaves out, reported at the start of its tag.
    private func unsupported(_ message: String) -> Failure {
        Failure(message: message, position: tagStart)
    }

    /// The error for people, at the position swift-mustache's `Parser.getContext()` reports.
    private func syntaxError(_ failure: Failure) -> TemplateSyntaxError {
        var start = failure.position
        var column = 0
        while start > 0 {
            start -= 1
            if characters[start] == "\n" { break }
            column += 1
        }
        if start < characters.count, characters[start] == "\n" { start += 1 }
        var end = start
        while end < characters.count, characters[end] != "\n" { end += 1 }
        var line = 1
        for character in characters[0..<failure.position] where character.isNewline { line += 1 }
        return TemplateSyntaxError(
            message: failure.message, line: line, column: column + 1, lineText: String(characters[start..<end]))
    }

    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
