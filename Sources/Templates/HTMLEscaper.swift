/// Appends strings to UTF-8 output, HTML-escaped as swift-mustache's `String.htmlEscape()`
/// escapes them: the characters `<`, `>`, `&`, `"` and `'` become `&lt;`, `&gt;`, `&amp;`,
/// `&quot;` and `&#39;`.
///
/// swift-mustache compares whole `Character`s (grapheme clusters), so one of those five that
/// is part of a larger cluster (followed by a combining mark, e.g. `<\u{338}`, or preceded by a
/// prepended concatenation mark such as U+0600) is left as it is. The bytes are scanned as
/// bytes; only a special character next to a non-ASCII byte is looked at as a `Character`.
enum HTMLEscaper {
    static func appendEscaped(_ string: String, to output: inout OutputBuffer) {
        if string.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) == nil {
            var string = string
            string.withUTF8 { appendEscaped($0, to: &output) }
        }
    }

    static func appendRaw(_ string: String, to output: inout OutputBuffer) {
        if string.utf8.withContiguousStorageIfAvailable({ output.append($0) }) == nil {
            var string = string
            string.withUTF8 { output.append($0) }
        }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout OutputBuffer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            // Eight bytes at a time while none of them is special.
            if index &+ 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if !mayHoldSpecialByte(word) {
                    index &+= 8
                    continue
                }
            }
            let byte = base[index]
            guard isSpecial(byte) else {
                index &+= 1
                continue
            }
            if (index > 0 && base[index - 1] >= 0x80) || (index + 1 < count && base[index + 1] >= 0x80),
                !isWholeCharacter(bytes, at: index)
            {
                index &+= 1
                continue
            }
            if runStart < index { output.append(base + runStart, count: index - runStart) }
            let entity: StaticString =
                switch byte {
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "\""): "&quot;"
                default: "&#39;"
                }
            output.append(entity.utf8Start, count: entity.utf8CodeUnitCount)
            index &+= 1
            runStart = index
        }
        if runStart < count { output.append(base + runStart, count: count - runStart) }
    }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// Whether some byte of `word` is one of the five (exact: a zero byte of `word ^ pattern`
    /// is detected by the usual `(v - 0x01…) & ~v & 0x80…` test).
    @inline(__always)
    private static func mayHoldSpecialByte(_ word: UInt64) -> Bool {
        @inline(__always) func hasZeroByte(_ v: UInt64) -> UInt64 {
            (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
        }
        return (hasZeroByte(word ^ 0x3C3C_3C3C_3C3C_3C3C) | hasZeroByte(word ^ 0x3E3E_3E3E_3E3E_3E3E)
            | hasZeroByte(word ^ 0x2626_2626_2626_2626) | hasZeroByte(word ^ 0x2222_2222_2222_2222)
            | hasZeroByte(word ^ 0x2727_2727_2727_2727)) != 0
    }

    /// Whether the ASCII byte at `index` is a grapheme cluster of its own. Only the scalars right
    /// next to it can join it (a Prepend scalar before it, an Extend, ZWJ or SpacingMark after
    /// it), so each neighbour is tried with it alone.
    private static func isWholeCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if index > 0, bytes[index - 1] >= 0x80 {
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let pair = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self)
            if pair.count != 2 { return false }
        }
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 {
            var end = index + 2
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let pair = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            if pair.count != 2 { return false }
        }
        return true
    }
}
