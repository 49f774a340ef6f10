/// YAML, line by line: keys, list dashes, quoted strings, comments, anchors and aliases, plain
/// values that are constants or numbers, and the lines of block scalars (`|`, `>`).
enum YAMLLexer {
    private static let constants = WordTable([
        .constant: "true false yes no on off null True False Yes No On Off Null TRUE FALSE NULL ~",
    ])

    private static let documentStart = Array("---".utf8)
    private static let documentEnd = Array("...".utf8)

    static func lex(_ code: [UInt8], _ range: Range<Int>, into tokens: inout TokenList) {
        var lineStart = range.lowerBound
        // The indentation of the line that opened a block scalar, while its lines go on.
        var blockIndent: Int?
        while lineStart < range.upperBound {
            let lineEnd = min(Bytes.lineEnd(code, from: lineStart), range.upperBound)
            var cursor = lineStart
            while cursor < lineEnd, code[cursor] == Bytes.space { cursor += 1 }
            let indent = cursor - lineStart
            if let scalarIndent = blockIndent {
                if cursor == lineEnd { lineStart = lineEnd + 1; continue }
                if indent > scalarIndent {
                    tokens.add(.string, cursor, lineEnd)
                    lineStart = lineEnd + 1
                    continue
                }
                blockIndent = nil
            }
            if indent == 0, Bytes.matches(code, at: cursor, documentStart) || Bytes.matches(code, at: cursor, documentEnd) {
                tokens.add(.preprocessor, cursor, cursor + 3)
                cursor += 3
            }
            if line(code, cursor, lineEnd, &tokens) { blockIndent = indent }
            lineStart = lineEnd + 1
        }
    }

    /// Lexes one line from `start`; true when it opens a block scalar.
    private static func line(_ code: [UInt8], _ start: Int, _ end: Int, _ tokens: inout TokenList) -> Bool {
        var cursor = start
        while cursor < end {
            while cursor < end, Bytes.isBlank(code[cursor]) { cursor += 1 }
            guard cursor < end else { return false }
            let byte = code[cursor]
            if byte == UInt8(ascii: "#") {
                tokens.add(.comment, cursor, end)
                return false
            }
            if byte == UInt8(ascii: "-"), cursor + 1 == end || Bytes.isBlank(code[cursor + 1]) {
                tokens.add(.operator, cursor, cursor + 1)
                cursor += 1
                continue
            }
            if let keyEnd = keyEnd(code, cursor, end) {
                tokens.add(.tag, cursor, keyEnd)
                cursor = keyEnd + 1
                continue
            }
            return value(code, cursor, end, &tokens)
        }
        return false
    }

    /// The end of a key (`name:`, `"quoted name":`) at `start`: the index of its colon.
    private static func keyEnd(_ code: [UInt8], _ start: Int, _ end: Int) -> Int? {
        let first = code[start]
        if "[{&*!|>'\"".utf8.contains(first) && first != UInt8(ascii: "'") && first != UInt8(ascii: "\"") { return nil }
        var cursor = start
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            cursor += 1
            while cursor < end, code[cursor] != first { cursor += code[cursor] == UInt8(ascii: "\\") && first == UInt8(ascii: "\"") ? 2 : 1 }
            cursor += 1
            guard cursor < end, code[cursor] == UInt8(ascii: ":") else { return nil }
        } else {
            while cursor < end {
                let byte = code[cursor]
                if byte == UInt8(ascii: "#"), cursor > start, Bytes.isBlank(code[cursor - 1]) { return nil }
                if byte == UInt8(ascii: ":"), cursor + 1 == end || Bytes.isBlank(code[cursor + 1]) { break }
                cursor += 1
            }
            guard cursor < end else { return nil }
        }
        return cursor + 1 == end || Bytes.isBlank(code[cursor + 1]) ? cursor : nil
    }

    /// A value from `start` to the end of the line; true when it opens a block scalar.
    private static func value(_ code: [UInt8], _ start: Int, _ end: Int, _ tokens: inout TokenList) -> Bool {
        let first = code[start]
        if first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
            var cursor = start + 1
            while cursor < end, !Bytes.isBlank(code[cursor]) { cursor += 1 }
            tokens.add(.operator, start, cursor)
            while cursor < end, Bytes.isBlank(code[cursor]) { cursor += 1 }
            if cursor < end, code[cursor] == UInt8(ascii: "#") { tokens.add(.comment, cursor, end) }
            return true
        }
        var cursor = start
        while cursor < end {
            let byte = code[cursor]
            if Bytes.isBlank(byte) || "[]{},".utf8.contains(byte) {
                cursor += 1
                continue
            }
            if byte == UInt8(ascii: "#"), cursor == start || Bytes.isBlank(code[cursor - 1]) {
                tokens.add(.comment, cursor, end)
                return false
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                cursor = quoted(code, cursor, end, &tokens)
                continue
            }
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), cursor + 1 < end, !Bytes.isBlank(code[cursor + 1]) {
                var stop = cursor + 1
                while stop < end, !Bytes.isBlank(code[stop]), !",]}".utf8.contains(code[stop]) { stop += 1 }
                tokens.add(.variable, cursor, stop)
                cursor = stop
                continue
            }
            // A plain scalar: up to a flow delimiter inside `[…]`/`{…}`, else to a comment.
            let inFlow = code[start] == UInt8(ascii: "[") || code[start] == UInt8(ascii: "{")
            var stop = cursor
            while stop < end {
                let next = code[stop]
                if inFlow && ",]}".utf8.contains(next) { break }
                if next == UInt8(ascii: "#"), Bytes.isBlank(code[stop - 1]) { break }
                if inFlow, next == UInt8(ascii: ":"), stop + 1 == end || Bytes.isBlank(code[stop + 1]) { break }
                stop += 1
            }
            var trimmed = stop
            while trimmed > cursor, Bytes.isBlank(code[trimmed - 1]) { trimmed -= 1 }
            if inFlow, stop < end, code[stop] == UInt8(ascii: ":") {
                tokens.add(.tag, cursor, trimmed)
                cursor = stop + 1
                continue
            }
            if let kind = scalarKind(code, cursor..<trimmed) { tokens.add(kind, cursor, trimmed) }
            cursor = stop
        }
        return false
    }

    private static func quoted(_ code: [UInt8], _ start: Int, _ end: Int, _ tokens: inout TokenList) -> Int {
        let quote = code[start]
        var cursor = start + 1
        var pieceStart = start
        while cursor < end {
            let byte = code[cursor]
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), cursor + 1 < end {
                tokens.add(.string, pieceStart, cursor)
                tokens.add(.escape, cursor, cursor + 2)
                cursor += 2
                pieceStart = cursor
                continue
            }
            if byte == quote {
                // `''` inside single quotes is a quote.
                if quote == UInt8(ascii: "'"), cursor + 1 < end, code[cursor + 1] == quote {
                    cursor += 2
                    continue
                }
                cursor += 1
                break
            }
            cursor += 1
        }
        tokens.add(.string, pieceStart, cursor)
        return cursor
    }

    private static func scalarKind(_ code: [UInt8], _ range: Range<Int>) -> TokenKind? {
        guard !range.isEmpty else { return nil }
        if let kind = constants.kind(of: code, range) { return kind }
        var cursor = range.lowerBound
        if code[cursor] == UInt8(ascii: "-") || code[cursor] == UInt8(ascii: "+") { cursor += 1 }
        guard cursor < range.upperBound, Bytes.isDigit(code[cursor]) || code[cursor] == UInt8(ascii: ".") else { return nil }
        return Bytes.numberEnd(code, from: cursor) == range.upperBound ? .number : nil
    }
}
