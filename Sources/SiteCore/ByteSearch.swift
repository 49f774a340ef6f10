import Foundation

/// Finding ASCII markers in rendered HTML by its UTF-8 bytes (memchr, memcmp): Foundation's `range(of:)`
/// goes through NSString and the standard library's `firstRange(of:)` compares element by
/// element through generic indices; both cost several percent of a site build.
public enum ByteSearch {
    /// The UTF-8 offset of the first `needle` in `text` at or after the offset `from`.
    public static func offset(of needle: String, in text: String, from: Int = 0) -> Int? {
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

    /// Whether `text` contains `needle` (compared as UTF-8 bytes).
    public static func contains(_ needle: String, in text: String) -> Bool {
        offset(of: needle, in: text) != nil
    }

    /// `text` with every `needle` replaced by `replacement` (compared as UTF-8 bytes).
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        guard var at = offset(of: needle, in: text) else { return text }
        let bytes = Array(text.utf8)
        let width = needle.utf8.count
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            result.append(contentsOf: bytes[copied..<at])
            result.append(contentsOf: replacement.utf8)
            copied = at + width
            guard let next = offset(of: needle, in: text, from: copied) else { break }
            at = next
        }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    /// The range of the first `needle` in `text` at or after the UTF-8 offset `from`.
    public static func range(of needle: String, in text: String, from: Int = 0) -> Range<String.Index>? {
        guard let start = offset(of: needle, in: text, from: from) else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension ByteSearch {
    /// The index of the first `byte` in `bytes` at or after `from` (memchr).
    public static func index(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
