import Foundation

/// What the surrounding texts say about which characters an author uses, for ranking guesses.
///
/// Built lazily: only a text with a dropped byte needs it.
final class RankingContext {
    private let referenceTexts: [String]
    private let documentBytes: [UInt8]
    let vocabulary: RepairVocabulary
    private var referenceCounts: [UInt32: Int]? = nil
    private var documentCounts: [UInt32: Int] = [:]
    private var nameMatchCache: [UInt32: Bool] = [:]
    private var knownWords: Set<String>? = nil
    private var wordCache: [[UInt8]: Bool] = [:]
    private var lowerTexts: [[UInt8]] = []

    init(document: [UInt8], reference: [String], vocabulary: RepairVocabulary = RepairVocabulary()) {
        self.documentBytes = document
        self.referenceTexts = reference
        self.vocabulary = vocabulary
    }

    /// Records a character that occurs intact in the document (outside the guessed spans).
    func noteIntact(_ scalar: UInt32) {
        if scalar >= 0x2000 { documentCounts[scalar, default: 0] += 1 }
    }

    func referenceCount(_ scalar: UInt32) -> Int {
        if referenceCounts == nil {
            var counts: [UInt32: Int] = [:]
            for text in referenceTexts {
                for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                    counts[scalar.value, default: 0] += 1
                }
            }
            referenceCounts = counts
        }
        return referenceCounts?[scalar] ?? 0
    }

    func documentCount(_ scalar: UInt32) -> Int { documentCounts[scalar] ?? 0 }

    /// True when a word of the character's Unicode name appears in the document or the reference,
    /// alone or as the last part of a compound ("tree" in "christmastree").
    func nameMatches(_ scalar: UInt32) -> Bool {
        if let cached = nameMatchCache[scalar] { return cached }
        if lowerTexts.isEmpty {
            // Lower-cased ASCII copies of the document and the references, searched with memchr.
            lowerTexts = ([documentBytes] + referenceTexts.map { Array($0.utf8) }).map { text in
                var lower = text
                lower.withUnsafeMutableBufferPointer { buffer in
                    for index in buffer.indices {
                        let byte = buffer[index]
                        buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    }
                }
                return lower
            }
        }
        let found = CandidateCache.shared.nameWords(scalar).contains { word in
            if let known = wordCache[word] { return known }
            let present = lowerTexts.contains { RankingContext.contains(word, in: $0) }
            wordCache[word] = present
            return present
        }
        nameMatchCache[scalar] = found
        return found
    }

    /// Whether `word` (lower-case ASCII) occurs in `text` (lower-cased) as a whole word.
    static func contains(_ word: [UInt8], in text: [UInt8]) -> Bool {
        let count = word.count
        guard count > 0, text.count >= count else { return false }
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        return text.withUnsafeBufferPointer { haystack in
            word.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let pattern = needle.baseAddress else { return false }
                var offset = 0
                while offset + count <= haystack.count {
                    guard let hit = memchr(base + offset, Int32(pattern[0]), haystack.count - offset - count + 1)
                    else { return false }
                    let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    let after = index + count
                    if memcmp(base + index, pattern, count) == 0 && (after == haystack.count || !isLetter(haystack[after]))
                        && (index == 0 || !isLetter(haystack[index - 1])) {
                        return true
                    }
                    offset = index + 1
                }
                return false
            }
        }
    }

    /// True when the reference or the document holds `word` (letters and digits) intact.
    func containsWord(_ word: String) -> Bool {
        if knownWords == nil {
            var words: Set<String> = []
            func collect(_ text: String) {
                var current = String.UnicodeScalarView()
                for scalar in text.unicodeScalars {
                    if ScalarTraits.isLetterOrDigit(scalar.value) {
                        current.append(scalar)
                    } else if !current.isEmpty {
                        words.insert(String(current))
                        current = String.UnicodeScalarView()
                    }
                }
                if !current.isEmpty { words.insert(String(current)) }
            }
            for text in referenceTexts { collect(text) }
            collect(String(decoding: documentBytes, as: UTF8.self))
            knownWords = words
        }
        return knownWords?.contains(word) ?? false
    }

    /// Words of Unicode character names that say nothing about what is shown.
    static let genericNameWords: Set<String> = [
        "with", "and", "the", "for", "sign", "symbol", "black", "white", "large", "small", "medium",
        "heavy", "light", "mark", "face", "open", "closed", "left", "right", "up", "down", "double",
        "single", "letter", "capital", "digit", "squared", "circled", "negative", "sans", "serif",
        "mathematical", "bold", "italic", "script", "variation", "selector", "modifier", "type",
        "emoji", "component", "ornament", "outlined", "dotted", "full", "half", "wide", "box",
    ]
}
