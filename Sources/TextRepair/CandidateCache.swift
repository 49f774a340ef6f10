import Foundation

/// Memoizes what depends only on Unicode data: dropped-byte candidates, tiers, priors. Shared by
/// all repairs in the process (the same damaged sequences, a variation selector or an emoji, recur
/// within and across texts); safe to use from several threads.
final class CandidateCache: @unchecked Sendable {
    static let shared = CandidateCache()

    private let lock = NSLock()
    private var candidates: [UInt64: [UInt32]] = [:]
    private var tiers: [UInt32: CandidateTier] = [:]
    private var priors: [UInt32: Double] = [:]

    func prior(_ scalar: UInt32) -> Double {
        memoized(\.priors, scalar) { DroppedBytes.prior(scalar) }
    }

    func tier(_ scalar: UInt32) -> CandidateTier {
        memoized(\.tiers, scalar) { DroppedBytes.tier(scalar) }
    }

    /// The table's value for `key`, computed outside the lock the first time.
    private func memoized<Key: Hashable, Value>(
        _ table: ReferenceWritableKeyPath<CandidateCache, [Key: Value]>, _ key: Key, _ make: () -> Value
    ) -> Value {
        lock.lock()
        let known = self[keyPath: table][key]
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        self[keyPath: table][key] = value
        lock.unlock()
        return value
    }

    func candidates(for token: RunToken, codePage: CodePage) -> [UInt32] {
        guard !codePage.undefinedBytes.isEmpty else { return [] }
        var key = UInt64(codePage.id.rawValue) << 40 | UInt64(token.length) << 36 | UInt64(token.count) << 32
        key |= UInt64(token.bytes.0) << 24 | UInt64(token.bytes.1) << 16 | UInt64(token.bytes.2) << 8
            | UInt64(token.bytes.3)
        return memoized(\.candidates, key) {
            DroppedBytes.candidates(for: token, undefined: codePage.undefinedBytes, tier: tier)
        }
    }

    /// A guess that may repair a paragraph on its own: an emoji, an emoji sequence part, a quote.
    func canStandAlone(_ scalar: UInt32) -> Bool {
        if tier(scalar) == .strong { return true }
        return scalar >= 0xA9 && (Unicode.Scalar(scalar)?.properties.isEmoji ?? false)
    }
}
