/// What RFC 8259 JSON does not allow but `JSONSerialization` (or a forgiving reader) takes:
/// trailing commas, comments, `NaN` and `Infinity`, numbers with a `+`, leading zeros or a bare
/// `.`, hexadecimal numbers, control characters and unknown escapes in strings, single quotes,
/// unquoted keys, whitespace JSON does not know (no-break space, form feed). Hugo (Go's
/// `encoding/json`) refuses all of them, so Chronicle does too: the first one found is the
/// error, at its UTF-8 offset. Checked without recursion (an explicit stack), so nesting depth
/// costs no stack.
enum JSONStrictness {
    struct Problem: Equatable {
        var message: String
        /// UTF-8 offset into the text.
        var offset: Int
    }

    private enum Expect {
        /// A value (after `:`, at the start, after `,` in a list: `afterComma` is then its offset).
        case value
        /// A value or `]`, right after `[`.
        case firstValueOrClose
        /// A key, after `,` in an object.
        case key
        /// A key or `}`, right after `{`.
        case firstKeyOrClose
        case colon
        case commaOrClose
        /// The top-level value is complete.
        case end
    }

    static func firstProblem(in text: String) -> Problem? {
        let bytes = Array(text.utf8)
        var stack: [(opener: UInt8, offset: Int)] = []
        var expect = Expect.value
        var lastComma = -1
        var index = 0
        while true {
            if let problem = skipWhitespace(bytes, &index) { return problem }
            guard index < bytes.count else {
                if expect == .end { return nil }
                if let open = stack.last {
                    return Problem(message: "'\(Character(Unicode.Scalar(open.opener)))' is never closed", offset: open.offset)
                }
                return Problem(message: "expected a value", offset: index)
            }
            let byte = bytes[index]
            switch expect {
            case .value, .firstValueOrClose:
                if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    if expect == .firstValueOrClose, byte == UInt8(ascii: "]") {
                        stack.removeLast()
                        index += 1
                        expect = stack.isEmpty ? .end : .commaOrClose
                        continue
                    }
                    if lastComma >= 0, stack.last?.opener == UInt8(ascii: "["), byte == UInt8(ascii: "]") {
                        return Problem(message: "trailing comma before ']': JSON allows none after the last item", offset: lastComma)
                    }
                    return Problem(message: "expected a value before '\(Character(Unicode.Scalar(byte)))'", offset: index)
                }
                lastComma = -1
                switch byte {
                case UInt8(ascii: "{"):
                    stack.append((byte, index))
                    index += 1
                    expect = .firstKeyOrClose
                case UInt8(ascii: "["):
                    stack.append((byte, index))
                    index += 1
                    expect = .firstValueOrClose
                default:
                    if let problem = scanScalar(bytes, &index) { return problem }
                    expect = stack.isEmpty ? .end : .commaOrClose
                }
            case .key, .firstKeyOrClose:
                if byte == UInt8(ascii: "}") {
                    if expect == .key {
                        return Problem(message: "trailing comma before '}': JSON allows none after the last member", offset: lastComma)
                    }
                    stack.removeLast()
                    index += 1
                    expect = stack.isEmpty ? .end : .commaOrClose
                    continue
                }
                lastComma = -1
                switch byte {
                case UInt8(ascii: "\""):
                    if let problem = scanString(bytes, &index) { return problem }
                    expect = .colon
                case UInt8(ascii: "'"):
                    return Problem(message: "keys are written in double quotes, not single quotes", offset: index)
                default:
                    let word = token(bytes, from: index)
                    let shown = word.isEmpty ? "" : " (\"\(word)\")"
                    return Problem(message: "expected a key in double quotes\(shown)", offset: index)
                }
            case .colon:
                guard byte == UInt8(ascii: ":") else {
                    return Problem(message: "expected ':' after the key", offset: index)
                }
                index += 1
                expect = .value
            case .commaOrClose:
                let open = stack[stack.count - 1].opener
                let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if byte == UInt8(ascii: ",") {
                    lastComma = index
                    index += 1
                    expect = open == UInt8(ascii: "{") ? .key : .value
                } else if byte == close {
                    stack.removeLast()
                    index += 1
                    expect = stack.isEmpty ? .end : .commaOrClose
                } else if Array("\"'{[-0123456789tfnNI".utf8).contains(byte) {
                    return Problem(message: "expected ',' before this value", offset: index)
                } else {
                    return Problem(
                        message: "expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describe(bytes, at: index))",
                        offset: index)
                }
            case .end:
                return Problem(message: "unexpected \(describe(bytes, at: index)) after the end of the JSON value", offset: index)
            }
        }
    }

    /// Skips JSON whitespace (space, tab, line feed, carriage return); reports comments and
    /// whitespace JSON does not allow.
    private static func skipWhitespace(_ bytes: [UInt8], _ index: inout Int) -> Problem? {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case UInt8(ascii: "/") where index + 1 < bytes.count
                && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")):
                return Problem(message: "comments are not allowed in JSON", offset: index)
            case UInt8(ascii: "#"):
                return Problem(message: "comments are not allowed in JSON", offset: index)
            case 0x0B, 0x0C:
                return Problem(message: "\(describe(bytes, at: index)) is not whitespace in JSON", offset: index)
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0:
                return Problem(message: "a no-break space (U+00A0) is not whitespace in JSON", offset: index)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 || bytes[index + 2] == 0x8B):
                return Problem(message: "\(describe(bytes, at: index)) is not whitespace in JSON", offset: index)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
                return Problem(message: "a byte order mark (U+FEFF) is not whitespace in JSON", offset: index)
            default:
                return nil
            }
        }
        return nil
    }

    /// A string, number, `true`, `false` or `null` at `index`; moves past it.
    private static func scanScalar(_ bytes: [UInt8], _ index: inout Int) -> Problem? {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") { return scanString(bytes, &index) }
        if byte == UInt8(ascii: "'") {
            return Problem(message: "strings are written in double quotes, not single quotes", offset: index)
        }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || (byte >= 0x30 && byte <= 0x39) {
            return scanNumber(bytes, &index)
        }
        let word = token(bytes, from: index)
        switch word {
        case "true", "false", "null":
            index += word.utf8.count
            return nil
        case "NaN", "nan", "Infinity", "infinity", "inf", "Inf":
            return Problem(message: "'\(word)' is not a JSON number: JSON has no NaN or Infinity", offset: index)
        case "":
            return Problem(message: "expected a value, found \(describe(bytes, at: index))", offset: index)
        default:
            if ["true", "false", "null"].contains(word.lowercased()) {
                return Problem(message: "'\(word)' is not a JSON value: true, false and null are written in lower case", offset: index)
            }
            return Problem(message: "'\(word)' is not a JSON value: strings are written in double quotes", offset: index)
        }
    }

    /// A number as RFC 8259 has it: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    private static func scanNumber(_ bytes: [UInt8], _ index: inout Int) -> Problem? {
        let start = index
        let word = token(bytes, from: start)
        func digit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        func bad(_ why: String) -> Problem { Problem(message: "'\(word)' is not a JSON number: \(why)", offset: start) }
        var at = index
        if bytes[at] == UInt8(ascii: "+") { return bad("no '+' before a number") }
        if bytes[at] == UInt8(ascii: "-") {
            at += 1
            if word == "-Infinity" || word == "-inf" { return bad("JSON has no NaN or Infinity") }
        }
        guard digit(at) else { return bad("a digit must come before '.'") }
        if bytes[at] == UInt8(ascii: "0"), digit(at + 1) { return bad("no leading zeros") }
        while digit(at) { at += 1 }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digit(at) else { return bad("a digit must follow '.'") }
            while digit(at) { at += 1 }
        }
        if at < bytes.count, bytes[at] | 0x20 == UInt8(ascii: "e") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digit(at) else { return bad("the exponent has no digits") }
            while digit(at) { at += 1 }
        }
        if at < bytes.count, isWordByte(bytes[at]) || bytes[at] == UInt8(ascii: ".") {
            return bad(word.hasPrefix("0x") || word.hasPrefix("0X") || word.hasPrefix("-0x")
                ? "no hexadecimal numbers" : "unexpected '\(Character(Unicode.Scalar(bytes[at])))'")
        }
        index = at
        return nil
    }

    /// A string starting at the `"` at `index`; moves past its closing quote.
    private static func scanString(_ bytes: [UInt8], _ index: inout Int) -> Problem? {
        let start = index
        var at = index + 1
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                index = at + 1
                return nil
            }
            if byte < 0x20 {
                let escape: String = switch byte {
                case 0x0A: #"\n"#
                case 0x0D: #"\r"#
                case 0x09: #"\t"#
                default: #"\u00"# + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
                return Problem(
                    message: "\(describe(bytes, at: at)) inside a string: JSON needs it written as \(escape)", offset: at)
            }
            if byte == UInt8(ascii: "\\") {
                guard at + 1 < bytes.count else { break }
                let next = bytes[at + 1]
                if Array(#""\/bfnrt"#.utf8).contains(next) {
                    at += 2
                    continue
                }
                if next == UInt8(ascii: "u") {
                    let hex = bytes[min(at + 2, bytes.count)..<min(at + 6, bytes.count)]
                    guard hex.count == 4, hex.allSatisfy(isHexDigit) else {
                        return Problem(message: #"'\u' must be followed by four hexadecimal digits"#, offset: at)
                    }
                    at += 6
                    continue
                }
                var end = at + 2
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let shown = String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
                return Problem(
                    message: #"'\"# + shown + #"' is not a JSON escape (JSON has \" \\ \/ \b \f \n \r \t \uXXXX)"#,
                    offset: at)
            }
            at += 1
        }
        return Problem(message: "string is never closed: the closing '\"' is missing", offset: start)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_")
    }

    /// The run of letters, digits, `_`, `.`, `+` and `-` at `index` (a word or a number as written).
    private static func token(_ bytes: [UInt8], from index: Int) -> String {
        var end = index
        while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: ".")
            || ((bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: "-"))
                && (end == index || bytes[end - 1] | 0x20 == UInt8(ascii: "e"))) {
            end += 1
        }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    /// A character for a message: `'x'`, or its code point and name for invisible ones.
    private static func describe(_ bytes: [UInt8], at index: Int) -> String {
        let byte = bytes[index]
        switch byte {
        case 0x09: return "a tab (U+0009)"
        case 0x0A: return "a line break (U+000A)"
        case 0x0D: return "a carriage return (U+000D)"
        case 0x0B: return "a vertical tab (U+000B)"
        case 0x0C: return "a form feed (U+000C)"
        case 0x00..<0x20, 0x7F: return "control character U+00" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        default:
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let character = String(decoding: bytes[index..<end], as: UTF8.self)
            if let scalar = character.unicodeScalars.first, scalar.value > 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                if scalar.value == 0x2028 { return "a line separator (U+2028)" }
                if scalar.value == 0x2029 { return "a paragraph separator (U+2029)" }
                if scalar.value == 0x200B { return "a zero-width space (U+200B)" }
                return "'\(character)' (U+\(hex))"
            }
            return "'\(character)'"
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
