/// INI files and TOML, line by line: `[section]` headers, `key = value` lines and comments.
/// INI values are strings; TOML values are lexed as TOML (strings, numbers, dates, booleans).
enum KeyValueLexer {
    private static let multilineQuotes = ScanSpec.bytes("\"\"\"", "'''")

    static func lex(_ code: [UInt8], _ range: Range<Int>, toml: ScanLexer?, into tokens: inout TokenList) {
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = min(Bytes.lineEnd(code, from: lineStart), range.upperBound)
            var cursor = lineStart
            while cursor < lineEnd, Bytes.isBlank(code[cursor]) { cursor += 1 }
            if cursor < lineEnd {
                let first = code[cursor]
                if first == UInt8(ascii: "#") || (first == UInt8(ascii: ";") && toml == nil) {
                    tokens.add(.comment, cursor, lineEnd)
                } else if first == UInt8(ascii: "[") {
                    var close = lineEnd
                    while close > cursor, code[close - 1] != UInt8(ascii: "]") { close -= 1 }
                    let headerEnd = close > cursor ? close : lineEnd
                    tokens.add(.keyword, cursor, headerEnd)
                    if let toml { toml.lex(code, headerEnd..<lineEnd, into: &tokens) }
                } else {
                    lineEnd = keyValue(code, cursor, lineEnd, range.upperBound, toml: toml, &tokens)
                }
            }
            lineStart = lineEnd + 1
        }
    }

    /// One `key = value` line from `start`; returns where the line (or the TOML multi-line
    /// string its value starts) ends.
    private static func keyValue(
        _ code: [UInt8], _ start: Int, _ lineEnd: Int, _ limit: Int, toml: ScanLexer?, _ tokens: inout TokenList
    ) -> Int {
        var equals = start
        while equals < lineEnd, code[equals] != UInt8(ascii: "="), toml != nil || code[equals] != UInt8(ascii: ":") { equals += 1 }
        guard equals < lineEnd else {
            if let toml { toml.lex(code, start..<lineEnd, into: &tokens) }
            return lineEnd
        }
        var keyEnd = equals
        while keyEnd > start, Bytes.isBlank(code[keyEnd - 1]) { keyEnd -= 1 }
        tokens.add(.tag, start, keyEnd)
        tokens.add(.operator, equals, equals + 1)
        var valueStart = equals + 1
        while valueStart < lineEnd, Bytes.isBlank(code[valueStart]) { valueStart += 1 }
        guard let toml else {
            var valueEnd = lineEnd
            while valueEnd > valueStart, Bytes.isBlank(code[valueEnd - 1]) { valueEnd -= 1 }
            tokens.add(.string, valueStart, valueEnd)
            return lineEnd
        }
        // A multi-line string runs on to its closing quotes.
        var stop = lineEnd
        for delimiter in multilineQuotes where Bytes.matches(code, at: valueStart, delimiter) {
            var cursor = valueStart + 3
            while cursor < limit, !Bytes.matches(code, at: cursor, delimiter) { cursor += 1 }
            stop = max(lineEnd, min(limit, Bytes.lineEnd(code, from: min(limit, cursor))))
        }
        // A date or time (`2024-01-02T10:00:00Z`) is one literal.
        if valueStart < stop, Bytes.isDigit(code[valueStart]) {
            var cursor = valueStart
            while cursor < stop, Bytes.isIdentifier(code[cursor]) || ":-+.".utf8.contains(code[cursor]) { cursor += 1 }
            let literal = code[valueStart..<cursor]
            if literal.contains(UInt8(ascii: "-")) || literal.contains(UInt8(ascii: ":")) {
                tokens.add(.number, valueStart, cursor)
                toml.lex(code, cursor..<stop, into: &tokens)
                return stop
            }
        }
        toml.lex(code, valueStart..<stop, into: &tokens)
        return stop
    }
}
