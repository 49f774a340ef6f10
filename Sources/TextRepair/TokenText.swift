/// A text as a sequence of tokens, to find a phrase whatever the markup, punctuation and line
/// breaks around it: words (letters and digits, ASCII or not) and single non-ASCII symbols ("–",
/// "„", "€"). ASCII punctuation and spaces only separate tokens.
struct TokenText {
    /// Every token, each followed by a space, after one leading space: " Ihre Bestellung über 3 ".
    private let joined: [UInt8]

    init(_ bytes: [UInt8]) {
        var joined: [UInt8] = [0x20]
        joined.reserveCapacity(bytes.count + 1)
        for token in TokenText.tokens(bytes, 0..<bytes.count) {
            joined.append(contentsOf: bytes[token])
            joined.append(0x20)
        }
        self.joined = joined
    }

    /// Whether the tokens `phrase` occur one after the other.
    func contains(_ phrase: [ArraySlice<UInt8>]) -> Bool {
        var needle: [UInt8] = [0x20]
        for token in phrase {
            needle.append(contentsOf: token)
            needle.append(0x20)
        }
        guard needle.count <= joined.count else { return false }
        let first = needle[1]
        var index = 0
        while index + needle.count <= joined.count {
            if joined[index + 1] == first && joined[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// The byte ranges of the tokens of `bytes[range]` (valid UTF-8).
    static func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var wordStart = -1
        var index = range.lowerBound
        func closeWord(at end: Int) {
            if wordStart >= 0 { result.append(wordStart..<end) }
            wordStart = -1
        }
        while index < range.upperBound {
            let start = index
            let byte = bytes[index]
            let scalar: UInt32
            if byte < 0x80 {
                scalar = UInt32(byte)
                index += 1
            } else if byte < 0xE0 {
                scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if byte < 0xF0 {
                scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                    | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                scalar = (UInt32(byte & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                    | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            if ScalarTraits.isLetterOrDigit(scalar) {
                if wordStart < 0 { wordStart = start }
                continue
            }
            if scalar < 0x80 || isSpace(scalar) {
                closeWord(at: start)
                continue
            }
            if isJoining(scalar) {
                // Part of the token before it (an accent, a variation selector, a joiner).
                if wordStart < 0, let last = result.last, last.upperBound == start {
                    result[result.count - 1] = last.lowerBound..<index
                }
                continue
            }
            closeWord(at: start)
            result.append(start..<index)
        }
        closeWord(at: range.upperBound)
        return result
    }

    private static func isSpace(_ scalar: UInt32) -> Bool {
        scalar == 0xA0 || (scalar >= 0x2000 && scalar <= 0x200B) || scalar == 0x202F || scalar == 0x205F
            || scalar == 0x3000 || scalar == 0xFEFF
    }

    private static func isJoining(_ scalar: UInt32) -> Bool {
        if scalar == 0x200D || (scalar >= 0xFE00 && scalar <= 0xFE0F) { return true }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
