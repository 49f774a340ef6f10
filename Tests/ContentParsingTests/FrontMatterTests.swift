import ContentParsing
import SiteCore
import Testing

@Suite struct FrontMatterSplitterTests {
    private func split(_ text: String) -> (FrontMatterBlock, [String]) {
        let (block, diagnostics) = FrontMatterSplitter.split(SourceFile(path: "input.md", text: text))
        return (block, diagnostics.map(\.formatted))
    }

    @Test func findsYAMLFrontMatter() {
        let text = "---\ntitle: x\n---\nBody\n"
        let (block, diagnostics) = split(text)
        #expect(diagnostics.isEmpty)
        #expect(block.format == .yaml)
        #expect(block.raw == "title: x\n")
        #expect(block.rawStartLine == 2)
        #expect(block.rawOffset == 4)
        #expect(block.body == "Body\n")
        #expect(block.bodyOffset == 17)
        #expect(block.bodyStartLine == 4)
    }

    @Test func findsTOMLFrontMatter() {
        let (block, _) = split("+++\ntitle = 'x'\n+++\n\nBody")
        #expect(block.format == .toml)
        #expect(block.raw == "title = 'x'\n")
        #expect(block.body == "\nBody")
        #expect(block.bodyStartLine == 4)
    }

    @Test func findsJSONFrontMatterWithBracesInStrings() {
        let text = "{\n  \"title\": \"a } b\",\n  \"x\": {\"y\": 1}\n}\nBody"
        let (block, diagnostics) = split(text)
        #expect(diagnostics.isEmpty)
        #expect(block.format == .json)
        #expect(block.raw == "{\n  \"title\": \"a } b\",\n  \"x\": {\"y\": 1}\n}")
        #expect(block.rawStartLine == 1)
        #expect(block.body == "Body")
        #expect(block.bodyStartLine == 5)
    }

    @Test func skipsBlankLinesBeforeTheFrontMatter() {
        let (block, _) = split("\n\n---\ntitle: x\n---\nBody")
        #expect(block.format == .yaml)
        #expect(block.openingLine == 3)
        #expect(block.rawStartLine == 4)
        #expect(block.bodyStartLine == 6)
    }

    @Test func allowsTrailingSpaceOnDelimiters() {
        let (block, _) = split("---  \ntitle: x\n--- \nBody")
        #expect(block.format == .yaml)
        #expect(block.body == "Body")
    }

    @Test func readsAFileWithoutFrontMatterAsBody() {
        for text in ["# Title\n\nText", "", "- a list\n", "----\nnot front matter\n"] {
            let (block, diagnostics) = split(text)
            #expect(block.format == .none)
            #expect(block.body == text)
            #expect(block.bodyOffset == 0)
            #expect(block.bodyStartLine == 1)
            #expect(diagnostics.isEmpty)
        }
    }

    @Test func handlesAFileThatEndsAtTheClosingDelimiter() {
        let (block, _) = split("---\ntitle: x\n---")
        #expect(block.format == .yaml)
        #expect(block.body == "")
        #expect(block.bodyOffset == 16)
    }

    @Test func reportsUnterminatedFrontMatterAtTheOpeningLine() {
        let (yaml, yamlDiagnostics) = split("\n---\ntitle: x\n\nBody\n")
        #expect(yaml.format == .none)
        #expect(yaml.body == "\n---\ntitle: x\n\nBody\n")
        #expect(yamlDiagnostics == [
            "input.md:2:1: error: front matter opened with '---' is never closed: a closing '---' line is missing [frontmatter.unterminated]",
        ])
        #expect(split("+++\ntitle = 1\n").1 == [
            "input.md:1:1: error: front matter opened with '+++' is never closed: a closing '+++' line is missing [frontmatter.unterminated]",
        ])
        #expect(split("{\n\"title\": \"x\"\n").1 == [
            "input.md:1:1: error: front matter opened with '{' is never closed: the closing '}' is missing [frontmatter.unterminated]",
        ])
    }
}

@Suite struct FrontMatterParserTests {
    private func frontMatter(_ text: String) -> (FrontMatter, [String]) {
        let parsed = Support.parse(text)
        return (parsed.document.frontMatter, parsed.diagnostics)
    }

    @Test func parsesYAMLTypes() {
        let (frontMatter, diagnostics) = frontMatter("""
            ---
            title: "Quoted"
            plain: Plain text
            count: 12
            ratio: 1.5
            flag: true
            yes11: yes
            off11: off
            quotedBool: "true"
            quotedNumber: '12'
            date: 2024-01-17T11:19:02+02:00
            nothing:
            time: 10:30
            list: [a, 1, false]
            table:
              nested: value
            ---
            """)
        #expect(diagnostics.isEmpty)
        let values = frontMatter.values
        #expect(values["title"] == .string("Quoted"))
        #expect(values["plain"] == .string("Plain text"))
        #expect(values["count"] == .int(12))
        #expect(values["ratio"] == .double(1.5))
        #expect(values["flag"] == .bool(true))
        #expect(values["yes11"] == .bool(true))
        #expect(values["off11"] == .bool(false))
        #expect(values["quotedBool"] == .string("true"))
        #expect(values["quotedNumber"] == .string("12"))
        #expect(values["date"] == .string("2024-01-17T11:19:02+02:00"))
        #expect(values["nothing"] == .null)
        #expect(values["time"] == .string("10:30"))
        #expect(values["list"] == .array([.string("a"), .int(1), .bool(false)]))
        #expect(values["table"] == .table(["nested": .string("value")]))
        #expect(frontMatter.format == .yaml)
        #expect(frontMatter.keyLines["title"] == 2)
        #expect(frontMatter.keyLines["table"] == 15)
    }

    @Test func resolvesYAMLAnchorsAndMergeKeys() {
        let (frontMatter, diagnostics) = frontMatter("""
            ---
            base: &base
              a: 1
              b: 2
            derived:
              <<: *base
              b: 3
            copy: *base
            ---
            """)
        #expect(diagnostics.isEmpty)
        #expect(frontMatter.values["derived"] == .table(["a": .int(1), "b": .int(3)]))
        #expect(frontMatter.values["copy"] == .table(["a": .int(1), "b": .int(2)]))
    }

    @Test func parsesTOMLAndKeepsDateTimeOffsets() {
        let (frontMatter, diagnostics) = frontMatter("""
            +++
            title = "TOML"
            date = 2024-01-17T11:19:02+02:00
            utc = 2024-01-17T09:19:02Z
            local = 2024-01-17T11:19:02.5
            day = 2024-01-17
            count = 3
            ratio = 0.5
            draft = false
            tags = ["a", "b"]
            [params]
              x = 1
            [[resources]]
              src = "a.png"
            +++
            Body
            """)
        #expect(diagnostics.isEmpty)
        let values = frontMatter.values
        #expect(frontMatter.format == .toml)
        #expect(values["date"] == .string("2024-01-17T11:19:02+02:00"))
        #expect(values["utc"] == .string("2024-01-17T09:19:02Z"))
        #expect(values["local"] == .string("2024-01-17T11:19:02.5"))
        #expect(values["day"] == .string("2024-01-17"))
        #expect(values["count"] == .int(3))
        #expect(values["ratio"] == .double(0.5))
        #expect(values["draft"] == .bool(false))
        #expect(values["tags"] == .array([.string("a"), .string("b")]))
        #expect(values["params"] == .table(["x": .int(1)]))
        #expect(values["resources"] == .array([.table(["src": .string("a.png")])]))
        #expect(frontMatter.keyLines["title"] == 2)
        #expect(frontMatter.keyLines["draft"] == 9)
        #expect(frontMatter.keyLines["params"] == 11)
        #expect(frontMatter.keyLines["resources"] == 13)
        #expect(frontMatter.keyLines["x"] == nil)
    }

    @Test func parsesJSONKeepingIntegersNumbersAndBooleansApart() {
        let (frontMatter, diagnostics) = frontMatter("""
            {
              "title": "JSON",
              "count": 3,
              "ratio": 2.5,
              "whole": 2.0,
              "draft": true,
              "tags": ["a"],
              "nested": {"title": "inner"},
              "nothing": null
            }
            Body
            """)
        #expect(diagnostics.isEmpty)
        let values = frontMatter.values
        #expect(frontMatter.format == .json)
        #expect(values["title"] == .string("JSON"))
        #expect(values["count"] == .int(3))
        #expect(values["ratio"] == .double(2.5))
        #expect(values["whole"] == .double(2.0))
        #expect(values["draft"] == .bool(true))
        #expect(values["tags"] == .array([.string("a")]))
        #expect(values["nested"] == .table(["title": .string("inner")]))
        #expect(values["nothing"] == .null)
        #expect(frontMatter.keyLines == [
            "title": 2, "count": 3, "ratio": 4, "whole": 5, "draft": 6, "tags": 7, "nested": 8, "nothing": 9,
        ])
    }

    @Test func readsEmptyFrontMatter() {
        for text in ["---\n---\nBody", "---\n# only a comment\n---\n", "+++\n+++\n", "{}\n"] {
            let (frontMatter, diagnostics) = frontMatter(text)
            #expect(diagnostics.isEmpty)
            #expect(frontMatter.values.isEmpty)
        }
    }

    @Test func reportsYAMLSyntaxErrorsAtTheFileLine() {
        let (frontMatter, diagnostics) = frontMatter("---\ntitle: ok\nbad: [one\nnext: x\n---\n")
        #expect(frontMatter.values.isEmpty)
        #expect(diagnostics == [
            "input.md:4:5: error: front matter is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that started on line 3) [frontmatter.syntax]",
        ])
        #expect(self.frontMatter("---\ntitle: a: b\n---\n").1 == [
            "input.md:2:9: error: front matter is not valid YAML: mapping values are not allowed in this context [frontmatter.syntax]",
        ])
    }

    @Test func reportsDuplicateYAMLKeys() {
        #expect(frontMatter("---\ntitle: a\ntitle: b\n---\n").1 == [
            "input.md:2:1: error: front matter is not valid YAML: duplicate key 'title' [frontmatter.syntax]",
        ])
    }

    @Test func reportsYAMLThatIsNotAMapping() {
        #expect(frontMatter("---\n- a\n- b\n---\n").1 == [
            "input.md:2:1: error: front matter is not valid YAML: expected 'key: value' lines, found a list [frontmatter.syntax]",
        ])
    }

    @Test func reportsTOMLSyntaxErrorsAtTheFileLine() {
        #expect(frontMatter("\n+++\ntitle = \"x\"\ndraft = \n+++\n").1 == [
            "input.md:4:9: error: front matter is not valid TOML: error while parsing key-value pair: expected value, saw '\\n' [frontmatter.syntax]",
        ])
    }

    @Test func reportsJSONSyntaxErrorsAtTheFileLine() {
        #expect(frontMatter("{\n  \"title\": \"ä\",\n  \"draft\": tru\n}\n").1 == [
            "input.md:3:12: error: front matter is not valid JSON: 'tru' is not a JSON value: strings are written in double quotes [frontmatter.syntax]",
        ])
    }

    @Test func looksUpKeysCaseInsensitively() {
        let (frontMatter, _) = frontMatter("---\nTitle: Upper\n---\n")
        #expect(frontMatter["title"] == .string("Upper"))
    }
}

@Suite struct FrontMatterEdgeTests {
    @Test func skipsAByteOrderMarkLeftInTheText() {
        let parsed = Support.parse("\u{FEFF}---\ntitle: BOM\n---\nBody")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.metadata.title == "BOM")
        #expect(parsed.document.body == "Body")
    }
}

/// What JSONSerialization takes but JSON (and Hugo) does not: each is an error at its place,
/// and the page's front matter is then empty.
@Suite struct StrictJSONFrontMatterTests {
    private func diagnostics(_ text: String) -> [String] {
        Support.parse(text).diagnostics
    }

    private static let prefix = "input.md:"
    private static let suffix = " [frontmatter.syntax]"

    @Test(arguments: [
        ("{\"title\": \"Bad\",}", "1:16: error: front matter is not valid JSON: trailing comma before '}': JSON allows none after the last member"),
        ("{\n  \"tags\": [\"a\", \"b\",\n  ]\n}", "2:20: error: front matter is not valid JSON: trailing comma before ']': JSON allows none after the last item"),
        ("{\n  // a comment\n  \"title\": \"x\"\n}", "2:3: error: front matter is not valid JSON: comments are not allowed in JSON"),
        ("{\"title\": \"x\" /* c */}", "1:15: error: front matter is not valid JSON: comments are not allowed in JSON"),
        ("{\n  # c\n  \"title\": \"x\"\n}", "2:3: error: front matter is not valid JSON: comments are not allowed in JSON"),
        ("{\"weight\": NaN}", "1:12: error: front matter is not valid JSON: 'NaN' is not a JSON number: JSON has no NaN or Infinity"),
        ("{\"weight\": -Infinity}", "1:12: error: front matter is not valid JSON: '-Infinity' is not a JSON number: JSON has no NaN or Infinity"),
        ("{\"weight\": Infinity}", "1:12: error: front matter is not valid JSON: 'Infinity' is not a JSON number: JSON has no NaN or Infinity"),
        ("{\"weight\": 007}", "1:12: error: front matter is not valid JSON: '007' is not a JSON number: no leading zeros"),
        ("{\"weight\": -01}", "1:12: error: front matter is not valid JSON: '-01' is not a JSON number: no leading zeros"),
        ("{\"weight\": +1}", "1:12: error: front matter is not valid JSON: '+1' is not a JSON number: no '+' before a number"),
        ("{\"weight\": .5}", "1:12: error: front matter is not valid JSON: '.5' is not a JSON number: a digit must come before '.'"),
        ("{\"weight\": 1.}", "1:12: error: front matter is not valid JSON: '1.' is not a JSON number: a digit must follow '.'"),
        ("{\"weight\": 1e}", "1:12: error: front matter is not valid JSON: '1e' is not a JSON number: the exponent has no digits"),
        ("{\"weight\": 0x1F}", "1:12: error: front matter is not valid JSON: '0x1F' is not a JSON number: no hexadecimal numbers"),
        ("{\"title\": \"a\tb\"}", "1:13: error: front matter is not valid JSON: a tab (U+0009) inside a string: JSON needs it written as \\t"),
        ("{\"title\": \"a\nb\"}", "1:13: error: front matter is not valid JSON: a line break (U+000A) inside a string: JSON needs it written as \\n"),
        ("{\"title\": \"a\u{1}b\"}", "1:13: error: front matter is not valid JSON: control character U+0001 inside a string: JSON needs it written as \\u0001"),
        ("{\"title\": \"a\\xb\"}", "1:13: error: front matter is not valid JSON: '\\x' is not a JSON escape (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
        ("{\"title\": \"\\u12\"}", "1:12: error: front matter is not valid JSON: '\\u' must be followed by four hexadecimal digits"),
        ("{\"draft\": True}", "1:11: error: front matter is not valid JSON: 'True' is not a JSON value: true, false and null are written in lower case"),
        ("{\"title\": 'x'}", "1:11: error: front matter is not valid JSON: strings are written in double quotes, not single quotes"),
        ("{\"title\":\u{A0}\"x\"}", "1:10: error: front matter is not valid JSON: a no-break space (U+00A0) is not whitespace in JSON"),
        ("{\"title\": \"x\"\u{C}}", "1:14: error: front matter is not valid JSON: a form feed (U+000C) is not whitespace in JSON"),
        ("{\"title\" \"x\"}", "1:10: error: front matter is not valid JSON: expected ':' after the key"),
        ("{\"a\": 1,, \"b\": 2}", "1:9: error: front matter is not valid JSON: expected a key in double quotes"),
        ("{\"tags\": [1,,2]}", "1:13: error: front matter is not valid JSON: expected a value, found ','"),
        ("{\"tags\": [1 2]}", "1:13: error: front matter is not valid JSON: expected ',' before this value"),
        ("{\"tags\": [1}", "1:12: error: front matter is not valid JSON: expected ',' or ']', found '}'"),
    ])
    func refusesWhatJSONDoesNotAllow(_ input: String, _ expected: String) {
        #expect(diagnostics(input + "\nBody.\n") == [Self.prefix + expected + Self.suffix])
    }

    @Test func acceptsWhatJSONAllows() {
        let parsed = Support.parse("""
            {"title": "\\u00e4 \\" \\\\ \\/ \\b\\f\\n\\r\\t", "weight": -0, "n": [0, -1.5e+3, 2E-2, 10],
             "draft": false, "x": null, "nested": {"a": [[], {}]}, "del": "\u{7F}", "emoji": "😀"}
            Body.
            """)
        #expect(parsed.diagnostics == [])
        #expect(parsed.metadata.title == "ä \" \\ / \u{8}\u{C}\n\r\t")
    }
}
