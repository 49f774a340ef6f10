/// Words with which a text speaks about character encodings, in English and German: "UTF-8",
/// "encoding", "Windows-1252", "Zeichensatz", "Kodierung", "Umlaute kaputt". Mojibake that stands
/// in quotation marks next to them is a sample the text talks about.
enum EncodingTalk {
    /// Lowercase ASCII, at least four bytes, at most 64 words; each matches anywhere in a word
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

    /// Entry `256 * k + b`, k < 4: the words (bit `i` for word `i`) whose byte `k` is the
    /// (lowercase) byte `b`.
    private static let masks: [UInt64] = {
        var masks = [UInt64](repeating: 0, count: 4 * 256)
        for (index, word) in words.enumerated() {
            for position in 0..<4 { masks[256 * position + Int(word[position])] |= 1 << UInt64(index) }
        }
        return masks
    }()

    /// Whether `bytes[range]` holds one of the words (ASCII letters compared case-insensitively).
    /// One pass; only a position whose first four bytes begin some word is compared further.
    static func mentions(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            masks.withUnsafeBufferPointer { masks in
                var index = range.lowerBound
                let end = range.upperBound
                while index + 3 < end {
                    var candidates = masks[Int(lower(buffer[index]))]
                    if candidates == 0 { index += 1; continue }
                    candidates &= masks[256 + Int(lower(buffer[index + 1]))]
                        & masks[512 + Int(lower(buffer[index + 2]))] & masks[768 + Int(lower(buffer[index + 3]))]
                    while candidates != 0 {
                        let word = words[candidates.trailingZeroBitCount]
                        candidates &= candidates - 1
                        guard index + word.count <= end else { continue }
                        var offset = 4
                        while offset < word.count && lower(buffer[index + offset]) == word[offset] { offset += 1 }
                        if offset == word.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
