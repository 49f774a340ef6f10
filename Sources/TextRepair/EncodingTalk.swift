/// Words with which a text speaks about character encodings, in English and German: "UTF-8",
/// "encoding", "Windows-1252", "Zeichensatz", "Kodierung", "Umlaute kaputt". Mojibake that stands
/// in quotation marks next to them is a sample the text talks about.
enum EncodingTalk {
    /// Lowercase ASCII; each matches anywhere in a word ("encod" in "Encoding", "encoded").
    static let words: [[UInt8]] = [
        // English
        "utf-8", "utf8", "utf-16", "unicode", "encod", "decod", "mojibake", "charset", "character set",
        "code page", "codepage", "windows-125", "cp125", "latin-1", "latin1", "iso-8859", "mac roman", "macroman",
        "garbled", "broken umlauts",
        // German
        "zeichensatz", "kodierung", "codierung", "kodiert", "codiert", "zeichensalat", "umlaute kaputt",
        "kaputte umlaute", "umlaute sind kaputt", "sonderzeichen kaputt",
    ].map { Array($0.utf8) }

    /// Whether `bytes[range]` holds one of the words (ASCII letters compared case-insensitively).
    static func mentions(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let first = lower(bytes[index])
            for word in words where word[0] == first && index + word.count <= range.upperBound {
                var offset = 1
                while offset < word.count && lower(bytes[index + offset]) == word[offset] { offset += 1 }
                if offset == word.count { return true }
            }
            index += 1
        }
        return false
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
