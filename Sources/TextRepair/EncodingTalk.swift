/// Words with which a text speaks about character encodings, in English and German: "UTF-8",
/// "encoding", "Windows-1252", "Zeichensatz", "Kodierung", "Umlaute kaputt". Mojibake that stands
/// in quotation marks next to them is a sample the text talks about.
enum EncodingTalk {
    /// Lowercase ASCII, at least two bytes, at most 64 words; each matches anywhere in a word
    /// ("encod" in "Encoding", "encoded").
    static let words: [[UInt8]] = [
        // English
        "utf-8", "utf8", "utf-16", "unicode", "encod", "decod", "mojibake", "charset", "character set",
        "code page", "codepage", "windows-125", "cp125", "latin-1", "latin1", "iso-8859", "mac roman", "macroman",
        "garbled", "broken umlauts",
        // German
        "zeichensatz", "kodierung", "codierung", "kodiert", "codiert", "zeichensalat", "umlaute kaputt",
        "kaputte umlaute", "umlaute sind kaputt", "sonderzeichen kaputt",
    ].map { Array($0.utf8) }

    /// Bit `i` set in entry `b`: word `i` has the (lowercase) byte `b` at position 0 (`first`) or
    /// 1 (`second`). Every word is longer than one byte.
    private static let (first, second): ([UInt64], [UInt64]) = {
        var first = [UInt64](repeating: 0, count: 256)
        var second = [UInt64](repeating: 0, count: 256)
        for (index, word) in words.enumerated() {
            first[Int(word[0])] |= 1 << UInt64(index)
            second[Int(word[1])] |= 1 << UInt64(index)
        }
        return (first, second)
    }()

    /// Whether `bytes[range]` holds one of the words (ASCII letters compared case-insensitively).
    /// One pass; only a position whose first two bytes begin some word is compared further.
    static func mentions(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            first.withUnsafeBufferPointer { first in
                second.withUnsafeBufferPointer { second in
                    var index = range.lowerBound
                    let end = range.upperBound
                    while index + 1 < end {
                        var candidates = first[Int(lower(buffer[index]))]
                        if candidates != 0 { candidates &= second[Int(lower(buffer[index + 1]))] }
                        while candidates != 0 {
                            let wordIndex = candidates.trailingZeroBitCount
                            candidates &= candidates - 1
                            let word = words[wordIndex]
                            guard index + word.count <= end else { continue }
                            var offset = 2
                            while offset < word.count && lower(buffer[index + offset]) == word[offset] { offset += 1 }
                            if offset == word.count { return true }
                        }
                        index += 1
                    }
                    return false
                }
            }
        }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
