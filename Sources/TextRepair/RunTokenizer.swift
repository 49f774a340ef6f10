/// One UTF-8 sequence rebuilt from the bytes that a run of damaged characters stands for.
struct RunToken {
    /// Byte range, in the line's buffer, of the damaged characters that make up this token.
    var source: Range<Int>
    /// The bytes that survived (lead byte first).
    var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    var count: Int = 0
    /// How many bytes the lead byte announces.
    var length: Int = 0
    /// The decoded scalar when the sequence is complete.
    var scalar: UInt32 = 0
    var isComplete: Bool { count == length }

    subscript(index: Int) -> UInt8 {
        switch index {
        case 0: return bytes.0
        case 1: return bytes.1
        case 2: return bytes.2
        default: return bytes.3
        }
    }

    mutating func append(_ byte: UInt8) {
        switch count {
        case 0: bytes.0 = byte
        case 1: bytes.1 = byte
        case 2: bytes.2 = byte
        default: bytes.3 = byte
        }
        count += 1
    }
}

/// What a run of non-ASCII characters amounts to under one code page.
struct RunTokens {
    var failed = false
    /// Complete sequences that decode to an acceptable character.
    var complete = 0
    /// Sequences that lost continuation bytes.
    var incomplete = 0
    /// C1 controls standing for bytes the code page defines otherwise (Latin-1 style).
    var nonNativeC1 = 0
    /// C1 controls standing for bytes the code page leaves undefined (sloppy decoding).
    var undefinedAsC1 = 0
    /// Complete sequences that decode to a C1 control.
    var decodedC1 = 0
}

enum RunTokenizer {
    /// Maps the characters of `bytes[range]` (valid UTF-8, all non-ASCII) back to bytes under
    /// `codePage` and groups those bytes into UTF-8 sequences. Fails on a character the code page
    /// cannot produce, a stray continuation byte, an invalid lead byte, a sequence with too many
    /// continuation bytes, or a complete sequence that decodes to something text never contains.
    /// Incomplete sequences are kept (a byte may have been dropped); the caller decides on them.
    @inline(__always)
    static func tokenize(
        _ bytes: [UInt8], _ range: Range<Int>, codePage: CodePage,
        into tokens: inout [RunToken], stopOnFailure: Bool = true
    ) -> RunTokens {
        var summary = RunTokens()
        tokens.removeAll(keepingCapacity: true)
        var current = RunToken(source: range.lowerBound..<range.lowerBound)
        var open = false
        var index = range.lowerBound
        let end = range.upperBound

        func closeOpen(at position: Int) {
            current.source = current.source.lowerBound..<position
            if current.isComplete {
                if let scalar = UTF8Sequence.decode(current), ScalarTraits.isAcceptableDecoded(scalar) {
                    current.scalar = scalar
                    summary.complete += 1
                    tokens.append(current)
                } else if let scalar = UTF8Sequence.decode(current), scalar >= 0x80, scalar <= 0x9F {
                    // A C1 control: only right if the result is itself mojibake with sloppy C1s
                    // (damage applied twice); the caller checks that a later layer consumes it.
                    current.scalar = scalar
                    summary.complete += 1
                    summary.decodedC1 += 1
                    tokens.append(current)
                } else {
                    summary.failed = true
                }
            } else {
                summary.incomplete += 1
                tokens.append(current)
            }
            open = false
        }

        while index < end {
            let charStart = index
            // Decode one scalar of the (valid) UTF-8 input.
            let b0 = bytes[index]
            var scalar: UInt32
            if b0 < 0xE0 {
                scalar = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if b0 < 0xF0 {
                scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                    | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                scalar = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                    | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            let mapped = codePage.byte(for: scalar)
            if mapped < 0 {
                summary.failed = true
                if stopOnFailure { return summary }
                if open { closeOpen(at: charStart) }
                continue
            }
            if scalar >= 0x80 && scalar <= 0x9F {
                if codePage.isNonNativeC1(scalar) { summary.nonNativeC1 += 1 }
                if codePage.isUndefined(UInt8(scalar)) { summary.undefinedAsC1 += 1 }
            }
            let byte = UInt8(mapped)
            if byte < 0xC0 {
                // Continuation byte.
                if open && current.count < current.length {
                    current.append(byte)
                    if current.count == current.length { closeOpen(at: index) }
                } else {
                    summary.failed = true
                    if stopOnFailure { return summary }
                }
                continue
            }
            if open { closeOpen(at: charStart) }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default:
                summary.failed = true
                if stopOnFailure { return summary }
                continue
            }
            current = RunToken(source: charStart..<index)
            current.length = length
            current.append(byte)
            open = true
        }
        if open { closeOpen(at: end) }
        return summary
    }
}

enum UTF8Sequence {
    /// Decodes a complete sequence, or nil when it is overlong, a surrogate or out of range.
    @inline(__always)
    static func decode(_ token: RunToken) -> UInt32? {
        decode(token.bytes.0, token.bytes.1, token.bytes.2, token.bytes.3, length: token.length)
    }

    @inline(__always)
    static func decode(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8, length: Int) -> UInt32? {
        @inline(__always) func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        switch length {
        case 2:
            guard b0 >= 0xC2, isContinuation(b1) else { return nil }
            return (UInt32(b0 & 0x1F) << 6) | UInt32(b1 & 0x3F)
        case 3:
            guard isContinuation(b1), isContinuation(b2) else { return nil }
            if b0 == 0xE0 && b1 < 0xA0 { return nil }
            if b0 == 0xED && b1 > 0x9F { return nil }
            return (UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
        case 4:
            guard isContinuation(b1), isContinuation(b2), isContinuation(b3) else { return nil }
            if b0 == 0xF0 && b1 < 0x90 { return nil }
            if b0 == 0xF4 && b1 > 0x8F { return nil }
            if b0 > 0xF4 { return nil }
            return (UInt32(b0 & 0x07) << 18) | (UInt32(b1 & 0x3F) << 12) | (UInt32(b2 & 0x3F) << 6)
                | UInt32(b3 & 0x3F)
        default:
            return nil
        }
    }

    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        if scalar < 0x80 {
            output.append(UInt8(scalar))
        } else if scalar < 0x800 {
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        } else if scalar < 0x10000 {
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
