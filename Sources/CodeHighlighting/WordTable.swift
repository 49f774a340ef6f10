/// Words of a language (keywords, types, constants, builtins) and what each is, looked up by
/// the bytes of an identifier without making a String: a word of up to 16 bytes is packed into
/// two integers. Longer identifiers are never in the table.
struct WordTable: Sendable {
    private struct Key: Hashable {
        var low: UInt64
        var high: UInt64
    }

    private var kinds: [Key: TokenKind] = [:]
    /// Compare ASCII letters regardless of case (SQL).
    let caseInsensitive: Bool

    init(caseInsensitive: Bool = false, _ groups: [TokenKind: String]) {
        self.caseInsensitive = caseInsensitive
        for (kind, words) in groups {
            for word in words.split(separator: " ") {
                let bytes = Array(word.utf8)
                guard let key = Self.key(bytes, 0..<bytes.count, fold: caseInsensitive) else { continue }
                kinds[key] = kind
            }
        }
    }

    var isEmpty: Bool { kinds.isEmpty }

    func kind(of code: [UInt8], _ range: Range<Int>) -> TokenKind? {
        guard !kinds.isEmpty, let key = Self.key(code, range, fold: caseInsensitive) else { return nil }
        return kinds[key]
    }

    private static func key(_ bytes: [UInt8], _ range: Range<Int>, fold: Bool) -> Key? {
        guard range.count <= 16, !range.isEmpty else { return nil }
        var key = Key(low: 0, high: 0)
        for (offset, index) in range.enumerated() {
            var byte = bytes[index]
            if fold, Bytes.isLetter(byte) { byte |= 0x20 }
            if offset < 8 {
                key.low |= UInt64(byte) << UInt64(offset * 8)
            } else {
                key.high |= UInt64(byte) << UInt64((offset - 8) * 8)
            }
        }
        return key
    }
}
