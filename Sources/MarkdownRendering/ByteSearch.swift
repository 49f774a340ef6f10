import Foundation

/// Finding ASCII markers in rendered HTML by its UTF-8 bytes (memchr, memcmp): Foundation's `range(of:)`
/// goes through NSString and the standard library's `firstRange(of:)` compares element by
/// element through generic indices; both cost several percent of a site build.
enum ByteSearch {
    /// The UTF-8 offset of the first `needle` in `text` at or after the offset `from`.
    static func offset(of needle: String, in text: String, from: Int = 0) -> Int? {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack -> Int? in
            needle.withUTF8 { pin -> Int? in
                guard pin.count > 0, from >= 0, let base = haystack.baseAddress, let first = pin.first else { return nil }
                var offset = from
                while haystack.count - offset >= pin.count {
                    guard let hit = memchr(base + offset, Int32(first), haystack.count - offset - pin.count + 1) else { return nil }
                    let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, pin.baseAddress!, pin.count) == 0 { return index }
                    offset = index + 1
                }
                return nil
            }
        }
    }

    /// The range of the first `needle` in `text` at or after the UTF-8 offset `from`.
    static func range(of needle: String, in text: String, from: Int = 0) -> Range<String.Index>? {
        guard let start = offset(of: needle, in: text, from: from) else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension ByteSearch {
    /// The index of the first `byte` in `bytes` at or after `from` (memchr).
    static func index(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
