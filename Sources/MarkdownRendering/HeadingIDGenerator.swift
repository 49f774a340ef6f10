/// Heading ids as Hugo writes them (goldmark's auto heading ids with Hugo's `github` style):
/// the heading's source text, trimmed, lower-cased; spaces and `-` become `-`; letters, digits
/// and `_` stay (Unicode letters too); everything else (punctuation, emoji, Markdown syntax) is
/// dropped. An empty result becomes `heading`; repeats within one page get `-1`, `-2`, ...
struct HeadingIDGenerator {
    private var used: Set<String> = []
    /// Per id, the suffix to try next: thousands of equal headings must not take quadratic time.
    private var nextSuffix: [String: Int] = [:]

    /// The sanitized form of `text`, without the uniqueness suffix.
    static func sanitize(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.trimmingGoWhitespace().unicodeScalars {
            // ASCII, most of every heading, without the Unicode property tables.
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case 0x41...0x5A: result.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x5F: result.append(byte)
                case 0x2D, 0x20: result.append(UInt8(ascii: "-"))
                default: break
                }
                continue
            }
            if scalar == "-" || scalar == " " {
                result.append(UInt8(ascii: "-"))
            } else if scalar == "_" || scalar.isGoLetter || scalar.properties.generalCategory == .decimalNumber {
                // Go's unicode.ToLower is the simple one-to-one mapping; the first scalar of
                // Swift's full mapping is the same for every letter that has one.
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                result.append(contentsOf: (lower.count == 1 ? lower.first! : (lower.first ?? scalar)).utf8)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A new unique id for a heading with this source text.
    mutating func generate(_ text: String) -> String {
        var id = Self.sanitize(text)
        if id.isEmpty { id = "heading" }
        if used.contains(id) {
            var number = nextSuffix[id] ?? 1
            while used.contains("\(id)-\(number)") { number += 1 }
            nextSuffix[id] = number + 1
            id = "\(id)-\(number)"
        }
        used.insert(id)
        return id
    }

    /// Records an id the author chose (`{#id}`), so generated ones avoid it.
    mutating func reserve(_ id: String) {
        used.insert(id)
    }
}

extension Unicode.Scalar {
    /// Go's `unicode.IsLetter`: categories Lu, Ll, Lt, Lm, Lo.
    var isGoLetter: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            true
        default:
            false
        }
    }

    /// Go's `unicode.IsSpace`.
    var isGoSpace: Bool {
        switch value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0: true
        default: value > 0xFF && properties.isWhitespace
        }
    }
}

extension StringProtocol {
    /// Go's `strings.TrimSpace`.
    func trimmingGoWhitespace() -> String {
        // Walks in from both ends; a whole page's text must not be copied scalar by scalar.
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isGoSpace { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].isGoSpace else { break }
            end = before
        }
        // Nothing to trim: the text itself, not a copy.
        if start == scalars.startIndex && end == scalars.endIndex, let whole = self as? String { return whole }
        // Through UTF-8: the bounds are scalar boundaries, not always character ones.
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Whether the text is empty or only Go white space (`trimmingGoWhitespace().isEmpty`
    /// without making the trimmed copy).
    var isGoBlank: Bool {
        unicodeScalars.allSatisfy(\.isGoSpace)
    }
}
