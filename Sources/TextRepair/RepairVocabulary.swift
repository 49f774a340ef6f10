/// The characters a collection of texts holds intact: the other files of one `chronicle repair`
/// run, or the other pages of one site. A blog reuses its emoji and symbols from post to post, so
/// a guess for a dropped byte that the collection holds elsewhere is the likelier one. Weaker
/// than a `reference` text (the same post in another language), which holds the very characters.
///
/// Build it from text that needed no guess (intact, or repaired without a choice): a guess fed
/// back in would only confirm itself.
///
/// What counts is the share of the texts that hold a character, not how many do, and a text
/// given twice (the same file under two names) counts once: a post's repair must not change
/// because the run or the site around it is larger or holds copies.
public struct RepairVocabulary: Sendable {
    /// How many texts hold each character (U+2000 and above: punctuation, symbols, emoji).
    private var counts: [UInt32: Int] = [:]
    /// The texts counted, told apart by their bytes' hash.
    private var texts: Set<Int> = []

    public init() {}

    public var isEmpty: Bool { counts.isEmpty }

    /// How many different texts were counted.
    public var textCount: Int { texts.count }

    /// Counts the characters of one text (each at most once per text; a text seen before is
    /// not counted again).
    public mutating func add(utf8 bytes: [UInt8]) {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(bytes.count)
        guard texts.insert(hasher.finalize()).inserted else { return }
        var seen = Set<UInt32>()
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index < count {
                if index + 8 <= count && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                // Only three- and four-byte sequences reach U+2000; the text is valid UTF-8.
                if lead >= 0xE0 && lead < 0xF0 && index + 2 < count {
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(buffer[index + 1] & 0x3F) << 6 | UInt32(buffer[index + 2] & 0x3F)
                    if value >= 0x2000 { seen.insert(value) }
                    index += 3
                } else if lead >= 0xF0 && index + 3 < count {
                    seen.insert(
                        UInt32(lead & 0x07) << 18 | UInt32(buffer[index + 1] & 0x3F) << 12
                            | UInt32(buffer[index + 2] & 0x3F) << 6 | UInt32(buffer[index + 3] & 0x3F))
                    index += 4
                } else {
                    index += 1
                }
            }
        }
        for value in seen { counts[value, default: 0] += 1 }
    }

    public mutating func add(_ text: String) {
        add(utf8: Array(text.utf8))
    }

    /// How many texts of the collection hold `scalar`.
    public func count(_ scalar: UInt32) -> Int { counts[scalar] ?? 0 }

    /// The share of the collection's texts that hold `scalar` (0..<1), as if the collection
    /// also held `pseudoTexts` texts without it: a character in the one other page of a small
    /// site is weak evidence, one in a fifth of a hundred pages is strong, and the share stays
    /// the same when the collection grows with texts of the same make-up.
    public func share(_ scalar: UInt32) -> Double {
        Double(count(scalar)) / Double(texts.count + Self.pseudoTexts)
    }

    static let pseudoTexts = 20
}
