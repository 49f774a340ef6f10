/// Column numbers in Characters (grapheme clusters), as editors and compilers count them.
enum Columns {
    /// The number of Characters in `bytes[range]` (valid UTF-8). Counts scalars directly when none
    /// of them can join a neighbour into one Character; asks String otherwise.
    static func characterCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return slowCount(bytes, range) }
                count += 1
                index += 1
                continue
            }
            if byte < 0xE0 {
                let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                if scalar >= 0x300 { return slowCount(bytes, range) }
                count += 1
                index += 2
                continue
            }
            if byte < 0xF0 {
                let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                    | UInt32(bytes[index + 2] & 0x3F)
                // General punctuation (but not the joiners and marks), currency, letterlike, arrows.
                let simple = (scalar >= 0x2010 && scalar <= 0x2027) || (scalar >= 0x2030 && scalar <= 0x205E)
                    || (scalar >= 0x20A0 && scalar <= 0x20CF) || (scalar >= 0x2100 && scalar <= 0x21FF)
                    || (scalar >= 0x2200 && scalar <= 0x22FF)
                if !simple { return slowCount(bytes, range) }
                count += 1
                index += 3
                continue
            }
            return slowCount(bytes, range)
        }
        return count
    }

    private static func slowCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        String(decoding: bytes[range], as: UTF8.self).count
    }
}
