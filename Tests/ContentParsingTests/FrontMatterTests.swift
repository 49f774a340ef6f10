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
            "input.md:3:12: error: front matter is not valid JSON: invalid value [frontmatter.syntax]",
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
