import Foundation

/// A version or date in a text: what must read the same in every language. Dates are
/// compared by the day they name, so `1. Mai 2024`, `May 1, 2024`, `1st May 2024`,
/// `01.05.2024` and `2024-05-01` are one value; plain counting numbers are not tokens
/// (prose may spell them out in one language).
struct ValueToken: Sendable, Hashable {
    enum Category: String, Sendable {
        /// `25.0.3`, `v28.0.1`, `v3.19`, `2026.03`, release names like `2024-01e`, `CVE-2023-34108`.
        case version
        /// A day, in any of the forms above.
        case date
    }

    var category: Category
    /// What is compared: the day as `2024-05-01`, a version lower-cased without a leading `v`.
    var key: String
    /// As written.
    var text: String
    /// Where it is, in UTF-8 offsets into the text it was found in.
    var range: Range<Int>

    /// The tokens of a text, in order.
    static func find(in text: String) -> [ValueToken] {
        // Every token has a digit; most text runs have none.
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return [] }
        let working = NSMutableString(string: text)
        var found: [(NSRange, ValueToken)] = []
        for pattern in ValuePatterns.all {
            let current = working as String
            let matches = pattern.regex.matches(in: current, range: NSRange(location: 0, length: working.length))
            for match in matches {
                let groups = (0..<match.numberOfRanges).map { index -> String in
                    let range = match.range(at: index)
                    return range.location == NSNotFound ? "" : working.substring(with: range)
                }
                guard let key = pattern.key(groups) else { continue }
                found.append((match.range, ValueToken(category: pattern.category, key: key, text: groups[0], range: 0..<0)))
            }
            // Hide what this pattern took from the later ones (same UTF-16 length: offsets stay).
            for (range, _) in found where range.length > 0 {
                working.replaceCharacters(in: range, with: String(repeating: " ", count: range.length))
            }
        }
        return found.compactMap { range, token -> ValueToken? in
            guard let swiftRange = Range(range, in: text) else { return nil }
            var located = token
            let start = text.utf8.distance(from: text.startIndex, to: swiftRange.lowerBound)
            let length = text.utf8.distance(from: swiftRange.lowerBound, to: swiftRange.upperBound)
            located.range = start..<(start + length)
            return located
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
