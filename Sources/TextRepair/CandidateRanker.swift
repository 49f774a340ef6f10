import Foundation

/// The outcome of guessing the dropped bytes of one run.
struct RunGuess {
    /// The run's scalars for each ranked alternative, best first.
    var alternatives: [[UInt32]]
    /// Share of the best alternative among all (softmax over scores).
    var confidence: Double
    /// Score of the best alternative (to compare code pages that both explain a run).
    var score: Double = 0
    /// Every guessed character has support of its own (emoji data, neighbours, reference).
    var acceptable: Bool
    /// Every guessed character is strongly supported (enough to repair a unit on its own).
    var strong: Bool
}

/// Ranks the characters a run's incomplete sequences may have been, jointly, by what holds in
/// general text: Unicode emoji data (emoji-style characters, which characters take VS16, ZWJ
/// sequences, keycaps, skin tones), the neighbouring characters (a closing quote after a word,
/// an opening one before it, no emoji inside a word), and the characters the document, the
/// reference texts and the vocabulary of the texts around hold intact.
struct CandidateRanker {
    let context: RankingContext
    let cache: CandidateCache

    /// Scores below this for a guessed character mean nothing in the text supports it.
    static let acceptThreshold = 0.0
    static let strongThreshold = 1.5
    static let maxAlternatives = 10
    /// A best guess with at least this share is reported as the only candidate.
    static let clearWinner = 0.8

    /// `before`/`after`: the characters next to the run (nil at the line's ends); `wordPrefix`
    /// and `wordSuffix`: the ASCII letters the run is part of a word with.
    func guess(
        tokens: [RunToken], codePage: CodePage, before: UInt32?, after: UInt32?,
        wordPrefix: String = "", wordSuffix: String = ""
    ) -> RunGuess {
        // Options per token: complete tokens have exactly one.
        var options: [[(scalar: UInt32, score: Double)]] = []
        options.reserveCapacity(tokens.count)
        var guessed: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token.isComplete {
                options.append([(token.scalar, 0)])
            } else {
                let candidates = cache.candidates(for: token, codePage: codePage)
                options.append(candidates.map { ($0, unary($0)) })
                guessed.append(index)
            }
        }
        if options.contains(where: \.isEmpty) {
            return RunGuess(alternatives: [], confidence: 0, acceptable: false, strong: false)
        }
        // Keep the enumeration small: trim each guessed token to its best options by max-marginal.
        // At most 4096 joint choices; a run with very many guesses keeps only each one's best.
        var keep = guessed.count <= 2 ? 10 : guessed.count == 3 ? 5 : 3
        while keep > 1 && pow(Double(keep), Double(guessed.count)) > 4096 { keep -= 1 }
        let marginals = maxMarginals(options, before: before, after: after)
        for index in guessed where options[index].count > keep {
            let order = options[index].indices.sorted { marginals[index][$0] > marginals[index][$1] }
            options[index] = order.prefix(keep).map { options[index][$0] }
        }
        // Enumerate joint choices.
        var paths: [(choice: [Int], score: Double)] = []
        var choice = [Int](repeating: 0, count: options.count)
        let guessesLetters = guessed.contains { index in
            options[index].contains { ScalarTraits.isLatinLetter($0.scalar) || cache.tier($0.scalar) == .weak && ScalarTraits.isLetterOrDigit($0.scalar) }
        }
        func score(of choice: [Int]) -> Double {
            var total = 0.0
            var previous = before
            for (index, option) in choice.enumerated() {
                let current = options[index][option]
                total += current.score + pair(previous, current.scalar)
                previous = current.scalar
            }
            if let after { total += pair(previous, after) } else { total += pair(previous, nil) }
            if guessesLetters {
                // A guess that makes a word the reference or the document holds intact.
                var word = String.UnicodeScalarView()
                for (index, option) in choice.enumerated() {
                    if let scalar = Unicode.Scalar(options[index][option].scalar) { word.append(scalar) }
                }
                if context.containsWord(wordPrefix + String(word) + wordSuffix) { total += 3 }
            }
            return total
        }
        while true {
            paths.append((choice, score(of: choice)))
            var position = options.count - 1
            while position >= 0 {
                choice[position] += 1
                if choice[position] < options[position].count { break }
                choice[position] = 0
                position -= 1
            }
            if position < 0 { break }
        }
        paths.sort { $0.score > $1.score }
        let best = paths[0]
        var total = 0.0
        for path in paths { total += exp(path.score - best.score) }
        let confidence = 1 / total

        // Local support of each guessed character on the best path.
        var acceptable = true
        var strong = true
        for index in guessed {
            let current = options[index][best.choice[index]]
            let previous = index > 0 ? options[index - 1][best.choice[index - 1]].scalar : before
            let next = index + 1 < options.count ? options[index + 1][best.choice[index + 1]].scalar : after
            let local = current.score + pair(previous, current.scalar) + pair(current.scalar, next)
            if local < CandidateRanker.acceptThreshold { acceptable = false }
            // Strong enough to repair a paragraph on its own: an emoji or a sequence part or a
            // quote, well supported; never a letter (correct text is full of lone capitals).
            if local < CandidateRanker.strongThreshold || !cache.canStandAlone(current.scalar) { strong = false }
        }

        // Alternatives only for a real choice: when the best is not clearly ahead.
        var alternatives: [[UInt32]] = []
        for path in paths where path.score >= best.score - 3 || alternatives.isEmpty {
            if !alternatives.isEmpty && confidence >= CandidateRanker.clearWinner { break }
            let scalars = path.choice.enumerated().map { options[$0.offset][$0.element].scalar }
            if !alternatives.contains(scalars) { alternatives.append(scalars) }
            if alternatives.count == CandidateRanker.maxAlternatives { break }
        }
        return RunGuess(
            alternatives: alternatives, confidence: confidence, score: best.score, acceptable: acceptable,
            strong: strong)
    }

    /// Best total score of any joint choice that uses each option.
    private func maxMarginals(
        _ options: [[(scalar: UInt32, score: Double)]], before: UInt32?, after: UInt32?
    ) -> [[Double]] {
        let count = options.count
        var forward = [[Double]](repeating: [], count: count)
        var backward = [[Double]](repeating: [], count: count)
        for index in 0..<count {
            forward[index] = options[index].map { option in
                if index == 0 { return option.score + pair(before, option.scalar) }
                var best = -Double.infinity
                for (previousIndex, previous) in options[index - 1].enumerated() {
                    best = max(best, forward[index - 1][previousIndex] + pair(previous.scalar, option.scalar))
                }
                return best + option.score
            }
        }
        for index in stride(from: count - 1, through: 0, by: -1) {
            backward[index] = options[index].map { option in
                if index == count - 1 { return pair(option.scalar, after) }
                var best = -Double.infinity
                for (nextIndex, next) in options[index + 1].enumerated() {
                    best = max(best, backward[index + 1][nextIndex] + next.score + pair(option.scalar, next.scalar))
                }
                return best
            }
        }
        return (0..<count).map { index in
            (0..<options[index].count).map { forward[index][$0] + backward[index][$0] }
        }
    }

    /// Score of a guessed character on its own and against the texts.
    func unary(_ scalar: UInt32) -> Double {
        var score = cache.prior(scalar)
        let inReference = context.referenceCount(scalar)
        if inReference > 0 { score += 3 + min(2, 0.5 * log(Double(inReference))) }
        if context.documentCount(scalar) > 0 { score += 2 }
        let share = context.vocabulary.share(scalar)
        if share > 0 { score += 1 + Self.vocabularyWeight(share) }
        return score
    }

    /// 0...1.5 for the share of the collection's texts that hold a character: rising like a
    /// logarithm (one text more matters most among few), never flat (a cap would make a
    /// character in half the texts tie with one in a tenth, and which of them passes the cap
    /// would depend on the collection's size), and below a reference text's 3 points together
    /// with the 1 for being there at all.
    static func vocabularyWeight(_ share: Double) -> Double {
        1.5 * log(1 + 160 * share) / log(161)
    }

    /// How well `current` follows `previous` (nil: the line's start or end).
    func pair(_ previous: UInt32?, _ current: UInt32?) -> Double {
        var score = 0.0
        if let current {
            switch current {
            case 0xFE0F:
                if let previous, ScalarTraits.isVariationBase(previous) { score += 3 }
                else if let previous, ScalarTraits.isEmojiPresentation(previous) { score += 0.5 }
                else { score -= 4 }
            case 0xFE0E:
                if let previous, ScalarTraits.isVariationBase(previous) { score += 1 } else { score -= 4 }
            case 0x20E3:
                if let previous, previous == 0xFE0F || ScalarTraits.isVariationBase(previous) && previous < 0x80 {
                    score += 2
                } else {
                    score -= 4
                }
            case 0x200D:
                if let previous, previous == 0xFE0F || ScalarTraits.isPictographic(previous)
                    || ScalarTraits.isEmojiModifier(previous) {
                    score += 1
                } else {
                    score -= 4
                }
            case 0x1F3FB...0x1F3FF:
                if let previous, ScalarTraits.isEmojiModifierBase(previous) { score += 2 } else { score -= 3 }
            case 0x201D, 0x2019:
                // Closing quote: after a word or punctuation, not after a space.
                if ScalarTraits.isSpaceOrStart(previous) {
                    score -= 1.5
                } else if let previous, ScalarTraits.isLetterOrDigit(previous) || ScalarTraits.isClosingPunctuation(previous) {
                    score += 1.5
                }
            case 0x201E, 0x201A:
                // Low opening quote: after a space or at the start.
                if ScalarTraits.isSpaceOrStart(previous) { score += 1 } else { score -= 1 }
            default:
                if let previous, ScalarTraits.isLatinLetter(previous), ScalarTraits.isLatinLetter(current) {
                    score += 0.5
                }
                if let previous, previous < 0x80, ScalarTraits.isLetterOrDigit(previous),
                   current >= 0x2000, ScalarTraits.isPictographic(current) {
                    score -= 1  // an emoji glued to the end of a word
                }
            }
        }
        if let previous {
            switch previous {
            case 0x200D:
                if let current, ScalarTraits.isPictographic(current) { score += 2 } else { score -= 4 }
            case 0x201E, 0x201A, 0x201C:
                // After an opening quote comes a word.
                if let current, ScalarTraits.isLetterOrDigit(current) { score += 1 }
                else if previous != 0x201C { score -= 1 }
            default:
                if let current, current < 0x80, ScalarTraits.isLetterOrDigit(current),
                   previous >= 0x2000, ScalarTraits.isPictographic(previous) {
                    score -= 0.5  // a word glued to an emoji
                }
            }
        }
        return score
    }
}
