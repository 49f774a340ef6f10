/// One shortcode tag as written: `{{< name args >}}`, `{{< name />}}` or `{{< /name >}}`.
struct ShortcodeTag: Sendable {
    enum Role: Sendable { case open, selfClosing, close }

    var role: Role
    var name: String
    var arguments: [ShortcodeArgument]
    /// Written with `{{%` … `%}}`.
    var isMarkdownForm: Bool
    /// Byte range of the whole tag in the lexed text.
    var start: Int
    var end: Int

    /// The tag's closing form as people write it, for messages: `{{< /name >}}`.
    var closingText: String {
        isMarkdownForm ? "{{% /\(name) %}}" : "{{< /\(name) >}}"
    }
}

/// A piece of a body as the lexer sees it.
enum ShortcodeLexeme: Sendable {
    /// Markdown, a byte range of the lexed text.
    case text(start: Int, end: Int)
    /// The escape form `{{</* x */>}}`, already turned into the literal `{{< x >}}`.
    case literal(String, start: Int)
    case tag(ShortcodeTag)
}

/// A problem the lexer found; `offset` is a byte offset into the lexed text.
struct ShortcodeProblem: Sendable {
    var code: String
    var message: String
    var offset: Int
}

/// Splits a body into text, escaped literals and shortcode tags (DESIGN.md §6). Works on UTF-8
/// bytes; every `{{<` / `{{%` is a tag, also inside code blocks, as in Hugo.
struct ShortcodeLexer {
    private let bytes: [UInt8]
    /// Argument offsets are reported relative to this (the body's offset in its file).
    private let baseOffset: Int
    private(set) var lexemes: [ShortcodeLexeme] = []
    private(set) var problems: [ShortcodeProblem] = []

    init(bytes: [UInt8], baseOffset: Int) {
        self.bytes = bytes
        self.baseOffset = baseOffset
    }

    static func lex(_ bytes: [UInt8], baseOffset: Int) -> (lexemes: [ShortcodeLexeme], problems: [ShortcodeProblem]) {
        var lexer = ShortcodeLexer(bytes: bytes, baseOffset: baseOffset)
        lexer.run()
        return (lexer.lexemes, lexer.problems)
    }

    private mutating func run() {
        var index = 0
        var textStart = 0
        while index + 2 < bytes.count {
            guard bytes[index] == open, isTagStart(index) else {
                index += 1
                continue
            }
            let result = tag(at: index)
            switch result {
            case .tag(let tag):
                flushText(textStart, index)
                lexemes.append(.tag(tag))
                index = tag.end
                textStart = index
            case .literal(let text, let end):
                flushText(textStart, index)
                lexemes.append(.literal(text, start: index))
                index = end
                textStart = index
            case .notATag:
                index += 3
            }
        }
        flushText(textStart, bytes.count)
    }

    private mutating func flushText(_ start: Int, _ end: Int) {
        if end > start { lexemes.append(.text(start: start, end: end)) }
    }

    // MARK: - Tags

    private enum TagResult {
        case tag(ShortcodeTag)
        case literal(String, end: Int)
        /// Reported as a problem; the bytes stay text.
        case notATag
    }

    private func isTagStart(_ index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == open && bytes[index + 1] == open
            && (bytes[index + 2] == angle || bytes[index + 2] == percent)
    }

    private mutating func tag(at start: Int) -> TagResult {
        let marker = bytes[start + 2]
        let isMarkdown = marker == percent
        let closer = [isMarkdown ? percent : UInt8(ascii: ">"), close, close]
        let closerText = isMarkdown ? "%}}" : ">}}"
        let opener = isMarkdown ? "{{%" : "{{<"
        var index = start + 3
        skipSpace(&index)

        // The escape form: {{</* name */>}} prints {{< name >}}.
        if starts(index, [slash, star]) {
            var search = index + 2
            while search + 1 < bytes.count {
                if bytes[search] == star, bytes[search + 1] == slash {
                    var end = search + 2
                    skipSpace(&end)
                    if starts(end, closer) {
                        let inner = String(decoding: bytes[(index + 2)..<search], as: UTF8.self)
                        let mark = isMarkdown ? "%" : "<"
                        let closeMark = isMarkdown ? "%" : ">"
                        return .literal("{{" + mark + inner + closeMark + "}}", end: end + 3)
                    }
                }
                search += 1
            }
            report("shortcode.syntax", "unterminated escaped shortcode: '*/\(closerText)' is missing", start)
            return .notATag
        }

        // A closing tag: {{< /name >}}
        if index < bytes.count, bytes[index] == slash {
            index += 1
            skipSpace(&index)
            let name = readName(&index)
            guard !name.isEmpty else {
                report("shortcode.syntax", "expected a shortcode name after '\(opener) /'", start)
                return .notATag
            }
            skipSpace(&index)
            if starts(index, closer) {
                return .tag(ShortcodeTag(
                    role: .close, name: name, arguments: [], isMarkdownForm: isMarkdown,
                    start: start, end: index + 3))
            }
            if let end = findCloser(from: index, closer) {
                report("shortcode.syntax", "closing tag of '\(name)' takes no arguments", start)
                return .tag(ShortcodeTag(
                    role: .close, name: name, arguments: [], isMarkdownForm: isMarkdown,
                    start: start, end: end + 3))
            }
            report("shortcode.syntax", "unterminated closing tag of '\(name)': '\(closerText)' is missing", start)
            return .notATag
        }

        // An opening or self-closing tag: {{< name args >}}, {{< name args />}}
        let name = readName(&index)
        guard !name.isEmpty else {
            report("shortcode.syntax", "expected a shortcode name after '\(opener)'", start)
            return .notATag
        }
        var arguments: [ShortcodeArgument] = []
        var role = ShortcodeTag.Role.open
        var end = start
        let problemsBefore = problems.count
        argumentLoop: while true {
            skipSpace(&index)
            if index >= bytes.count || isTagStart(index) {
                problems.removeSubrange(problemsBefore...)
                report("shortcode.syntax", "unterminated shortcode '\(name)': '\(closerText)' is missing", start)
                return .notATag
            }
            if starts(index, closer) {
                end = index + 3
                break
            }
            if let selfClose = selfCloser(at: index, closer) {
                role = .selfClosing
                end = selfClose
                break
            }
            if bytes[index] == equals {
                report("shortcode.argument", "'=' without an argument name in shortcode '\(name)'", start)
                index += 1
                skipSpace(&index)
                if !atTagEnd(index, closer), index < bytes.count, !isTagStart(index),
                   readValue(&index, closer) == nil {
                    guard unbalanced(name, start: start, from: index, closer, &role, &end) else { return .notATag }
                    break argumentLoop
                }
                continue
            }
            let argumentStart = index
            guard let first = readValue(&index, closer) else {
                guard unbalanced(name, start: start, from: argumentStart, closer, &role, &end) else { return .notATag }
                break argumentLoop
            }
            var probe = index
            skipSpace(&probe)
            if probe < bytes.count, bytes[probe] == equals {
                index = probe + 1
                skipSpace(&index)
                if first.quoted || !Self.isValidArgumentName(first.text) {
                    report("shortcode.argument", "invalid argument name '\(first.written)' in shortcode '\(name)'", start)
                }
                if atTagEnd(index, closer) || index >= bytes.count || isTagStart(index) {
                    report("shortcode.argument", "argument '\(first.text)' of shortcode '\(name)' has no value", start)
                    continue
                }
                guard let value = readValue(&index, closer) else {
                    guard unbalanced(name, start: start, from: index, closer, &role, &end) else { return .notATag }
                    break argumentLoop
                }
                arguments.append(ShortcodeArgument(
                    name: first.text, value: value.text, quoted: value.quoted, offset: baseOffset + argumentStart))
            } else {
                arguments.append(ShortcodeArgument(
                    name: nil, value: first.text, quoted: first.quoted, offset: baseOffset + argumentStart))
            }
        }

        let named = arguments.contains { $0.name != nil }
        let positional = arguments.contains { $0.name == nil }
        if named && positional {
            report("shortcode.argument", "shortcode '\(name)' mixes named and positional arguments", start)
        }
        return .tag(ShortcodeTag(
            role: role, name: name, arguments: arguments, isMarkdownForm: isMarkdown, start: start, end: end))
    }

    /// Reports an unbalanced quote. When the tag's closing delimiter follows, the tag ends
    /// there (so its closing tag still pairs) and this returns true.
    private mutating func unbalanced(
        _ name: String, start: Int, from index: Int, _ closer: [UInt8],
        _ role: inout ShortcodeTag.Role, _ end: inout Int
    ) -> Bool {
        report("shortcode.syntax", "unbalanced quote in shortcode '\(name)'", start)
        guard let closeAt = findCloser(from: index, closer) else { return false }
        role = .open
        end = closeAt + 3
        return true
    }

    // MARK: - Pieces

    private struct Value {
        var text: String
        var quoted: Bool
        /// As written, for messages.
        var written: String
    }

    /// A quoted (`"…"` with `\"` escapes), raw (`` `…` ``) or bare value; nil for an unbalanced
    /// quote (a `"` string runs into the tag's closing delimiter or the end of the text).
    private func readValue(_ index: inout Int, _ closer: [UInt8]) -> Value? {
        let start = index
        if bytes[index] == quote {
            var cursor = index + 1
            var text: [UInt8] = []
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte == backslash, cursor + 1 < bytes.count, bytes[cursor + 1] == quote {
                    text.append(quote)
                    cursor += 2
                    continue
                }
                if byte == quote {
                    index = cursor + 1
                    let value = String(decoding: text, as: UTF8.self)
                    return Value(text: value, quoted: true, written: String(decoding: bytes[start..<index], as: UTF8.self))
                }
                if starts(cursor, closer) { return nil }
                text.append(byte)
                cursor += 1
            }
            return nil
        }
        if bytes[index] == backtick {
            guard let end = bytes[(index + 1)...].firstIndex(of: backtick) else { return nil }
            let value = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            index = end + 1
            return Value(text: value, quoted: true, written: String(decoding: bytes[start..<index], as: UTF8.self))
        }
        var cursor = index
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if isSpace(byte) || byte == equals || byte == quote || byte == backtick
                || starts(cursor, closer) || selfCloser(at: cursor, closer) != nil || isTagStart(cursor) {
                break
            }
            cursor += 1
        }
        index = cursor
        let text = String(decoding: bytes[start..<cursor], as: UTF8.self)
        return Value(text: text, quoted: false, written: text)
    }

    /// A shortcode name: letters, digits, `_`, `-`, `.`, and `/` between name characters.
    private func readName(_ index: inout Int) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if isNameByte(byte) || (byte == dot && index > start) {
                index += 1
            } else if byte == slash, index > start, index + 1 < bytes.count, isNameByte(bytes[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    static func isValidArgumentName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
            || byte == underscore || byte == hyphen || byte >= 0x80
    }

    /// The end of `/>}}` (with optional space before `>}}`) at `index`, else nil.
    private func selfCloser(at index: Int, _ closer: [UInt8]) -> Int? {
        guard index < bytes.count, bytes[index] == slash else { return nil }
        var cursor = index + 1
        skipSpace(&cursor)
        return starts(cursor, closer) ? cursor + 3 : nil
    }

    private func atTagEnd(_ index: Int, _ closer: [UInt8]) -> Bool {
        starts(index, closer) || selfCloser(at: index, closer) != nil
    }

    /// The next closing delimiter before the next tag start, if any.
    private func findCloser(from index: Int, _ closer: [UInt8]) -> Int? {
        var cursor = index
        while cursor < bytes.count {
            if starts(cursor, closer) { return cursor }
            if isTagStart(cursor) { return nil }
            cursor += 1
        }
        return nil
    }

    private func starts(_ index: Int, _ sequence: [UInt8]) -> Bool {
        guard index >= 0, index + sequence.count <= bytes.count else { return false }
        for (offset, byte) in sequence.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    private func skipSpace(_ index: inout Int) {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    private mutating func report(_ code: String, _ message: String, _ offset: Int) {
        problems.append(ShortcodeProblem(code: code, message: message, offset: offset))
    }

    private let open = UInt8(ascii: "{")
    private let close = UInt8(ascii: "}")
    private let angle = UInt8(ascii: "<")
    private let percent = UInt8(ascii: "%")
    private let slash = UInt8(ascii: "/")
    private let star = UInt8(ascii: "*")
    private let equals = UInt8(ascii: "=")
    private let quote = UInt8(ascii: "\"")
    private let backtick = UInt8(ascii: "`")
    private let backslash = UInt8(ascii: "\\")
    private let underscore = UInt8(ascii: "_")
    private let hyphen = UInt8(ascii: "-")
    private let dot = UInt8(ascii: ".")
}
