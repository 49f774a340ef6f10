import ContentParsing
import SiteCore
import Testing

/// Inputs `make fuzz` (Fuzz/, FuzzFrontMatter and FuzzPage) found, each the smallest form of a
/// crash. A content file, however broken, must give a diagnostic, never stop the build.
@Suite struct FuzzRegressionTests {
    private func frontMatterErrors(_ text: String) -> [Diagnostic] {
        DocumentParser.parse(SourceFile(path: "input.md", text: text)).diagnostics
            .filter { $0.code == "frontmatter.syntax" }
    }

    /// toml++ 3.4.0 (vendored by TOMLKit 0.6.0) runs `TOML_ASSERT_ASSUME(is_decimal_digit(*cp))`
    /// in `parser::parse_time` (toml.hpp:14790) on a date-time whose `T` is not followed by a
    /// digit; SwiftPM does not define NDEBUG, so the assert aborts the process (`chronicle build`
    /// exits 134) — TOMLPreflight now reports it first. Found as `date = 2024-01-17T`1:19:02+02:00`.
    @Test func reportsTOMLDateTimeWithoutHour() {
        let errors = frontMatterErrors("+++\ndate = 2024-01-17Tx1:19:02\n+++\nBody\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 2)
    }

    /// toml++ 3.4.0 asserts `is_bare_key_character(*cp) || is_string_delimiter(*cp)` in
    /// `parser::parse_key` (toml.hpp:15481) when a table header's first key starts with anything
    /// else: `[ä]`, `[[ ä]]`, `[.a]`, `[#]`, `[*]` abort the process. Found as `[\u{F0}arams]`
    /// (a Windows-1252 file's `[ðarams]`). TOMLPreflight reports these first.
    @Test(arguments: ["[ä]", "[[ ä]]", "[.a]", "[#]", "[*]", "[ðarams]", "[", "[[  ", "[[[[[[tit", "[ [a]]"])
    func reportsTOMLTableHeaderWithInvalidFirstKey(header: String) {
        let errors = frontMatterErrors("+++\ntitle = \"x\"\n\(header)\n+++\nBody\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3)
    }

    /// toml++ skips a byte order mark at the start of the TOML, so a bad table header right after
    /// one aborted the process too; found as `+++\n\u{FEFF}[!ti&atle]\n…`.
    /// And `[` followed by a combining mark (one Character in Swift) hid the header: found as
    /// `[\u{07AC}\u{90}–tle"` (a Thaana vowel sign, from bytes that were half UTF-8). And a header
    /// followed by multi-line string quotes went unchecked: found as `[ ¢\u{0B}'''''…`.
    @Test(arguments: ["\u{FEFF}[!title]", "\u{FEFF}[ä]", "\u{FEFF}[", "[\u{07AC}\u{90}–tle\"", "[\u{0301}a]", "[[\u{0308}x]]",
                      "[ ¢\u{0B}''''''", "[ä] = '''x'''"])
    func reportsTOMLTableHeaderAfterAByteOrderMarkOrWithACombiningMark(header: String) {
        let errors = frontMatterErrors("+++\n\(header)\ntitle = \"x\"\n+++\nBody\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 2)
    }

    /// toml++ 3.4.0 asserts `!is_value_terminator(*cp)` on a value that starts like a year but is
    /// no date; found as `title =2021----04 1#i`.
    @Test(arguments: ["title =2021----04 1#i", "d = 2021-1-01", "d = [2021--]", "d = { a = 2021-01-011 }"])
    func reportsTOMLValuesThatStartLikeAYear(line: String) {
        let errors = frontMatterErrors("+++\n\(line)\n+++\nBody\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 2)
    }

    /// toml++ 3.4.0 asserts `!is_value_terminator(*cp)` on a `}` where an array expects a value;
    /// found as `title = [[[[…[[}[[…`.
    @Test(arguments: ["title = [ }", "title = [[}", "title = [1, }", "title = [\n}", "title = [ # c\n }", "title = [}["])
    func reportsTOMLClosingBraceInAnArray(value: String) {
        let errors = frontMatterErrors("+++\n\(value)\n+++\nBody\n")
        #expect(errors.count == 1)
    }

    /// Inline tables in arrays and arrays in inline tables close as they should.
    @Test func readsInlineTablesInsideArrays() {
        let text = "+++\ntitle = \"x\"\nlist = [{ a = 1 }, { b = [1, 2] }]\nt = { c = [3] }\nm = [\n  { d = \"}\" },\n]\n+++\nBody\n"
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: text))
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(parsed.diagnostics.map(\.formatted))")
    }

    /// Keys and strings may look like years; dates with times stay dates.
    @Test func readsKeysAndDatesThatLookLikeYears() {
        let text = "+++\ntitle = \"2021-x\"\n2021-notes = 1\ndate = 2024-01-17T11:19:02+02:00\nday = 2024-01-17\n+++\nBody\n"
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: text))
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(parsed.diagnostics.map(\.formatted))")
    }

    /// The neighbours of those inputs that toml++ does report as errors: they must stay errors.
    @Test(arguments: [
        "[pärams]", "[a.ä]", "[a ä]", "ä = 1", "d = 2024-01-17 x1:19:02", "d = 2024-01-17Tx",
        "d = 2024-01-17T11:x9:02", "d = 2024-01-17translationKeyT11:19:02+, \"\"\"\"2024\"]",
        "d = 2024-01-17T11:19:02+,", "d = [2024-01-17Tx1:19:02]", "d = 2024-01-17 11:1",
    ])
    func reportsNeighboursOfTheTOMLCrashes(line: String) {
        let errors = frontMatterErrors("+++\ntitle = \"x\"\n\(line)\n+++\nBody\n")
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3)
    }

    /// Lines of a multi-line array that start with `[` are values, not table headers.
    @Test func readsNestedArraysThatLookLikeTableHeaders() {
        let text = "+++\ntitle = \"x\"\nmatrix = [\n  [\n    1\n  ],\n  [{ a = 1 }],\n]\n+++\nBody\n"
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: text))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.formatted))")
        #expect(parsed.document.frontMatter["matrix"]?.arrayValue?.count == 2)
    }

    /// Dates inside quoted strings are text, and complete date-times are values.
    @Test(arguments: ["title = \"Release 2024-01-17 1 of 2\"", "d = 2024-01-17T11:19:02+02:00",
                      "d = 2024-01-17 11:19:02Z", "d = 2024-01-17T11:19:02.5-05:00", "d = 2024-01-17"])
    func acceptsDatesThatAreFine(line: String) {
        #expect(frontMatterErrors("+++\n\(line)\n+++\nBody\n").isEmpty)
    }
}
