import Testing
import TextRepair

/// UTF-8 misread once as each code page, undefined bytes turned into C1 controls. The damaged
/// strings were made with Python's codecs (`bytes([b]).decode(codepage)` per byte, see the
/// corpus README), independently of the tables in TextRepair.
@Suite("Code pages")
struct CodePageRepairTests {
    static let original = "Grüße aus Köln – „Zitat“ für 5 €, ½ Liter Café crème 🐄"

    struct Sample: Sendable, CustomTestStringConvertible {
        var encoding: String
        var damaged: String
        var testDescription: String { encoding }
    }

    static let samples: [Sample] = [
        Sample(encoding: "Windows-1252",
               damaged: "GrÃ¼ÃŸe aus KÃ¶ln â€“ â€žZitatâ€œ fÃ¼r 5 â‚¬, Â½ Liter CafÃ© crÃ¨me ðŸ\u{90}„"),
        Sample(encoding: "Latin-1",
               damaged: "GrÃ¼Ã\u{9F}e aus KÃ¶ln â\u{80}\u{93} â\u{80}\u{9E}Zitatâ\u{80}\u{9C} fÃ¼r 5 â\u{82}¬, Â½ Liter CafÃ© crÃ¨me ð\u{9F}\u{90}\u{84}"),
        Sample(encoding: "Windows-1250",
               damaged: "GrĂĽĂźe aus KĂ¶ln â€“ â€žZitatâ€ś fĂĽr 5 â‚¬, Â˝ Liter CafĂ© crĂ¨me đź\u{90}„"),
        Sample(encoding: "Windows-1254",
               damaged: "GrÃ¼ÃŸe aus KÃ¶ln â€“ â€\u{9E}Zitatâ€œ fÃ¼r 5 â‚¬, Â½ Liter CafÃ© crÃ¨me ğŸ\u{90}„"),
        Sample(encoding: "Mac Roman",
               damaged: "Gr√º√üe aus K√∂ln ‚Äì ‚ÄûZitat‚Äú f√ºr 5 ‚Ç¨, ¬Ω Liter Caf√© cr√®me \u{F8FF}üêÑ"),
    ]

    @Test("Repairs UTF-8 misread as the code page", arguments: samples)
    func repairsCodePage(_ sample: Sample) {
        let result = TextRepairer.repair(sample.damaged)
        #expect(sameBytes(result.text, Self.original))
        #expect(!result.repairs.isEmpty)
        #expect(result.repairs.allSatisfy { $0.encoding == sample.encoding && !$0.isAmbiguous })
        checkInvariants(input: sample.damaged, result: result)
    }

    @Test("Repairs Turkish text damaged as Windows-1254")
    func repairsTurkishDamage() {
        let damaged = "Ã‡alÄ±ÅŸma grubu: Ä°stanbulâ€™da AÄŸaÃ§ â€“ Å\u{9E}Ã¼krÃ¼ Bey"
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, "Çalışma grubu: İstanbul’da Ağaç – Şükrü Bey"))
        #expect(result.repairs.allSatisfy { $0.encoding == "Windows-1254" })
    }

    @Test("Repairs Czech and Polish text damaged as Windows-1250")
    func repairsCentralEuropeanDamage() {
        let damaged = "PĹ™Ă\u{AD}liĹˇ ĹľluĹĄouÄŤkĂ˝ kĹŻĹ\u{88} â€“ Ĺ\u{81}ĂłdĹş"
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, "Příliš žluťoučký kůň – Łódź"))
        #expect(result.repairs.allSatisfy { $0.encoding == "Windows-1250" })
    }

    @Test("Repairs Nordic text damaged as Mac Roman")
    func repairsMacRomanDamage() {
        let result = TextRepairer.repair("√Ür√∏, √ñdeg√•rd ‚Äì √û√≥runn")
        #expect(sameBytes(result.text, "Ærø, Ödegård – Þórunn"))
        #expect(result.repairs.first?.encoding == "Mac Roman")
    }

    @Test("Reports each repaired word with its position and what it became")
    func reportsRepairedWords() {
        let result = TextRepairer.repair("Viele GrÃ¼ÃŸe,\nâ€žDein Teamâ€œ sagt fÃ¼r alle ðŸ‘‹")
        let summary = result.repairs.map { "\($0.line):\($0.column) \($0.before) -> \($0.after)" }
        #expect(summary == [
            "1:7 GrÃ¼ÃŸe -> Grüße",
            "2:1 â€žDein -> „Dein",
            "2:9 Teamâ€œ -> Team“",
            "2:22 fÃ¼r -> für",
            "2:32 ðŸ‘‹ -> 👋",
        ])
    }
}
