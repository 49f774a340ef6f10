import Testing
import TextRepair

/// Damage applied more than once: text that was misread, stored, and misread again.
@Suite("Damage applied twice")
struct DoubleDamageTests {
    @Test("Repairs Windows-1252 applied twice, emoji and C1 controls included")
    func repairsWindows1252Twice() {
        let damaged = "GrÃƒÂ¼ÃƒÅ¸e aus KÃƒÂ¶ln Ã¢â‚¬â€œ Ã¢â‚¬Å¾ZitatÃ¢â‚¬Å“ Ã¢Å¡Â\u{A0}Ã¯Â¸Â\u{8F} Ã°Å¸Â\u{90}â€ž"
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, "Grüße aus Köln – „Zitat“ ⚠️ 🐄"))
        #expect(result.repairs.allSatisfy { $0.encoding == "Windows-1252 twice" })
        checkInvariants(input: damaged, result: result)
    }

    @Test("Repairs Windows-1252 followed by Mac Roman, and names both in order")
    func repairsTwoDifferentCodePages() {
        let result = TextRepairer.repair("Gr√É¬º√É≈∏e aus K√É¬∂ln √¢‚Ç¨‚Äú √¢‚Ç¨≈æZitat√¢‚Ç¨≈ì")
        #expect(sameBytes(result.text, "Grüße aus Köln – „Zitat“"))
        #expect(result.repairs.first?.encoding == "Windows-1252, then Mac Roman")
    }

    @Test("Repairs Windows-1252 applied three times")
    func repairsThreeTimes() {
        let result = TextRepairer.repair("GrÃƒÆ’Ã‚Â¼ÃƒÆ’Ã…Â¸e ÃƒÂ¢Ã¢â€šÂ¬Ã¢â‚¬Å“ ÃƒÂ°Ã…Â¸Ã‚Â\u{90}Ã¢â‚¬Å¾")
        #expect(sameBytes(result.text, "Grüße – 🐄"))
        #expect(result.repairs.first?.encoding == "Windows-1252 three times")
    }

    @Test("Repairs Latin-1 followed by Windows-1252")
    func repairsLatin1ThenWindows1252() {
        let result = TextRepairer.repair("GrÃƒÂ¼ÃƒÂŸe aus KÃƒÂ¶ln")
        #expect(sameBytes(result.text, "Grüße aus Köln"))
    }

    @Test("Stops after one layer when the repaired text quotes mojibake on purpose")
    func stopsAtQuotedMojibake() {
        // Once repaired, the line holds correct umlauts next to a quoted sample: not damaged again.
        let damaged = "assert fix(\"GrÃƒÂ¼ÃƒÅ¸e\") == \"GrÃ¼ÃŸe\""
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, "assert fix(\"GrÃ¼ÃŸe\") == \"Grüße\""))
        #expect(result.repairs.allSatisfy { $0.encoding == "Windows-1252" })
    }
}
