/// The bytes a render appends to: a growable buffer of its own, cheaper per append than an
/// `[UInt8]` (no uniqueness check), copied once to the caller's buffer at the end.
struct OutputBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    subscript(index: Int) -> UInt8 { base[index] }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if count &+ length > capacity { grow(to: count + length) }
        let target = base + count
        if length <= 16 {
            // Short runs (most of them) without a call to memmove.
            if length >= 8 {
                let head = UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)
                let tail = UnsafeRawPointer(bytes + (length - 8)).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(target).storeBytes(of: head, as: UInt64.self)
                UnsafeMutableRawPointer(target + (length - 8)).storeBytes(of: tail, as: UInt64.self)
            } else {
                for offset in 0..<length { target[offset] = bytes[offset] }
            }
        } else {
            target.update(from: bytes, count: length)
        }
        count &+= length
    }

    @inline(__always)
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let start = buffer.baseAddress else { return }
        append(start, count: buffer.count)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count &+= 1
    }

    /// Reverses the bytes from `start` on.
    mutating func reverse(from start: Int) {
        var buffer = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        buffer.reverse()
    }

    /// Drops the bytes from `newCount` on.
    mutating func truncate(to newCount: Int) {
        count = newCount
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let newCapacity = Swift.max(capacity * 2, needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
