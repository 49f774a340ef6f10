import Testing
import TextRepair

/// Files that mix damaged and correct text: each part is judged on its own.
@Suite("Partial damage")
struct PartialDamageTests {
    @Test("Repairs a damaged front matter and leaves the correct body alone")
    func repairsFrontMatterOnly() {
        let damaged = """
            ---
            title: "ðŸŽ‰ Ã„nderungen im MÃ¤rz"
            tags: ["Ã„nderungen"]
            ---

            Die Änderungen im März: „schöner“ und schneller – wie versprochen.
            """
        let expected = """
            ---
            title: "🎉 Änderungen im März"
            tags: ["Änderungen"]
            ---

            Die Änderungen im März: „schöner“ und schneller – wie versprochen.
            """
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, expected))
        #expect(result.repairs.allSatisfy { $0.line == 2 || $0.line == 3 })
        checkInvariants(input: damaged, result: result)
    }

    @Test("Judges each front-matter line alone: a damaged title beside a correct description and tags")
    func repairsOneFrontMatterField() {
        let damaged = """
            ---
            title: "Weniger LÃ¤rm in den Protokollen"
            description: "Unterstützt PostgreSQL 13 nicht mehr."
            tags:
              - Änderungen
            note: "`Ã¤` is how ä looks when misread"
            ---

            Text.
            """
        let expected = """
            ---
            title: "Weniger Lärm in den Protokollen"
            description: "Unterstützt PostgreSQL 13 nicht mehr."
            tags:
              - Änderungen
            note: "`Ã¤` is how ä looks when misread"
            ---

            Text.
            """
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, expected))
        #expect(result.repairs.map(\.line) == [2])
        checkInvariants(input: damaged, result: result)
        // The same lines as one paragraph of prose are a mix, and left alone.
        let prose = "Weniger LÃ¤rm in den Protokollen. Unterstützt PostgreSQL 13 nicht mehr.\n"
        #expect(sameBytes(TextRepairer.repair(prose).text, prose))
    }

    @Test("Repairs every other paragraph when only those are damaged")
    func repairsAlternatingParagraphs() {
        let damaged = """
            GrÃ¼ÃŸe aus KÃ¶ln!
            Wir freuen uns Ã¼ber euer Feedback.

            Grüße aus München!
            Wir freuen uns über eure Beiträge.

            â€žDanke“ sagt das ganze Team â€“ bis bald.
            """
        // The third paragraph mixes a correct “ with damaged text: left alone, reported.
        let result = TextRepairer.repair(damaged)
        let expectedLines = [
            "Grüße aus Köln!", "Wir freuen uns über euer Feedback.", "",
            "Grüße aus München!", "Wir freuen uns über eure Beiträge.", "",
            "â€žDanke“ sagt das ganze Team â€“ bis bald.",
        ]
        #expect(lines(of: result.text) == expectedLines)
        #expect(result.repairs.allSatisfy { $0.line <= 2 })
        #expect(result.possible.contains { $0.line == 7 && $0.after == "„" })
        checkInvariants(input: damaged, result: result)
    }

    @Test("Keeps CRLF line endings and repairs the damaged lines between them")
    func keepsCRLF() {
        let damaged = "Titel: Ã„nderungen\r\n\r\nKorrekt: Änderung\r\n"
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, "Titel: Änderungen\r\n\r\nKorrekt: Änderung\r\n"))
        #expect(result.repairs.count == 1)
        #expect(result.repairs.first?.line == 1)
    }

    @Test("Repairs a damaged code block inside a damaged post")
    func repairsDamagedCodeBlock() {
        let damaged = """
            FÃ¼r die Konfiguration:

            ```bash
            # PrÃ¼fen, ob der Dienst lÃ¤uft
            systemctl status postfix
            ```
            """
        let result = TextRepairer.repair(damaged)
        #expect(sameBytes(result.text, """
            Für die Konfiguration:

            ```bash
            # Prüfen, ob der Dienst läuft
            systemctl status postfix
            ```
            """))
    }
}
