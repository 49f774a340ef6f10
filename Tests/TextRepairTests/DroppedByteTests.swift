import Testing
import TextRepair

/// Undefined bytes that were dropped (Windows-1252: 0x81 0x8D 0x8F 0x90 0x9D; Windows-1254 also
/// 0x8E 0x9E): the character lost a continuation byte and has to be inferred.
@Suite("Dropped bytes")
struct DroppedByteTests {
    /// The guessed repairs of a result.
    func guesses(_ result: RepairResult) -> [Repair] { result.repairs.filter(\.isAmbiguous) }

    @Test("Restores the variation selector after a symbol that takes one")
    func restoresVariationSelector() {
        let result = TextRepairer.repair("Wichtig âš\u{A0}ï¸ bitte lesen")
        #expect(sameBytes(result.text, "Wichtig ⚠\u{FE0F} bitte lesen"))
        #expect(guesses(result).isEmpty)
    }

    @Test("Restores keycap sequences")
    func restoresKeycaps() {
        let result = TextRepairer.repair("Abstimmung: 6ï¸âƒ£ Optionen, #ï¸âƒ£ egal")
        #expect(sameBytes(result.text, "Abstimmung: 6\u{FE0F}\u{20E3} Optionen, #\u{FE0F}\u{20E3} egal"))
        #expect(guesses(result).isEmpty)
    }

    @Test("Restores a heart and its variation selector together (both lost a byte)")
    func restoresHeartWithSelector() {
        let result = TextRepairer.repair("Danke fÃ¼rs Testen â¤ï¸")
        #expect(sameBytes(result.text, "Danke fürs Testen ❤\u{FE0F}"))
        #expect(guesses(result).isEmpty)
    }

    @Test("Restores the zero-width joiner inside an emoji sequence, not a quote")
    func restoresJoiner() {
        let result = TextRepairer.repair("Unser Team ðŸ‘¨â€ðŸ’» ist fÃ¼r euch da")
        #expect(sameBytes(result.text, "Unser Team 👨\u{200D}💻 ist für euch da"))
    }

    @Test("Restores a closing quote after a word")
    func restoresClosingQuote() {
        let result = TextRepairer.repair("He said â€œhiâ€ and â€œbyeâ€ to all of us.")
        #expect(sameBytes(result.text, "He said “hi” and “bye” to all of us."))
        #expect(guesses(result).isEmpty)
    }

    @Test("Restores a German opening quote dropped by Windows-1254")
    func restoresLowOpeningQuote() {
        let result = TextRepairer.repair("Er sagte â€GrÃ¼ÃŸeâ€œ und â€TschÃ¼ssâ€œ zu allen.")
        #expect(sameBytes(result.text, "Er sagte „Grüße“ und „Tschüss“ zu allen."))
        #expect(result.repairs.allSatisfy { $0.encoding == "Windows-1254" })
    }

    @Test("Ranks emoji-style candidates first for an emoji that lost a byte")
    func ranksEmojiCandidates() throws {
        let result = TextRepairer.repair("Release ðŸ„ fÃ¼r alle")
        let guess = try #require(guesses(result).first)
        #expect(guess.before == "ðŸ„")
        #expect(guess.candidates.contains("🐄"))
        #expect(guess.candidates.count > 1 && guess.confidence < 0.8)
        // Every listed candidate is an emoji-style character (U+1F404 and its neighbours), never
        // a math letter or a domino tile with the same bytes.
        for candidate in guess.candidates {
            let scalar = try #require(candidate.unicodeScalars.first)
            #expect(scalar.properties.isEmojiPresentation, "\(candidate)")
        }
    }

    @Test("The reference text decides between equally plausible emoji")
    func referenceDecides() {
        let reference = "Release 🐄 for everyone"
        let result = TextRepairer.repair("Release ðŸ„ fÃ¼r alle", reference: [reference])
        #expect(sameBytes(result.text, "Release 🐄 für alle"))
        let other = TextRepairer.repair("Release ðŸ„ fÃ¼r alle", reference: ["Pilze 🍄 im Wald"])
        #expect(sameBytes(other.text, "Release 🍄 für alle"))
    }

    @Test("Ranks candidates for a character that lost two bytes; the reference picks the snake")
    func twoDroppedBytes() throws {
        let damaged = "Die Schlange ðŸ ist grÃ¼n."
        let result = TextRepairer.repair(damaged)
        let guess = try #require(guesses(result).first)
        #expect(guess.candidates.contains("🐍"))
        let withReference = TextRepairer.repair(damaged, reference: ["The snake 🐍 is green."])
        #expect(sameBytes(withReference.text, "Die Schlange 🐍 ist grün."))
    }

    @Test("Keeps a skin tone only after a character that takes one")
    func skinToneAfterModifierBase() throws {
        let result = TextRepairer.repair("GrÃ¼ÃŸe ðŸ‘ðŸ½ von hier")
        let guess = try #require(guesses(result).first)
        #expect(guess.candidates.prefix(3).contains("👍🏽"))
        for candidate in guess.candidates where candidate.unicodeScalars.contains(where: { $0.properties.isEmojiModifier }) {
            #expect(candidate.unicodeScalars.first?.properties.isEmojiModifierBase == true, "\(candidate)")
        }
    }

    @Test("Guesses a letter that lost its byte among the letters that fit; the reference decides")
    func lostLetter() throws {
        let damaged = "Ãsland ist schÃ¶n, sagt Ãmir."
        let result = TextRepairer.repair(damaged)
        let guess = try #require(guesses(result).first)
        #expect(Set(guess.candidates.map { $0.prefix(1) }).isSubset(of: ["Á", "Í", "Ï", "Ð", "Ý"]))
        #expect(guess.candidates.contains("Ísland"))
        let withReference = TextRepairer.repair(damaged, reference: ["Ísland is beautiful, says Ýmir."])
        #expect(sameBytes(withReference.text, "Ísland ist schön, sagt Ýmir."))
    }

    @Test("Repairs a paragraph whose only damage is an emoji that lost a byte")
    func repairsDropOnlyParagraph() throws {
        let result = TextRepairer.repair("Wir feiern!\n\nðŸ„ Moo")
        let line = lines(of: result.text)[2]
        let first = try #require(line.unicodeScalars.first)
        #expect(first.properties.isEmojiPresentation)
        #expect(sameBytes(String(line.unicodeScalars.dropFirst()), " Moo"))
    }

    @Test("Uses the characters a document holds intact elsewhere")
    func usesDocumentCharacters() {
        let damaged = "Unser Maskottchen: 🐄\n\nNeu im Release: ðŸ„ und mehr fÃ¼r euch"
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, "Unser Maskottchen: 🐄\n\nNeu im Release: 🐄 und mehr für euch"))
    }

    @Test("The vocabulary of the texts around breaks a tie; more texts holding a character count more")
    func vocabularyBreaksTie() {
        let damaged = "Neu im Release: ðŸ„ und mehr fÃ¼r euch"
        var cows = RepairVocabulary()
        cows.add("Unser Maskottchen 🐄 grüßt")
        #expect(sameBytes(TextRepairer.repair(damaged, vocabulary: cows).text, "Neu im Release: 🐄 und mehr für euch"))
        var both = cows
        both.add("Frohe Weihnachten 🎄")
        both.add("Noch ein Post mit 🐄")
        #expect(both.count(0x1F404) == 2 && both.count(0x1F384) == 1)
        #expect(sameBytes(TextRepairer.repair(damaged, vocabulary: both).text, "Neu im Release: 🐄 und mehr für euch"))
        // Without one, the tie stays a tie: listed, not decided by the vocabulary of another site.
        let alone = TextRepairer.repair(damaged)
        #expect(alone.guessed)
        #expect(alone.repairs.first?.candidates.contains("🐄") == true)
        #expect(alone.repairs.first?.isAmbiguous == true)
    }

    @Test("The vocabulary neither outweighs the post's own reference nor touches text without guesses")
    func vocabularyIsWeakerThanReference() {
        let damaged = "Neu im Release: ðŸ„ und mehr fÃ¼r euch"
        var vocabulary = RepairVocabulary()
        for day in 1...20 { vocabulary.add("Pilze 🍄 im Wald, Tag \(day)") }
        let result = TextRepairer.repair(damaged, reference: ["New in this release: 🐄"], vocabulary: vocabulary)
        #expect(sameBytes(result.text, "Neu im Release: 🐄 und mehr für euch"))
        let lossless = TextRepairer.repair("GrÃ¼ÃŸe ðŸŽ‰", vocabulary: vocabulary)
        #expect(!lossless.guessed)
        #expect(sameBytes(lossless.text, "Grüße 🎉"))
        for text in ["Grüße aus Köln", "İstanbul’da güzel bir gün", "Příliš žluťoučký kůň"] {
            #expect(sameBytes(TextRepairer.repair(text, vocabulary: vocabulary).text, text))
        }
    }
}
