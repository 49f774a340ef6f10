/// Named values a template can look names up in (what swift-mustache got as `[String: Any]`).
/// Immutable once made, so it is shared freely between threads and between contexts.
///
/// Stored as an open-addressing hash table keyed by `KeyHash`, which template names carry
/// precomputed: a lookup is a few integer compares and one string compare, and hands the
/// renderer a pointer to the value (valid while the object lives), so nothing is copied or
/// retained.
public final class TemplateObject: @unchecked Sendable {
    // @unchecked: the storage below is written only by init and freed by deinit.

    /// Per slot: the key's hash, 0 for an empty slot. (Internal rather than private so that the
    /// tests can turn an object back into the `[String: Any]` swift-mustache reads.)
    let hashes: UnsafeMutablePointer<UInt64>
    let keys: UnsafeMutablePointer<String>
    let values: UnsafeMutablePointer<TemplateValue>
    let capacity: Int
    private let mask: Int
    /// Whether some key is not all ASCII. Swift compares strings by canonical equivalence (so
    /// did the `[String: Any]` swift-mustache read), which a byte hash does not see: such an
    /// object is also searched by `==` when the hash finds nothing.
    private let hasNonASCIIKeys: Bool

    public init(_ values: [String: TemplateValue]) {
        var capacity = 2
        while capacity < values.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        // One allocation: the hashes, then the keys, then the values.
        let storage = UnsafeMutableRawPointer.allocate(
            byteCount: capacity * (MemoryLayout<UInt64>.stride + MemoryLayout<String>.stride
                + MemoryLayout<TemplateValue>.stride),
            alignment: Swift.max(MemoryLayout<String>.alignment, MemoryLayout<TemplateValue>.alignment, 8))
        let hashes = storage.initializeMemory(as: UInt64.self, repeating: 0, count: capacity)
        let keys = (storage + capacity * MemoryLayout<UInt64>.stride)
            .initializeMemory(as: String.self, repeating: "", count: capacity)
        let slots = (storage + capacity * (MemoryLayout<UInt64>.stride + MemoryLayout<String>.stride))
            .initializeMemory(as: TemplateValue.self, repeating: .bool(false), count: capacity)
        var hasNonASCIIKeys = false
        for (key, value) in values {
            let (hash, isASCII) = KeyHash.of(key)
            if !isASCII { hasNonASCIIKeys = true }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = hash
            keys[slot] = key
            slots[slot] = value
        }
        self.hashes = hashes
        self.keys = keys
        self.values = slots
        self.capacity = capacity
        self.mask = mask
        self.hasNonASCIIKeys = hasNonASCIIKeys
    }

    deinit {
        keys.deinitialize(count: capacity)
        values.deinitialize(count: capacity)
        UnsafeMutableRawPointer(hashes).deallocate()
    }

    /// The value named `name`; nil when this object does not hold it (a template then keeps
    /// looking further down the context stack).
    public subscript(name: String) -> TemplateValue? {
        let (hash, isASCII) = KeyHash.of(name)
        return value(forKey: name, hash: hash, keyIsASCII: isASCII)?.pointee
    }

    /// Where the value for `key` (whose `KeyHash` is `hash`) is; valid while this object lives.
    @inline(__always)
    func value(forKey key: String, hash: UInt64, keyIsASCII: Bool = true) -> UnsafePointer<TemplateValue>? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slotHash = hashes[slot]
            if slotHash == 0 { break }
            if slotHash == hash, keys[slot] == key { return UnsafePointer(values + slot) }
            slot = (slot + 1) & mask
        }
        if hasNonASCIIKeys || !keyIsASCII { return canonicalValue(forKey: key) }
        return nil
    }

    /// The slow path: a key canonically equivalent to `key` but spelt with other bytes.
    private func canonicalValue(forKey key: String) -> UnsafePointer<TemplateValue>? {
        for slot in 0..<capacity where hashes[slot] != 0 && keys[slot] == key {
            return UnsafePointer(values + slot)
        }
        return nil
    }
}
