/// Byte classes the lexers share (code is lexed as UTF-8 bytes; every byte that matters to a
/// lexer is ASCII, and multi-byte characters only ever sit inside a token or plain text).
enum Bytes {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Starts an identifier: a letter, `_`, or any byte of a non-ASCII character.
    @inline(__always) static func isIdentifierStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    @inline(__always) static func isIdentifier(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == UInt8(ascii: "\r")
    }

    /// The end of the line that `index` is on (the index of its newline, or `count`).
    static func lineEnd(_ code: [UInt8], from index: Int) -> Int {
        var cursor = index
        while cursor < code.count, code[cursor] != newline { cursor += 1 }
        return cursor
    }

    /// Whether `code` holds `word` at `index`; `caseInsensitive` compares ASCII letters
    /// regardless of case (`word` in lower case).
    static func matches(_ code: [UInt8], at index: Int, _ word: [UInt8], caseInsensitive: Bool = false) -> Bool {
        guard index + word.count <= code.count else { return false }
        for offset in 0..<word.count {
            let byte = code[index + offset]
            let folded = caseInsensitive && isLetter(byte) ? byte | 0x20 : byte
            if folded != word[offset] { return false }
        }
        return true
    }

    /// The end of a number starting at `index` (digits, `0x…`, a fraction, an exponent, `_`
    /// separators and a type suffix letter run).
    static func numberEnd(_ code: [UInt8], from index: Int) -> Int {
        var cursor = index
        if code[cursor] == UInt8(ascii: "0"), cursor + 1 < code.count, code[cursor + 1] | 0x20 == UInt8(ascii: "x") {
            cursor += 2
            while cursor < code.count, isIdentifier(code[cursor]) { cursor += 1 }
            return cursor
        }
        while cursor < code.count {
            let byte = code[cursor]
            if isDigit(byte) || byte == UInt8(ascii: "_") {
                cursor += 1
            } else if byte == UInt8(ascii: "."), cursor + 1 < code.count, isDigit(code[cursor + 1]) {
                cursor += 1
            } else if byte | 0x20 == UInt8(ascii: "e"), cursor + 1 < code.count,
                      isDigit(code[cursor + 1]) || ((code[cursor + 1] == UInt8(ascii: "-") || code[cursor + 1] == UInt8(ascii: "+")) && cursor + 2 < code.count && isDigit(code[cursor + 2])) {
                cursor += 2
            } else {
                break
            }
        }
        while cursor < code.count, isLetter(code[cursor]) { cursor += 1 }
        return cursor
    }
}
