import Foundation
import Testing
import TextRepair

/// Mojibake shown on purpose (quoted, discussed, put beside its correct form) stays byte for byte
/// and is reported as a possible repair with its reason; damage that merely looks similar (a
/// damaged post that mentions encodings, a damaged paragraph pasted into a correct post, damaged
/// quotes in a damaged paragraph) is still repaired. Every sample and every damaged text is made
/// from correct text with `Misread`.
@Suite("Intentional mojibake")
struct IntentionalMojibakeTests {
    /// Windows-1252 once, C1 controls for undefined bytes.
    static func m(_ text: String) -> String { Misread.text(text) }

    static let inCode = "quoted in code elsewhere in this file"
    static let correctElsewhere = "the same words appear correctly encoded in this file"
    static let besideTalk = "quoted next to words about encodings"
    static let sampleBesideTalk = "shown as a sample next to words about encodings"

    /// A possible repair expected at `line`:`column` (1-based, in Characters) with `reason`.
    struct Note: Sendable, CustomStringConvertible {
        var line: Int
        var column: Int
        var reason: String
        var description: String { "\(line):\(column) \(reason)" }
    }

    struct Clean: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// Where the rule fires; empty when the text is left alone for other reasons (correct
        /// characters beside the samples).
        var notes: [Note] = []
        var testDescription: String { name }
    }

    static let clean: [Clean] = [
        Clean(name: "English FAQ heading quoting broken curly quotes, code spans further down", text: """
            # FAQ

            ## Why do I see \(m("“")) and \(m("”")) instead of quotes?

            Your editor saved the file as UTF-8, but the server sends it as Windows-1252.
            Search your files for `\(m("“"))` and `\(m("”"))` and replace them with “ and ”.
            """, notes: [Note(line: 3, column: 17, reason: inCode), Note(line: 3, column: 25, reason: inCode)]),
        Clean(name: "English FAQ in plain ASCII apart from the samples", text: """
            ## What does \(m("’")) mean in my export?

            It is a right single quote read the wrong way. Replace `\(m("’"))` with an apostrophe.
            """, notes: [Note(line: 1, column: 14, reason: inCode)]),
        Clean(name: "German FAQ heading with broken low quotes, code span below", text: """
            ## Warum stehen in meinen Mails \(m("„")) und \(m("“"))?

            Der Zeichensatz stimmt nicht: `\(m("„"))` ist ein „ und `\(m("“"))` ein “, gelesen als Windows-1252.
            """, notes: [Note(line: 1, column: 33, reason: inCode), Note(line: 1, column: 41, reason: inCode)]),
        Clean(name: "FAQ heading with damaged quotes around a word, the marks shown in code", text: """
            ## Why does my page say \(m("“"))Hello\(m("”"))?

            `\(m("“"))` and `\(m("”"))` are curly quotes read as Windows-1252: “Hello” was meant.
            """, notes: [Note(line: 1, column: 25, reason: inCode)]),
        Clean(name: "German support mail quoted with its damaged subject, written correctly below", text: """
            Letzte Woche schrieb uns eine Kundin, ihre Bestätigung sehe seltsam aus:

            > Betreff: Ihre Bestellung \(m("über")) 3 Artikel
            > Datum: 04.03.2024
            > Hallo, so kam die Mail bei mir an.

            Ihr Mailprogramm hat die UTF-8-Bytes als Windows-1252 gelesen. Richtig heißt der
            Betreff natürlich „Ihre Bestellung über 3 Artikel“.
            """, notes: [Note(line: 3, column: 28, reason: correctElsewhere)]),
        Clean(name: "German support mail whose damaged subject is written correctly without its label", text: """
            Die Mail kam so bei uns an:

            > Betreff: \(m("Bestätigung Ihrer Bestellung über 3 Artikel"))

            Der Zeichensatz war Windows-1252 statt UTF-8. Gemeint war: Bestätigung Ihrer Bestellung über 3 Artikel.
            """, notes: [Note(line: 3, column: 12, reason: correctElsewhere), Note(line: 3, column: 42, reason: correctElsewhere)]),
        Clean(name: "English support mail quoted with its damaged subject, written correctly below", text: """
            A customer forwarded this to us:

            > Subject: Your order from \(m("Zürich")) is on its way
            > From: shop@example.com

            The shop sent UTF-8, the mail client assumed Windows-1252. The subject was meant to be
            “Your order from Zürich is on its way”.
            """, notes: [Note(line: 3, column: 28, reason: correctElsewhere)]),
        Clean(name: "Blog post quoting a damaged sentence and the sentence it should have been", text: """
            # The Windows-1252 mix-up

            Our newsletter went out with this line:

            > \(m("Don’t forget: the café opens at 9."))

            It should have said: Don’t forget: the café opens at 9. The encoding header was missing.
            """, notes: [Note(line: 5, column: 3, reason: correctElsewhere), Note(line: 5, column: 23, reason: correctElsewhere)]),
        Clean(name: "English tutorial: a word in double quotes beside the encoding names", text: """
            When UTF-8 text is decoded as Windows-1252, the word "\(m("Straße"))" is what you get.
            """, notes: [Note(line: 1, column: 55, reason: besideTalk)]),
        Clean(name: "German tutorial: a word in double quotes beside 'Kodierung'", text: """
            Mit der falschen Kodierung gelesen, wird aus dem Wort "\(m("Käse"))" ein Zeichensalat.
            """, notes: [Note(line: 1, column: 56, reason: besideTalk)]),
        Clean(name: "German log line in single quotes beside 'Zeichensatz'", text: """
            Im Protokoll stand 'Fehler in \(m("Größe")) 3' und der Zeichensatz war falsch gesetzt.
            """, notes: [Note(line: 1, column: 31, reason: besideTalk)]),
        Clean(name: "Damage applied twice, quoted in a tutorial", text: """
            Run twice through Windows-1252, "\(Misread.text("naïve", times: 2))" gets even longer.
            """, notes: [Note(line: 1, column: 34, reason: besideTalk)]),
        Clean(name: "English changelog mentioning a fixed mojibake bug", text: """
            ## 2.4.1

            - Fixed: product names such as "\(m("Crème brûlée"))" showed up with broken encoding in RSS feeds.
            - Fixed: the sitemap lists drafts.
            """, notes: [Note(line: 3, column: 33, reason: besideTalk), Note(line: 3, column: 40, reason: besideTalk)]),
        Clean(name: "German changelog mentioning broken umlauts", text: """
            ## Version 3.1

            * Behoben: Titel wie "\(m("Übersicht"))" wurden nach dem Import angezeigt, die Umlaute kaputt.
            * Neu: Suche im Archiv.
            """, notes: [Note(line: 3, column: 23, reason: besideTalk)]),
        Clean(name: "English table of wrong and right, the right column spelled out", text: """
            | Shown as Windows-1252 | Meant (UTF-8) |
            |-----------------------|---------------|
            | \(m("é")) | e with acute accent |
            | \(m("€")) | euro sign |
            """, notes: [Note(line: 3, column: 3, reason: sampleBesideTalk), Note(line: 4, column: 3, reason: sampleBesideTalk)]),
        Clean(name: "German table of UTF-8 bytes and what Windows-1252 makes of them", text: """
            | Zeichen | UTF-8-Bytes | als Windows-1252 gelesen |
            |---------|-------------|--------------------------|
            | a-Umlaut | C3 A4 | \(m("ä")) |
            | Eszett | C3 9F | \(m("ß")) |
            """, notes: [Note(line: 3, column: 22, reason: sampleBesideTalk), Note(line: 4, column: 20, reason: sampleBesideTalk)]),
        Clean(name: "Heading names the damage, SQL below repairs it", text: """
            ## Cleaning up \(m("é")) in the database

            ```sql
            UPDATE products SET name = REPLACE(name, '\(m("é"))', 'é');
            ```
            """, notes: [Note(line: 1, column: 16, reason: inCode)]),
        Clean(name: "German FAQ: what the euro sign turns into", text: """
            ### Was bedeutet \(m("€")) auf meiner Rechnung?

            Das ist das Eurozeichen mit falscher Kodierung: `\(m("€"))` steht für €.
            """, notes: [Note(line: 1, column: 18, reason: inCode)]),
        Clean(name: "FAQ heading quoting a closing quote whose last byte was dropped, shown in code", text: """
            ## Why do my titles end in \(Misread.text("”", dropUndefined: true))?

            The last byte of ” (E2 80 9D) is undefined in Windows-1252, so it vanished. `\(Misread.text("”", dropUndefined: true))` is what remains.
            """, notes: [Note(line: 1, column: 28, reason: inCode)]),
        Clean(name: "English help text: a broken apostrophe standing alone beside 'encoding'", text: """
            Seeing \(m("’")) all over your page? That is an encoding problem, not a typo.
            """, notes: [Note(line: 1, column: 8, reason: sampleBesideTalk)]),
        Clean(name: "German help text: a damaged umlaut standing alone beside 'Kodierung'", text: """
            Ihr seht \(m("ä")) statt eines Umlauts? Dann stimmt die Kodierung nicht.
            """, notes: [Note(line: 1, column: 10, reason: sampleBesideTalk)]),
        Clean(name: "FAQ heading with a broken apostrophe, a grep for it in a code block below", text: """
            ## Why do I see \(m("’")) in my titles?

            ```
            $ grep -rl '\(m("’"))' content/
            ```
            """, notes: [Note(line: 1, column: 17, reason: inCode)]),
        Clean(name: "Wrong and right in one table (correct text beside the samples)", text: """
            | Wrong | Right |
            |-------|-------|
            | `\(m("é"))` | `é` |
            | `\(m("€"))` | `€` |
            """),
        Clean(name: "German explainer with samples next to the correct letters", text: """
            Wird „ä“ als Windows-1252 gelesen, steht da „\(m("ä"))“; aus „Grüße“ wird „\(m("Grüße"))“.
            """),
        Clean(name: "Stack trace in a code block, explained below", text: """
            ```
            ValueError: unknown name '\(m("Müller"))'
            ```

            The name was stored as Latin-1 although the column is UTF-8; it reads Müller, of course.
            """),
        Clean(name: "Mail header sample in a code block of an otherwise ASCII post", text: """
            Here is the header as the client showed it:

            ```
            Subject: \(m("Grüße aus Köln"))
            ```

            The bytes are fine; the client ignored the charset.
            """),
        Clean(name: "German blog post about the Windows-1252 mix-up, quoting and correcting", text: """
            ---
            title: "Das Windows-1252-Durcheinander"
            ---

            In der Vorschau stand "\(m("Schöne Grüße"))" statt der erwarteten Worte.

            Richtig wäre „Schöne Grüße“ gewesen: Die Datei war UTF-8, der Client las Windows-1252.
            """, notes: [Note(line: 5, column: 24, reason: correctElsewhere), Note(line: 5, column: 32, reason: correctElsewhere)]),
    ]

    /// A text made of parts, each correct or misread.
    struct Damaged: Sendable, CustomTestStringConvertible {
        var name: String
        var original: String
        var damaged: String
        var testDescription: String { name }

        /// The whole text misread.
        init(_ name: String, page: Misread.Page = .windows1252, dropUndefined: Bool = false, times: Int = 1,
             _ text: String) {
            self.name = name
            original = text
            damaged = Misread.text(text, as: page, dropUndefined: dropUndefined, times: times)
        }

        /// Only the parts marked `true` misread (Windows-1252), the others correct.
        init(_ name: String, parts: [(String, Bool)]) {
            self.name = name
            original = parts.map(\.0).joined()
            damaged = parts.map { $0.1 ? Misread.text($0.0) : $0.0 }.joined()
        }
    }

    static let damaged: [Damaged] = [
        Damaged("Whole German post read as Windows-1252 that mentions UTF-8 and Kodierung", """
            ## Umstellung auf UTF-8

            Seit März speichern wir alle Beiträge in UTF-8. Die alte Kodierung machte aus „Größe“
            regelmäßig Unsinn – das ist jetzt vorbei.

            Schöne Grüße, euer Team
            """),
        Damaged("Whole English post read as Windows-1252, a word in quotes next to 'encoding'", """
            We finally fixed the encoding of the menu: "Crème brûlée" and "Café au lait" look right again.

            Thanks to Zoë for the report – and sorry for the wait!
            """),
        Damaged("Whole post read as Latin-1 that explains its UTF-8 migration", page: .latin1, """
            Die Datenbank läuft jetzt mit utf8mb4; vorher war der Zeichensatz latin1.
            Für Emoji wie 🎉 heißt das: endlich keine Fragezeichen mehr.

            Bei Fragen: „Kontakt“ im Menü.
            """),
        Damaged("Whole Czech post read as Windows-1250 that mentions UTF-8", page: .windows1250, """
            Převedli jsme web na UTF-8. Kódování „windows-1250“ už nepoužíváme.

            Příliš žluťoučký kůň úpěl ďábelské ódy – děkujeme za trpělivost.
            """),
        Damaged("Whole Turkish post read as Windows-1254 that mentions 'encoding'", page: .windows1254, """
            Sitemizin encoding ayarını UTF-8 olarak değiştirdik: "Şükrü Bey" artık doğru görünüyor.

            Ağaç dikme günü İstanbul’da yapılacak.
            """),
        Damaged("Whole post read as Mac Roman that mentions Unicode", page: .macRoman, """
            Unicode-Unterstützung für „Straße“ und „Größe“ ist fertig.

            Nächste Woche: Übersetzungen ins Dänische (Ærø, Ødegård).
            """),
        Damaged("Whole post damaged twice that mentions the encoding", times: 2, """
            Die Kodierung war kaputt: "Grüße" kam doppelt falsch an.

            Jetzt ist alles wieder schön.
            """),
        Damaged("Whole damaged post with a word in a code span and the same word in prose", """
            Setze `Größe` auf 10. Die Größe gilt für alle Fenster.

            Danach den Dienst neu starten – fertig.
            """),
        Damaged("Whole damaged FAQ, its code spans damaged like its prose", """
            ## Why can’t I log in?

            Check that `Straße` is spelled as in your profile. Straße, not Strasse.
            """),
        Damaged("Whole damaged post: one paragraph looks discussed, the other is plain", """
            Seit dem Update auf UTF-8 zeigt die Liste "Größe" richtig an.

            Schöne Grüße aus Köln
            """),
        Damaged("Whole English post read as Latin-1 quoting 'naïve' beside 'encoding'", page: .latin1, """
            Our encoding guide now spells "naïve" and "façade" right.

            More soon — promise.
            """),
        Damaged("Whole damaged post with a table whose header mentions UTF-8", """
            | Zeichen | UTF-8 |
            |---------|-------|
            | Ä | C3 84 |
            | ö | C3 B6 |

            Die Tabelle zeigt die Bytes für Ä und ö.
            """),
        Damaged("Whole damaged changelog that mentions a fixed encoding bug", """
            ## 2.4.1

            - Fixed: broken encoding in names like "Café Müller".
            - Improved: faster builds – about 20 % less time.
            """),
        Damaged("Whole English post whose quoted mail subject is damaged with everything else", """
            A customer wrote:

            > Subject: Your order from Zürich

            We answered within the hour – with apologies for the delay in “shipping”.
            """),
        Damaged("Whole damaged post with a damaged heading mark and a damaged code block", """
            ## Prüfen – dann starten

            ```bash
            # Prüfen, ob der Dienst läuft
            systemctl status postfix
            ```
            """),
        Damaged("A damaged paragraph pasted into a correct German post about the move to UTF-8", parts: [
            ("Wir haben die Kodierung aller Seiten auf UTF-8 umgestellt. Grüße an alle!\n\n", false),
            ("Die Größe der Datenbank ist dabei um 3 % gewachsen, das Backup läuft länger.\n\n", true),
            ("Fragen bitte über das Formular.\n", false),
        ]),
        Damaged("A damaged paragraph pasted into a correct English post, a quoted phrase among damaged words", parts: [
            ("The café reopens on Monday.\n\n", false),
            ("Our chef said \"crème brûlée for everyone\" and the naïve plan worked.\n\n", true),
            ("See you soon – the team.\n", false),
        ]),
        Damaged("Damaged quotes inside a fully damaged paragraph beside 'Kodierung', the rest correct", parts: [
            ("Eine Kundin schrieb uns eine Mail.\n\n", false),
            ("Sie meinte: \"Die Lieferung kam pünktlich\" – wir haben die Kodierung trotzdem geprüft.\n\n", true),
            ("Vielen Dank für das Lob!\n", false),
        ]),
        Damaged("Damaged paragraph whose words partly appear correctly elsewhere in a post about UTF-8", parts: [
            ("Seit der Umstellung auf UTF-8 gilt: Ihre Bestellung über 3 Artikel wird bestätigt.\n\n", false),
            ("Ihre Bestellung über 3 Artikel kommt morgen, die Rechnung übermorgen.\n", true),
        ]),
        Damaged("Damaged front-matter title mentioning Unicode in YAML quotes, correct body", parts: [
            ("---\n", false),
            ("title: \"Bessere Unicode-Unterstützung\"\n", true),
            ("---\n\nDie Unterstützung für Emoji 🎉 ist da.\n", false),
        ]),
        Damaged("Damaged front-matter description repeating the correct first sentence", parts: [
            ("---\n", false),
            ("description: \"Die Änderungen im März sind da\"\n", true),
            ("---\n\nDie Änderungen im März sind da: schneller und schöner.\n", false),
        ]),
        Damaged("Damaged paragraph in single quotes beside 'Zeichensatz', with unquoted damage too", parts: [
            ("Der Zeichensatz der Seite ist UTF-8.\n\n", false),
            ("Im Protokoll stand 'Fehler in Größe 3', später auch Fehler in Länge 4.\n\n", true),
            ("Das prüfen wir.\n", false),
        ]),
        Damaged("A damaged Portuguese paragraph with a lone 'é' next to a paragraph about UTF-8", parts: [
            ("O site usa UTF-8 desde março.\n\n", false),
            ("Isso é bom: a migração foi rápida.\n", true),
        ]),
        Damaged("Whole damaged post whose code block has a damaged string literal, the same word in prose", """
            Die Größe steht in der Konfiguration – so:

            ```
            label = "Größe"
            ```
            """),
        Damaged("A damaged paragraph with only a dash, pasted into a correct post", parts: [
            ("Grüße vom Team – wir melden uns.\n\n", false),
            ("Das Update kommt am Montag – versprochen.\n", true),
        ]),
    ]

    @Test("Repairs damage that only looks like a sample", arguments: damaged)
    func repairsLookAlikeDamage(_ sample: Damaged) {
        #expect(!sameBytes(sample.damaged, sample.original), "the sample must be damaged")
        let result = TextRepairer.repair(sample.damaged)
        #expect(sameBytes(result.text, sample.original))
        #expect(result.possible.allSatisfy { $0.reason == nil }, "reported as shown on purpose: \(result.possible)")
        #expect(sameBytes(TextRepairer.repairedText(sample.damaged).text, sample.original))
        #expect(TextRepairer.repairedUTF8(Array(sample.damaged.utf8)).utf8 == Array(sample.original.utf8))
        checkInvariants(input: sample.damaged, result: result)
    }

    @Test("Leaves mojibake shown on purpose byte for byte", arguments: clean)
    func leavesIntentionalMojibake(_ sample: Clean) {
        let result = TextRepairer.repair(sample.text)
        #expect(sameBytes(result.text, sample.text))
        #expect(result.repairs.isEmpty)
        #expect(!TextRepairer.repairedText(sample.text).changed)
        #expect(!TextRepairer.repairedUTF8(Array(sample.text.utf8)).changed)
        checkInvariants(input: sample.text, result: result)
        let reported = result.possible.filter { $0.reason != nil }.map {
            Note(line: $0.line, column: $0.column, reason: $0.reason!).description
        }
        for note in sample.notes {
            #expect(reported.contains(note.description), "expected \(note), reported \(reported)")
        }
    }

    @Test("Mojibake only inside code or quotes, in a file without other damage, says so")
    func quotedOnlyHasReason() {
        let result = TextRepairer.repair("In the log we saw `\(Self.m("ä"))` where the umlaut belongs.")
        #expect(result.repairs.isEmpty)
        #expect(result.possible.map { "\($0.line):\($0.column) \($0.reason ?? "-")" }
            == ["1:20 shown only inside code or quotation marks"])
    }

    @Test("A held paragraph reports what each word would have become, with a low confidence")
    func heldWordsDescribeTheirRepair() {
        let text = "## Why do I see \(Self.m("“")) here?\n\nSearch for `\(Self.m("“"))` and replace it with “.\n"
        let result = TextRepairer.repair(text)
        #expect(sameBytes(result.text, text))
        let held = result.possible.filter { $0.line == 1 }
        #expect(held.map(\.before) == [Self.m("“")])
        #expect(held.map(\.after) == ["“"])
        #expect(held.allSatisfy { $0.encoding == "Windows-1252" && $0.confidence <= 0.3 && $0.reason == Self.inCode })
    }

    @Test("Repairs that were applied carry no reason; the old initializer still works")
    func appliedRepairsHaveNoReason() {
        let result = TextRepairer.repair(Self.m("Grüße aus Köln"))
        #expect(!result.repairs.isEmpty && result.repairs.allSatisfy { $0.reason == nil })
        let repair = Repair(line: 1, column: 1, before: "a", after: "b", encoding: "Windows-1252", confidence: 1, candidates: ["b"])
        #expect(repair.reason == nil)
    }

    /// The corpus's blog documents (correct text), each once.
    static let documents: [CorpusCase] = {
        var seen = Set<URL>()
        return CorpusCase.all.filter { !$0.isClean && seen.insert($0.original).inserted }
    }()

    static let talk = "\n\nHinweis: Diese Seite ist UTF-8; eine falsche Kodierung (Windows-1252) macht \"Umlaute\" kaputt.\n"

    @Test("Any one paragraph of a blog post damaged, in a post that talks about encodings or not, is repaired",
          arguments: documents)
    func repairsEachDamagedParagraph(_ document: CorpusCase) throws {
        let text = try document.texts().original
        for base in [text, text + Self.talk] {
            let paragraphs = base.components(separatedBy: "\n\n")
            for index in paragraphs.indices where paragraphs[index].unicodeScalars.contains(where: { $0.value >= 0x80 })
                && !Self.talk.contains(paragraphs[index]) {
                var parts = paragraphs
                parts[index] = Misread.text(parts[index])
                let damaged = parts.joined(separator: "\n\n")
                let result = TextRepairer.repair(damaged)
                // Mojibake only in code, in a file damaged nowhere else, stays by the older rule.
                let quotedOnly = !result.possible.isEmpty
                    && result.possible.allSatisfy { $0.reason == "shown only inside code or quotation marks" }
                #expect(sameBytes(result.text, base) || (quotedOnly && sameBytes(result.text, damaged)),
                        "paragraph \(index): \(result.possible.map { "\($0.line):\($0.column) \($0.reason ?? "-")" })")
            }
        }
    }

    @Test("A whole blog post damaged, with a paragraph about encodings added, is repaired under every code page",
          arguments: documents)
    func repairsWholePostThatTalksAboutEncodings(_ document: CorpusCase) throws {
        let base = try document.texts().original + Self.talk
        for page in [Misread.Page.windows1252, .latin1, .windows1250, .windows1254, .macRoman] {
            let result = TextRepairer.repair(Misread.text(base, as: page))
            #expect(sameBytes(result.text, base), "\(page)")
        }
    }

    /// A FAQ entry that shows broken quotes on purpose.
    static let faq = "\n\n## Why do I see \(m("“")) and \(m("”")) instead of quotes?\n\n"
        + "Your files are UTF-8, the server says Windows-1252. Search for `\(m("“"))` and `\(m("”"))`.\n"

    @Test("A damaged paragraph is repaired and a FAQ entry showing mojibake on purpose is kept, in the same post",
          arguments: documents)
    func repairsDamageBesideIntentionalMojibake(_ document: CorpusCase) throws {
        let text = try document.texts().original
        let paragraphs = text.components(separatedBy: "\n\n")
        for index in paragraphs.indices where paragraphs[index].unicodeScalars.contains(where: { $0.value >= 0x80 }) {
            var parts = paragraphs
            parts[index] = Misread.text(parts[index])
            let damaged = parts.joined(separator: "\n\n") + Self.faq
            let result = TextRepairer.repair(damaged)
            let quotedOnly = result.possible.contains { $0.reason == "shown only inside code or quotation marks" }
            #expect(sameBytes(result.text, text + Self.faq) || quotedOnly, "paragraph \(index)")
            #expect(result.text.hasSuffix(Self.faq), "paragraph \(index): the FAQ entry changed")
        }
    }
}
