/// The characters a collection of texts holds intact: the other files of one `chronicle repair`
/// run, or the other pages of one site. A blog reuses its emoji and symbols from post to post, so
/// a guess for a dropped byte that the collection holds elsewhere is the likelier one. Weaker
/// than a `reference` text (the same post in another language), which holds the very characters.
///
/// Build it from text that needed no guess (intact, or repaired without a choice): a guess fed
/// back in would only confirm itself.
public struct RepairVocabulary: Sendable {
    /// How many texts hold each character (U+2000 and above: punctuation, symbols, emoji).
    private var counts: [UInt32: Int] = [:]

    public init() {}

    public var isEmpty: Bool { counts.isEmpty }

    /// Counts the characters of one text (each at most once per text).
    public mutating func add(utf8 bytes: [UInt8]) {
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
}
