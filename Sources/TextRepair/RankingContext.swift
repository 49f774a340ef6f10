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
    private var knownWords: Set<String>? = nil

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
}
