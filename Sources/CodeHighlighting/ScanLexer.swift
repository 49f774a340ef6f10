/// The lexer most languages share: one left-to-right scan over the bytes that knows comments,
/// strings, numbers, variables and words, driven by a `ScanSpec` table.
struct ScanLexer: Sendable {
    let spec: ScanSpec
    /// Per byte: whether it may start a comment, a string or a marker (most bytes start none,
    /// and skip those lists).
    let delimiterStarts: [Bool]

    init(spec: ScanSpec) {
        self.spec = spec
        var starts = Array(repeating: false, count: 256)
        let delimiters = spec.lineComments + spec.quotes.map(\.delimiter) + spec.markers + [spec.blockComment?.open ?? []]
        for delimiter in delimiters { if let first = delimiter.first { starts[Int(first)] = true } }
        if spec.preprocessorLines { starts[Int(UInt8(ascii: "#"))] = true }
        delimiterStarts = starts
    }

    func lex(_ code: [UInt8], _ range: Range<Int>, into tokens: inout TokenList) {
        var scan = Scan(spec: spec, delimiterStarts: delimiterStarts, code: code, end: range.upperBound, index: range.lowerBound, start: range.lowerBound)
        scan.run(&tokens)
    }
}

private struct Scan {
    let spec: ScanSpec
    let delimiterStarts: [Bool]
    let code: [UInt8]
    let end: Int
    var index: Int
    let start: Int
    /// Only blanks so far on this line.
    var atLineStart = true
    /// The line before ended with `\` (the line goes on).
    var continued = false
    var atStatementStart = true
    var expectFunctionName = false
    /// The last thing lexed was a type or a plain name (for `ScanSpec.declaredFunctions`).
    var afterTypeOrName = false

    init(spec: ScanSpec, delimiterStarts: [Bool], code: [UInt8], end: Int, index: Int, start: Int) {
        self.spec = spec
        self.delimiterStarts = delimiterStarts
        self.code = code
        self.end = end
        self.index = index
        self.start = start
    }

    private func matches(_ word: [UInt8]) -> Bool {
        index + word.count <= end && Bytes.matches(code, at: index, word)
    }

    private func lineEnd(from position: Int) -> Int { min(Bytes.lineEnd(code, from: position), end) }

    /// Whether `index` starts a word (nothing but blanks or `;`, `|`, `&`, `(` before it).
    private var atWordStart: Bool {
        guard index > start else { return true }
        let before = code[index - 1]
        return Bytes.isBlank(before) || before == Bytes.newline || before == UInt8(ascii: ";")
            || before == UInt8(ascii: "|") || before == UInt8(ascii: "&") || before == UInt8(ascii: "(")
    }

    mutating func run(_ tokens: inout TokenList) {
        if spec.shebang, index + 1 < end, code[index] == UInt8(ascii: "#"), code[index + 1] == UInt8(ascii: "!") {
            let stop = lineEnd(from: index)
            tokens.add(.preprocessor, index, stop)
            index = stop
        }
        while index < end {
            let byte = code[index]
            if byte == Bytes.newline {
                continued = lastNonBlank(before: index) == UInt8(ascii: "\\")
                atLineStart = true
                index += 1
                continue
            }
            if Bytes.isBlank(byte) {
                index += 1
                continue
            }
            let wasLineStart = atLineStart
            atLineStart = false
            let mayDelimit = delimiterStarts[Int(byte)]
            if mayDelimit, lexComment(&tokens, wasLineStart: wasLineStart) { continue }
            let typeOrName = afterTypeOrName
            afterTypeOrName = false
            if lexOther(&tokens, byte, mayDelimit: mayDelimit, wasLineStart: wasLineStart, afterTypeOrName: typeOrName) { continue }
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                atStatementStart = true
            }
            index += 1
        }
    }

    private func lastNonBlank(before position: Int) -> UInt8? {
        var cursor = position - 1
        while cursor >= start, Bytes.isBlank(code[cursor]) { cursor -= 1 }
        return cursor >= start ? code[cursor] : nil
    }

    /// Comments and preprocessor lines; they leave the statement state alone.
    private mutating func lexComment(_ tokens: inout TokenList, wasLineStart: Bool) -> Bool {
        let byte = code[index]
        if spec.preprocessorLines, wasLineStart, byte == UInt8(ascii: "#") {
            var stop = lineEnd(from: index)
            while stop < end, lastNonBlank(before: stop) == UInt8(ascii: "\\") { stop = lineEnd(from: stop + 1) }
            tokens.add(.preprocessor, index, stop)
            index = stop
            return true
        }
        if let (open, close) = spec.blockComment, matches(open) {
            var cursor = index + open.count
            while cursor < end, !(cursor + close.count <= end && Bytes.matches(code, at: cursor, close)) { cursor += 1 }
            let stop = min(end, cursor + close.count)
            tokens.add(.comment, index, stop)
            index = stop
            return true
        }
        for marker in spec.lineComments where matches(marker) {
            if spec.commentsNeedWordStart, !atWordStart { continue }
            let stop = lineEnd(from: index)
            tokens.add(.comment, index, stop)
            index = stop
            return true
        }
        return false
    }

    private mutating func lexOther(_ tokens: inout TokenList, _ byte: UInt8, mayDelimit: Bool, wasLineStart: Bool, afterTypeOrName: Bool) -> Bool {
        let statementStart = atStatementStart
        atStatementStart = false
        if mayDelimit {
            for marker in spec.markers where matches(marker) {
                tokens.add(.preprocessor, index, index + marker.count)
                index += marker.count
                return true
            }
            if let quote = spec.quotes.first(where: { matches($0.delimiter) }) {
                lexString(quote, from: index, &tokens)
                return true
            }
        }
        if spec.dollarVariables, byte == UInt8(ascii: "$"), let stop = variableEnd(at: index) {
            tokens.add(.variable, index, stop)
            index = stop
            return true
        }
        if spec.atAttributes, byte == UInt8(ascii: "@"), index + 1 < end, Bytes.isIdentifierStart(code[index + 1]) {
            let stop = identifierEnd(from: index + 1)
            tokens.add(.attribute, index, stop)
            index = stop
            return true
        }
        if Bytes.isDigit(byte), index == start || !isWordByte(code[index - 1]) {
            let stop = min(end, Bytes.numberEnd(code, from: index))
            tokens.add(.number, index, stop)
            index = stop
            return true
        }
        if Bytes.isIdentifierStart(byte) {
            lexWord(&tokens, wasLineStart: wasLineStart, statementStart: statementStart, afterTypeOrName: afterTypeOrName)
            return true
        }
        if spec.operators.contains(byte) {
            var stop = index + 1
            while stop < end, spec.operators.contains(code[stop]) { stop += 1 }
            tokens.add(.operator, index, stop)
            index = stop
            return true
        }
        return false
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        Bytes.isIdentifier(byte) || spec.wordBytes.contains(byte)
    }

    private func identifierEnd(from position: Int) -> Int {
        var cursor = position
        while cursor < end, isWordByte(code[cursor]) { cursor += 1 }
        // A word does not end in `-` or `.` (`cd -`, `end.`).
        while cursor > position + 1, spec.wordBytes.contains(code[cursor - 1]) { cursor -= 1 }
        return cursor
    }

    private mutating func lexWord(_ tokens: inout TokenList, wasLineStart: Bool, statementStart: Bool, afterTypeOrName: Bool) {
        let wordStart = index
        let stop = identifierEnd(from: index)
        index = stop
        // A string prefix: `f"…"`, `rb'…'`.
        if stop - wordStart <= 2, !spec.stringPrefixes.isEmpty,
           (wordStart..<stop).allSatisfy({ spec.stringPrefixes.contains(code[$0]) }),
           let quote = spec.quotes.first(where: { matches($0.delimiter) }) {
            lexString(quote, from: wordStart, &tokens)
            return
        }
        let range = wordStart..<stop
        if spec.assignments, stop < end, code[stop] == UInt8(ascii: "="), atWordStartOf(wordStart) {
            tokens.add(.variable, wordStart, stop)
            return
        }
        if wasLineStart, !continued, let kind = spec.lineStartWords.kind(of: code, range) {
            tokens.add(kind, wordStart, stop)
            return
        }
        if statementStart, let kind = spec.statementStart {
            tokens.add(kind, wordStart, stop)
            return
        }
        if expectFunctionName {
            expectFunctionName = false
            tokens.add(.function, wordStart, stop)
            return
        }
        let kind = spec.words.kind(of: code, range)
        if let kind {
            tokens.add(kind, wordStart, stop)
        } else if spec.declaredFunctions, afterTypeOrName, stop < end, code[stop] == UInt8(ascii: "(") {
            tokens.add(.function, wordStart, stop)
        }
        if spec.declaredFunctions { self.afterTypeOrName = kind == nil || kind == .type }
        if spec.functionDefiners.kind(of: code, range) != nil { expectFunctionName = true }
    }

    private func atWordStartOf(_ position: Int) -> Bool {
        position == start || Bytes.isBlank(code[position - 1]) || code[position - 1] == Bytes.newline
    }

    /// The end of a variable at `position` (`$`), nil when the `$` starts none.
    private func variableEnd(at position: Int) -> Int? {
        guard position + 1 < end else { return nil }
        let next = code[position + 1]
        if next == UInt8(ascii: "{") {
            var cursor = position + 2
            while cursor < end, code[cursor] != UInt8(ascii: "}"), code[cursor] != Bytes.newline { cursor += 1 }
            return cursor < end && code[cursor] == UInt8(ascii: "}") ? cursor + 1 : nil
        }
        if Bytes.isIdentifierStart(next) {
            var cursor = position + 2
            while cursor < end, Bytes.isIdentifier(code[cursor]) { cursor += 1 }
            return cursor
        }
        if Bytes.isDigit(next) || "?#@*!$-".utf8.contains(next) { return position + 2 }
        return nil
    }

    /// A string from `from` (its prefix or its opening delimiter) to its closing delimiter, the
    /// end of its line when it may not run on, or the end of the code.
    private mutating func lexString(_ quote: ScanSpec.Quote, from: Int, _ tokens: inout TokenList) {
        let close = quote.delimiter
        var cursor = index + close.count
        var pieces: [Token] = []
        var pieceStart = from
        var stop = end
        while cursor < end {
            let byte = code[cursor]
            if byte == Bytes.newline, !quote.multiline {
                stop = cursor
                break
            }
            if quote.escapes, byte == UInt8(ascii: "\\"), cursor + 1 < end, code[cursor + 1] != Bytes.newline || quote.multiline {
                var escapeEnd = cursor + 2
                while escapeEnd < end, code[escapeEnd] & 0xC0 == 0x80 { escapeEnd += 1 }
                pieces.append(Token(start: pieceStart, end: cursor, kind: .string))
                pieces.append(Token(start: cursor, end: escapeEnd, kind: .escape))
                cursor = escapeEnd
                pieceStart = cursor
                continue
            }
            if quote.variables, byte == UInt8(ascii: "$"), let variable = variableEnd(at: cursor) {
                pieces.append(Token(start: pieceStart, end: cursor, kind: .string))
                pieces.append(Token(start: cursor, end: variable, kind: .variable))
                cursor = variable
                pieceStart = cursor
                continue
            }
            if cursor + close.count <= end, Bytes.matches(code, at: cursor, close) {
                stop = cursor + close.count
                break
            }
            cursor += 1
        }
        pieces.append(Token(start: pieceStart, end: stop, kind: .string))
        index = stop
        if spec.keyStrings {
            var after = stop
            while after < end, Bytes.isBlank(code[after]) { after += 1 }
            if after < end, code[after] == UInt8(ascii: ":") {
                tokens.add(.tag, from, stop)
                return
            }
        }
        for piece in pieces { tokens.add(piece.kind, piece.start, piece.end) }
    }
}
