import Testing
import TextRepair

/// Correct text that looks suspicious stays byte for byte.
@Suite("Correct text stays")
struct NegativeCaseTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "Turkish", text: """
            Ağaç dikme günü: Öğretmenimiz Şükrü Bey, “Her ağaç bir nefestir” dedi.
            İstanbul’da ıhlamur ve çınar; Gülşen de Üsküdar’da fidan dikmiş.
            """),
        Sample(name: "Czech and Polish", text: """
            Příliš žluťoučký kůň úpěl ďábelské ódy.
            Zażółć gęślą jaźń. Kŕdeľ ďatľov učí koňa žrať kôru.
            """),
        Sample(name: "French", text: """
            Déjà vu au café : « Ça marche ! » — Noël à l’hôtel, naïve Zoë.
            CÔTE D’IVOIRE — ÉTÉ 2023. ÂGE MINIMUM : 18 ANS. Œuvres, Être, Île, Août.
            """),
        Sample(name: "Nordic", text: """
            | Åsa Øberg | Ålesund |
            | Þórunn Guðmundsdóttir | Reykjavík |
            | Jens Æbeløe | Århus |
            """),
        Sample(name: "Portuguese capitals", text: "ATENÇÃO: A REUNIÃO SERÁ EM SÃO PAULO.\n\nSÃO PAULO"),
        Sample(name: "Spanish", text: "¿Dónde está la biblioteca? ¡Qué año! «Ánimo», dijo. Pingüino, 2.º lugar."),
        Sample(name: "Emoji sequences", text: """
            👨‍👩‍👧‍👦 Familienfest, 🇩🇪 🇦🇹 🇨🇭, 👍🏽, Abstimmung: 1️⃣ Pizza, #️⃣ egal
            🏳️‍🌈 Aktion, 🧑‍💻 Hackathon, ❤️‍🔥 Projekte, ⚠️ Hinweis, ☀️ Wetter
            """),
        Sample(name: "Symbols", text: """
            −20 °C bis +55 °C (±0,5 °C), 120 × 80 mm, < 5 µs, ½ kg (¼ Akku)
            199,– € / £ 175 / ¥ 29.800 / 12 ¢, § 3 Abs. 2 ¶ 4, © 2022, ® und ™
            """),
        Sample(name: "Box drawing and keys", text: "┌──────┐\n│ mail │──► ✉\n└──────┘\n⌘ F, ⌥ ⇧ Tab, Alt + ←"),
        Sample(name: "Greek and Cyrillic", text: "Καλημέρα, τι κάνεις; Привет, как дела? Ґанок, їжак, єнот. Ћирилица и ђак."),
        Sample(name: "Vietnamese and Romanian", text: "Tiếng Việt: Chào buổi sáng. Română: Știință și țară, însă până acum."),
        Sample(name: "Mojibake quoted in a code span next to correct text", text: """
            Statt `Ã¤` sollte dort ein ä stehen, statt `Ã¶` ein ö.
            """),
        Sample(name: "Mojibake quoted alone in a code span", text: "In the log we saw `Ã¤` where the umlaut belongs."),
        Sample(name: "Mojibake quoted alone in double quotes", text: """
            Read as Windows-1252, those three bytes display as "â‚¬".
            Read as Latin-1 they display as "â" and two control codes.
            """),
        Sample(name: "SQL repairing mojibake", text: """
            ```sql
            UPDATE users SET name = REPLACE(name, 'Ã¼', 'ü');
            UPDATE users SET name = REPLACE(name, 'ÃŸ', 'ß');
            ```
            """),
        Sample(name: "SQL searching for mojibake", text: """
            Find the damaged rows first:

            ```sql
            SELECT id FROM users WHERE name LIKE '%Ã¼%' OR name LIKE '%â€ž%';
            ```
            """),
        Sample(name: "Python test of a mojibake fixer", text: """
            ```python
            def test_fix_umlauts():
                assert fix("GrÃ¼ÃŸe aus KÃ¶ln") == "Grüße aus Köln"
                assert fix("CafÃ© crÃ¨me") == "Café crème"
            ```
            """),
        Sample(name: "Bug report quoting a mis-decoded subject", text: """
            Der Betreff `=?UTF-8?Q?=C3=9Cbersicht?=` wurde als „Ãœbersicht Q3“ statt „Übersicht Q3“ angezeigt.
            """),
        Sample(name: "Front matter explaining mojibake", text: """
            ---
            title: "Warum aus „ä“ plötzlich „Ã¤“ wird"
            ---

            | ä | C3 A4 | Ã¤ |
            | € | E2 82 AC | â‚¬ |
            """),
        Sample(name: "Lone capitals that a dropped byte could explain", text: "Äpfel\n\nÅsa\n\nÇa\n\nÉcole"),
    ]

    @Test("Leaves correct text byte for byte", arguments: samples)
    func leavesCorrectText(_ sample: Sample) {
        let result = TextRepairer.repair(sample.text)
        #expect(sameBytes(result.text, sample.text))
        #expect(result.repairs.isEmpty)
        #expect(!result.changed)
        #expect(!TextRepairer.repairedText(sample.text).changed)
    }

    @Test("Reports quoted mojibake as possible, not as repaired")
    func reportsQuotedMojibakeAsPossible() {
        let result = TextRepairer.repair("In the log we saw `Ã¤` where the umlaut belongs.")
        #expect(result.possible.map(\.before) == ["Ã¤"])
        #expect(result.possible.first?.after == "ä")
        #expect(result.possible.first?.column == 20)
    }

    @Test("Correct German whose letters happen to pair up as UTF-8 ('ß“' would be the NKo letter ߓ) gets no note")
    func implausibleReadingsAreNotNoted() {
        let text = "Das ist „groß“, sagte sie, und „süß“ auch. In SQL steht `GrÃ¼ÃŸe`.\n"
        let result = TextRepairer.repair(text)
        #expect(sameBytes(result.text, text))
        #expect(result.repairs.isEmpty)
        #expect(result.possible.map(\.before) == ["Ã¼ÃŸ"])
    }

    @Test("Returns ASCII text unchanged on the fast path")
    func asciiFastPath() {
        let text = String(repeating: "plain ASCII text, nothing to see\n", count: 1000)
        let result = TextRepairer.repair(text)
        #expect(sameBytes(result.text, text))
        #expect(result.repairs.isEmpty && result.possible.isEmpty)
    }

    @Test("Keeps a byte order mark and repairs after it")
    func keepsByteOrderMark() {
        let result = TextRepairer.repair("\u{FEFF}---\ntitle: \"FÃ¼r alle\"\n---\n")
        #expect(sameBytes(result.text, "\u{FEFF}---\ntitle: \"Für alle\"\n---\n"))
        #expect(result.repairs.first?.line == 2)
        let first = TextRepairer.repair("\u{FEFF}FÃ¼r alle")
        #expect(first.repairs.first?.column == 2)
    }
}
