/// What the Unicode data says about a character, as far as repair needs it.
enum ScalarTraits {
    /// A character that a complete UTF-8 sequence may decode to in a repair. C1 controls, private
    /// use, noncharacters and unassigned code points are not text anyone wrote.
    @inline(__always)
    static func isAcceptableDecoded(_ value: UInt32) -> Bool {
        if value < 0xA0 { return value >= 0x20 && value < 0x7F }
        if value < 0x300 { return true }
        // General punctuation, the euro sign, the trade mark sign: the usual suspects.
        if (value >= 0x2010 && value <= 0x2027) || (value >= 0x2030 && value <= 0x205E)
            || value == 0x20AC || value == 0x2122 {
            return true
        }
        return isAssignedText(value)
    }

    /// Assigned, and neither private use, a noncharacter, a surrogate nor a control.
    static func isAssignedText(_ value: UInt32) -> Bool {
        if value >= 0xE000 && value <= 0xF8FF { return false }
        if value >= 0xF0000 { return false }
        if value >= 0xFDD0 && value <= 0xFDEF { return false }
        if value & 0xFFFE == 0xFFFE { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        guard properties.age != nil else { return false }
        switch properties.generalCategory {
        case .control, .surrogate, .privateUse, .unassigned: return false
        default: return true
        }
    }

    static func isVariationBase(_ value: UInt32) -> Bool {
        // Characters with an emoji variation sequence: emoji that are text by default, and the
        // keycap bases.
        if value == 0x23 || value == 0x2A || (value >= 0x30 && value <= 0x39) { return true }
        guard value >= 0xA9, let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isEmoji && !properties.isEmojiPresentation
    }

    static func isEmojiPresentation(_ value: UInt32) -> Bool {
        guard value >= 0x231A, let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isEmojiPresentation
    }

    /// A pictographic emoji (not a digit, `#` or `*`, which are Emoji only as keycap bases).
    static func isPictographic(_ value: UInt32) -> Bool {
        guard value >= 0xA9, let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        return properties.isEmoji && !properties.isEmojiModifier && !(value >= 0x1F1E6 && value <= 0x1F1FF)
    }

    static func isEmojiModifier(_ value: UInt32) -> Bool { value >= 0x1F3FB && value <= 0x1F3FF }

    static func isEmojiModifierBase(_ value: UInt32) -> Bool {
        guard value >= 0x261D, let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isEmojiModifierBase
    }

    static func isLatinLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0xC0 && value <= 0x24F { return value != 0xD7 && value != 0xF7 }
        return (value >= 0x1E00 && value <= 0x1EFF) || (value >= 0x2C60 && value <= 0x2C7F)
            || (value >= 0xA720 && value <= 0xA7FF)
    }

    static func isLetterOrDigit(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A)
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isClosingPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x21, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x2026: return true
        default: return false
        }
    }

    static func isSpaceOrStart(_ value: UInt32?) -> Bool {
        guard let value else { return true }
        return value == 0x20 || value == 0x09 || value == 0x0D || value == 0xA0 || value == 0x28
            || value == 0x5B || value == 0x3E || value == 0x2A || value == 0x5F
    }

    /// Unicode version (major) in which the character was assigned.
    static func ageMajor(_ value: UInt32) -> Int {
        guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age else { return 99 }
        return age.major
    }
}
