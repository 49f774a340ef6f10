import Testing
import TextRepair

/// Random text built from the characters mojibake is made of: whatever comes in, repair keeps
/// the line structure, describes every change it makes, and finishes.
@Suite("Robustness")
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so that a failure can be reproduced.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let alphabet: [String] = [
        "a", "b", " ", " ", "\n", "\n\n", "\r\n", "`", "\"", "'", "-", "1", "#",
        "Ã", "Â", "â", "ð", "ï", "Å", "Ä", "¼", "¶", "¤", "Ÿ", "€", "œ", "ž", "„", "“", "™", "¸", "ƒ",
        "\u{81}", "\u{8D}", "\u{8F}", "\u{90}", "\u{9D}", "\u{A0}", "√", "º", "Ô", "£", "ø", "ğ", "Ĺ", "Ă",
        "ü", "ß", "é", "🐄", "⚠\u{FE0F}", "👨\u{200D}💻", "6\u{FE0F}\u{20E3}", "\u{FEFF}",
    ]

    @Test("Random suspicious text keeps its lines and every change is described", arguments: 0..<40)
    func randomText(_ seed: Int) {
        var generator = Generator(state: UInt64(seed) &* 7919 &+ 17)
        var text = ""
        let length = Int.random(in: 1...400, using: &generator)
        for _ in 0..<length { text += Self.alphabet.randomElement(using: &generator)! }
        let result = TextRepairer.repair(text)
        checkInvariants(input: text, result: result)
        #expect(sameBytes(TextRepairer.repairedText(text).text, result.text))
    }

    @Test("A long run of variation selectors without a base finishes and stays")
    func longRunOfGuesses() {
        let text = "Titel: " + String(repeating: "ï¸", count: 500) + " Ende"
        let result = TextRepairer.repair(text)
        checkInvariants(input: text, result: result)
    }

    /// FuzzRepair found the URL case: 58 bytes 0xCB ("Ë") once took time and memory exponential
    /// in the run's length. The candidate search is capped; a regression never finishes.
    @Test("Long runs of lead-byte characters (as in binary or Latin-1 files) keep the text intact",
          arguments: [String(repeating: "Ë", count: 2000), String(repeating: "Ã", count: 2000),
                      "https://github.com/mailcow/mailcow-dock" + String(repeating: "Ë", count: 58) + "erized/pull/4439",
                      String(repeating: "â€", count: 1000), String(repeating: "ðŸ", count: 1000)])
    func longLeadByteRuns(_ text: String) {
        let result = TextRepairer.repair(text)
        checkInvariants(input: text, result: result)
    }

    @Test("A long damaged line repairs in one piece")
    func longDamagedLine() {
        let text = String(repeating: "GrÃ¼ÃŸe aus KÃ¶ln â€“ ", count: 300)
        let result = TextRepairer.repair(text)
        #expect(sameBytes(result.text, String(repeating: "Grüße aus Köln – ", count: 300)))
        checkInvariants(input: text, result: result)
    }
}
