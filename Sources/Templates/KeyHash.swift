/// The hash a template name segment and an object key are compared by: FNV-1a over the UTF-8
/// bytes, never 0 (0 marks an empty slot of a `TemplateObject`). Template names are hashed once,
/// when the template is parsed, so a lookup at render time hashes nothing.
enum KeyHash {
    /// The hash of `key`, and whether `key` is all ASCII.
    static func of(_ key: String) -> (hash: UInt64, isASCII: Bool) {
        if let result = key.utf8.withContiguousStorageIfAvailable({ of($0) }) {
            return result
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            high |= byte
        }
        return (hash == 0 ? 1 : hash, high < 0x80)
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isASCII: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            high |= byte
        }
        return (hash == 0 ? 1 : hash, high < 0x80)
    }
}
