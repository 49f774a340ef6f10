import Foundation

extension Slug {
    /// Whether `text` is a plain slug: lowercase ASCII letters and digits in groups joined by
    /// single hyphens (`release-2026-05`), the form new post folders get.
    public static func isPlain(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last,
              first != UInt8(ascii: "-"), last != UInt8(ascii: "-")
        else { return false }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return true
    }

    /// The plain slug of any text (`Über uns: 2026!` -> `ueber-uns-2026`): German umlauts and ß
    /// spelled out, other accents dropped, lower-cased, every run of other characters one hyphen.
    /// Empty when nothing of the text is left.
    public static func plain(_ text: String) -> String {
        var spelled = ""
        for character in text {
            switch character {
            case "ä", "Ä": spelled += "ae"
            case "ö", "Ö": spelled += "oe"
            case "ü", "Ü": spelled += "ue"
            case "ß", "ẞ": spelled += "ss"
            default: spelled.append(character)
            }
        }
        let folded = spelled.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
