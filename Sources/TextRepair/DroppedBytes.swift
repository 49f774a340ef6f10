/// How plausible a guessed character is before looking at its neighbours.
enum CandidateTier: Int, Comparable {
    /// Never a guess: unassigned, private use, a control, a letter of an unrelated script, a
    /// supplementary-plane character that is not an emoji.
    case implausible
    /// Assigned symbols and punctuation that text rarely holds.
    case weak
    /// Latin letters, common punctuation, text-style emoji.
    case medium
    /// Emoji-style emoji, emoji sequence parts (VS16, ZWJ, keycap, skin tones), typographic quotes.
    case strong

    static func < (lhs: CandidateTier, rhs: CandidateTier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Candidates for a UTF-8 sequence that lost continuation bytes.
///
/// When a code page leaves a byte undefined, a decoder that drops it removes one byte from every
/// character whose UTF-8 contains it. Undefined bytes are all in 0x80...0x9F, so they were always
/// continuation bytes: the lead byte survives and announces how many are missing.
enum DroppedBytes {
    /// More missing bytes than this in one character is not guessed.
    static let maxMissing = 2

    /// Every character the token could have been, with the missing bytes taken from `undefined`
    /// in any position after the lead byte; only assigned, not implausible characters.
    static func candidates(
        for token: RunToken, undefined: [UInt8], tier: (UInt32) -> CandidateTier = DroppedBytes.tier
    ) -> [UInt32] {
        let missing = token.length - token.count
        guard missing >= 1, missing <= maxMissing, !undefined.isEmpty else { return [] }
        let slots = token.length - 1
        var result: [UInt32] = []
        // Bit set of continuation slots (1...slots) that are missing.
        for mask in 1..<(1 << slots) where mask.nonzeroBitCount == missing {
            let combinations = missing == 1 ? undefined.count : undefined.count * undefined.count
            for combination in 0..<combinations {
                let fill = (undefined[combination % undefined.count], undefined[combination / undefined.count % undefined.count])
                var present = 1
                var bytes = RunToken(source: 0..<0)
                bytes.append(token[0])
                var nextFill = 0
                for slot in 1...slots {
                    if mask & (1 << (slot - 1)) != 0 {
                        bytes.append(nextFill == 0 ? fill.0 : fill.1)
                        nextFill += 1
                    } else {
                        bytes.append(token[present])
                        present += 1
                    }
                }
                bytes.length = token.length
                guard let scalar = UTF8Sequence.decode(bytes), !result.contains(scalar), tier(scalar) > .implausible
                else { continue }
                result.append(scalar)
            }
        }
        return result
    }

    static func tier(_ value: UInt32) -> CandidateTier {
        // Letters of CJK, Hangul and Yi: never a guess in text damaged by these code pages, and
        // by far the most common results of filling in two bytes, so answer without a lookup.
        if (value >= 0x3400 && value <= 0x9FFF) || (value >= 0xA000 && value <= 0xA4CF)
            || (value >= 0xAC00 && value <= 0xD7FF) {
            return .implausible
        }
        guard value >= 0xA0, ScalarTraits.isAssignedText(value) || value == 0x200D else { return .implausible }
        switch value {
        case 0xFE0F, 0x200D, 0x20E3, 0x2018...0x201F, 0x1F3FB...0x1F3FF: return .strong
        // En and em dash, daggers, bullet, ellipsis, per mille, primes, angle quotes, fraction slash.
        case 0xFE0E, 0x2013, 0x2014, 0x2020...0x2022, 0x2026, 0x2030, 0x2032, 0x2033, 0x2039, 0x203A,
             0x2044:
            return .medium
        case 0x200C, 0x200E, 0x200F: return .weak
        case 0xFE00...0xFE0D, 0xFE10...0xFE6F: return .implausible
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .implausible }
        let properties = scalar.properties
        if value >= 0xA9 && properties.isEmoji {
            return properties.isEmojiPresentation ? .strong : .medium
        }
        if value >= 0x10000 { return .implausible }
        if ScalarTraits.isLatinLetter(value) { return .medium }
        if value < 0xC0 { return .medium }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            let isGreek = (value >= 0x370 && value <= 0x3FF) || (value >= 0x1F00 && value <= 0x1FFF)
            let isCyrillic = value >= 0x400 && value <= 0x52F
            let isIPA = value >= 0x250 && value <= 0x2FF
            return isGreek || isCyrillic || isIPA ? .weak : .implausible
        case .format, .control, .lineSeparator, .paragraphSeparator, .enclosingMark, .spacingMark:
            return .implausible
        case .nonspacingMark:
            return value >= 0x300 && value <= 0x36F ? .weak : .implausible
        default:
            return .weak
        }
    }

    /// Score of a candidate on its own (log-odds-like; higher is likelier).
    static func prior(_ value: UInt32) -> Double {
        switch value {
        case 0xFE0F: return 0.5
        case 0xFE0E, 0x200D, 0x20E3: return 0
        case 0x2018...0x201F: return 1.0
        case 0x1F3FB...0x1F3FF: return 0.5
        default: break
        }
        switch tier(value) {
        case .strong:
            // Newer emoji are rarer in text than those every platform has shown for years.
            return 2.0 - 0.05 * Double(max(0, ScalarTraits.ageMajor(value) - 6))
        case .medium:
            if let scalar = Unicode.Scalar(value), value >= 0xA9, scalar.properties.isEmoji { return 1.0 }
            return ScalarTraits.isLatinLetter(value) ? 0.5 : 0.2
        case .weak: return -1.0
        case .implausible: return -10
        }
    }
}
