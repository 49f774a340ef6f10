import ContentParsing
import SiteCore
import Testing

@Suite struct ShortcodeParserTests {
    /// Parses a bare body (no front matter) with the built-in catalog.
    private func parse(_ body: String, catalog: ShortcodeCatalog = .builtIn) -> ShortcodeParser.Result {
        ShortcodeParser.parse(body, source: SourceFile(path: "input.md", text: body), catalog: catalog)
    }

    private func messages(_ result: ShortcodeParser.Result) -> [String] {
        result.diagnostics.sorted().map(\.formatted)
    }

    @Test func parsesAStandaloneShortcodeWithAPositionalArgument() throws {
        let result = parse("Before {{< youtube QiDDczFSeKQ >}} after")
        #expect(result.diagnostics.isEmpty)
        #expect(result.nodes.count == 3)
        #expect(result.nodes[0] == .text("Before ", offset: 0))
        let call = try #require(result.nodes[1].call)
        #expect(call.name == "youtube")
        #expect(call.arguments == [ShortcodeArgument(name: nil, value: "QiDDczFSeKQ", quoted: false, offset: 19)])
        #expect(call.inner == nil)
        #expect(call.innerSource == nil)
        #expect(call.isMarkdownForm == false)
        #expect(call.offset == 7)
        #expect(result.nodes[2] == .text(" after", offset: 34))
    }

    @Test func parsesNamedArguments() throws {
        let result = parse(#"{{< admonition type=warning title="Wichtig" open=true >}}x{{< /admonition >}}"#)
        #expect(result.diagnostics.isEmpty)
        let call = try #require(result.nodes.first?.call)
        #expect(call.named("type")?.value == "warning")
        #expect(call.named("type")?.quoted == false)
        #expect(call.named("title")?.value == "Wichtig")
        #expect(call.named("title")?.quoted == true)
        #expect(call.named("open")?.value == "true")
        #expect(call.positional.isEmpty)
        #expect(call.named("title")?.offset == 28)
    }

    @Test func parsesPositionalArgumentsQuotedAndRaw() throws {
        let result = parse(#"{{< admonition info "Titel \"zitiert\"" `raw "x" \n` false >}}{{< /admonition >}}"#)
        #expect(result.diagnostics.isEmpty)
        let call = try #require(result.nodes.first?.call)
        #expect(call.positional.map(\.value) == ["info", #"Titel "zitiert""#, #"raw "x" \n"#, "false"])
        #expect(call.positional.map(\.quoted) == [false, true, true, false])
    }

    @Test func keepsOtherBackslashesInQuotedStrings() throws {
        let call = try #require(parse(#"{{< figure src="C:\path\a.png" >}}"#).nodes.first?.call)
        #expect(call.named("src")?.value == #"C:\path\a.png"#)
    }

    @Test func acceptsSpaceAroundTheEqualsSign() throws {
        let call = try #require(parse(#"{{< figure src = "a.png" >}}"#).nodes.first?.call)
        #expect(call.named("src")?.value == "a.png")
    }

    @Test func parsesArgumentsOverSeveralLines() throws {
        let result = parse("{{< figure\n    src=\"a.png\"\n    title=`multi\nline` >}}")
        #expect(result.diagnostics.isEmpty)
        let call = try #require(result.nodes.first?.call)
        #expect(call.named("title")?.value == "multi\nline")
    }

    @Test func parsesPairedShortcodesWithInnerContent() throws {
        let body = "{{< admonition tip >}}\nInner *text*.\n{{< /admonition >}}\n"
        let result = parse(body)
        #expect(result.diagnostics.isEmpty)
        let call = try #require(result.nodes.first?.call)
        #expect(call.innerSource == "\nInner *text*.\n")
        #expect(call.inner == [.text("\nInner *text*.\n", offset: 22)])
        #expect(result.nodes.last == .text("\n", offset: body.utf8.count - 1))
    }

    @Test func marksTheMarkdownForm() throws {
        let result = parse("{{% admonition note %}}\n**bold**\n{{% /admonition %}}")
        #expect(result.diagnostics.isEmpty)
        let call = try #require(result.nodes.first?.call)
        #expect(call.isMarkdownForm)
        #expect(call.innerSource == "\n**bold**\n")
    }

    @Test func acceptsSelfClosingTags() throws {
        let result = parse("{{< admonition note />}} {{< youtube abc/>}}")
        #expect(result.diagnostics.isEmpty)
        let calls = result.nodes.calls
        #expect(calls.map(\.name) == ["admonition", "youtube"])
        #expect(calls[0].inner == [])
        #expect(calls[0].innerSource == "")
        #expect(calls[1].inner == nil)
        #expect(calls[1].positional.map(\.value) == ["abc"])
    }

    @Test func acceptsAnyWhiteSpaceInsideTheDelimiters() throws {
        let result = parse("{{<admonition note>}}Tight{{<  /admonition  >}} {{%youtube x%}}")
        #expect(result.diagnostics.isEmpty)
        let calls = result.nodes.calls
        #expect(calls.map(\.name) == ["admonition", "youtube"])
        #expect(calls[0].innerSource == "Tight")
        #expect(calls[0].positional.map(\.value) == ["note"])
    }

    @Test func nestsShortcodes() throws {
        let body = """
            {{< admonition example "Outer" >}}
            Video: {{< youtube abc >}}
            {{< admonition tip >}}
            Inner {{< relref "posts/other.md" >}}.
            {{< /admonition >}}
            {{< /admonition >}}
            """
        let result = parse(body)
        #expect(result.diagnostics.isEmpty)
        #expect(result.nodes.count == 1)
        let outer = try #require(result.nodes.first?.call)
        let innerNodes = try #require(outer.inner)
        #expect(innerNodes.calls.map(\.name) == ["youtube", "admonition"])
        let inner = innerNodes.calls[1]
        #expect(inner.inner?.calls.map(\.name) == ["relref"])
        #expect(inner.inner?.calls.first?.positional.first?.value == "posts/other.md")
        #expect(outer.innerSource?.contains("{{< /admonition >}}") == true)
    }

    @Test func turnsTheEscapeFormIntoLiteralText() {
        let body = #"Use {{</* admonition warning "Title" */>}} and {{%/* youtube ID */%}}."#
        let result = parse(body)
        #expect(result.diagnostics.isEmpty)
        #expect(result.nodes.calls.isEmpty)
        #expect(result.nodes.joinedText == #"Use {{< admonition warning "Title" >}} and {{% youtube ID %}}."#)
        #expect(result.nodes[1] == .text(#"{{< admonition warning "Title" >}}"#, offset: 4))
    }

    @Test func processesShortcodesInsideCode() {
        let result = parse("```\n{{< youtube abc >}}\n```\n`{{</* youtube */>}}`")
        #expect(result.diagnostics.isEmpty)
        #expect(result.nodes.calls.map(\.name) == ["youtube"])
        #expect(result.nodes.joinedText == "```\n\n```\n`{{< youtube >}}`")
    }

    @Test func leavesOtherBracesAlone() {
        let text = "Go templates {{ .Title }} and {{{< youtube abc >}}} and {{ < x."
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.nodes.calls.map(\.name) == ["youtube"])
        #expect(result.nodes.joinedText == "Go templates {{ .Title }} and {} and {{ < x.")
    }

    @Test func treatsEitherKindsAsPairedOnlyWithAClosingTag() throws {
        let catalog = ShortcodeCatalog.builtIn.adding(["note", "badge"])
        let result = parse("{{< badge new >}} text {{< note >}}inside{{< /note >}} {{< badge old >}}", catalog: catalog)
        #expect(result.diagnostics.isEmpty)
        let calls = result.nodes.calls
        #expect(calls.map(\.name) == ["badge", "note", "badge"])
        #expect(calls[0].inner == nil)
        #expect(calls[1].innerSource == "inside")
        #expect(calls[2].inner == nil)
        #expect(result.nodes.joinedText == " text  ")
    }

    @Test func unwindsAnEitherShortcodeInsideAPairedOne() throws {
        let catalog = ShortcodeCatalog.builtIn.adding(["badge"])
        let result = parse("{{< admonition >}}a {{< badge x >}} b{{< /admonition >}}", catalog: catalog)
        #expect(result.diagnostics.isEmpty)
        let inner = try #require(result.nodes.first?.call?.inner)
        #expect(inner.calls.map(\.name) == ["badge"])
        #expect(inner.joinedText == "a  b")
    }

    // MARK: - Diagnostics

    @Test func reportsAndDropsUnknownShortcodes() {
        let result = parse("a {{< gist x >}} b {{< spoiler >}}hidden{{< /spoiler >}} c")
        #expect(messages(result) == [
            "input.md:1:3: error: unknown shortcode 'gist' [shortcode.unknown]",
            "input.md:1:20: error: unknown shortcode 'spoiler' [shortcode.unknown]",
        ])
        #expect(result.nodes.calls.isEmpty)
        #expect(result.nodes.joinedText == "a  b  c")
        #expect(result.unknown.map(\.name) == ["gist", "spoiler"])
        #expect(result.unknown[1].innerSource == "hidden")
    }

    @Test func knowsShortcodesAddedToTheCatalog() {
        var catalog = ShortcodeCatalog.builtIn
        catalog.add("gist", kind: .standalone)
        catalog.add("youtube", kind: .paired)  // a known one keeps its kind
        #expect(catalog.kind(of: "youtube") == .standalone)
        #expect(catalog.contains("gist"))
        #expect(parse("{{< gist x >}}", catalog: catalog).diagnostics.isEmpty)
        #expect(ShortcodeCatalog.builtIn.kind(of: "admonition") == .paired)
        #expect(ShortcodeCatalog.builtIn.kind(of: "figure") == .standalone)
    }

    @Test func reportsAnUnclosedShortcodeAndKeepsWhatFollowed() throws {
        let result = parse("{{< admonition warning >}}\nNever closed {{< youtube x >}}\n")
        #expect(messages(result) == ["input.md:1:1: error: unclosed shortcode 'admonition' [shortcode.unclosed]"])
        let calls = result.nodes.calls
        #expect(calls.map(\.name) == ["admonition", "youtube"])
        #expect(calls[0].inner == nil)
        #expect(result.nodes.joinedText == "\nNever closed \n")
    }

    @Test func reportsAClosingTagThatDoesNotMatch() {
        let result = parse("{{< admonition >}}\nx\n{{< /youtube >}}\n{{< /admonition >}}")
        #expect(messages(result) == [
            "input.md:3:1: error: closing tag '{{< /youtube >}}' does not match open shortcode 'admonition' [shortcode.mismatched]",
        ])
        #expect(result.nodes.calls.first?.innerSource == "\nx\n{{< /youtube >}}\n")
    }

    @Test func reportsAClosingTagWithoutAnOpeningTag() {
        #expect(messages(parse("text\n  {{% /admonition %}}")) == [
            "input.md:2:3: error: closing tag '{{% /admonition %}}' has no matching opening tag [shortcode.mismatched]",
        ])
    }

    @Test func reportsInnerShortcodesLeftOpenWhenAnOuterOneCloses() {
        let result = parse("{{< admonition >}}{{< admonition >}}x{{< /admonition >}}")
        // The closing tag closes the inner one; the outer one is unclosed.
        #expect(messages(result) == ["input.md:1:1: error: unclosed shortcode 'admonition' [shortcode.unclosed]"])
    }

    @Test func reportsAClosingTagOfAStandaloneShortcode() {
        let result = parse("{{< youtube x >}}\n{{< /youtube >}}")
        #expect(messages(result) == [
            "input.md:2:1: error: unexpected closing tag '{{< /youtube >}}': shortcode 'youtube' takes no closing tag [shortcode.unexpected-close]",
        ])
        #expect(result.nodes.calls.map(\.name) == ["youtube"])
    }

    @Test func reportsAnUnterminatedTagAndGoesOn() {
        let result = parse("{{< youtube abc\n\n{{< figure src=\"a.png\" >}}")
        #expect(messages(result) == [
            "input.md:1:1: error: unterminated shortcode 'youtube': '>}}' is missing [shortcode.syntax]",
        ])
        #expect(result.nodes.calls.map(\.name) == ["figure"])
        #expect(result.nodes.joinedText == "{{< youtube abc\n\n")
        #expect(messages(parse("end {{% youtube abc")) == [
            "input.md:1:5: error: unterminated shortcode 'youtube': '%}}' is missing [shortcode.syntax]",
        ])
    }

    @Test func reportsAnUnbalancedQuoteAndStillPairsTheTag() throws {
        let result = parse("{{< admonition warning \"Wichtig >}}\nBox\n{{< /admonition >}}")
        #expect(messages(result) == ["input.md:1:1: error: unbalanced quote in shortcode 'admonition' [shortcode.syntax]"])
        let call = try #require(result.nodes.first?.call)
        #expect(call.innerSource == "\nBox\n")
        #expect(call.positional.map(\.value) == ["warning"])
    }

    @Test func reportsAnUnbalancedBacktick() {
        #expect(messages(parse("{{< figure src=`a.png >}}")) == [
            "input.md:1:1: error: unbalanced quote in shortcode 'figure' [shortcode.syntax]",
        ])
    }

    @Test func reportsATagWithoutAName() {
        #expect(messages(parse("{{< >}} {{< / >}}")) == [
            "input.md:1:1: error: expected a shortcode name after '{{<' [shortcode.syntax]",
            "input.md:1:9: error: expected a shortcode name after '{{< /' [shortcode.syntax]",
        ])
    }

    @Test func reportsArgumentsOnAClosingTag() {
        let result = parse("{{< admonition >}}x{{< /admonition extra >}}")
        #expect(messages(result) == [
            "input.md:1:20: error: closing tag of 'admonition' takes no arguments [shortcode.syntax]",
        ])
        #expect(result.nodes.calls.first?.innerSource == "x")
    }

    @Test func reportsAnUnterminatedEscape() {
        #expect(messages(parse("{{</* youtube x */>")) == [
            "input.md:1:1: error: unterminated escaped shortcode: '*/>}}' is missing [shortcode.syntax]",
        ])
    }

    @Test func reportsMixedNamedAndPositionalArguments() throws {
        let result = parse("{{< figure \"a.png\" title=\"T\" >}}")
        #expect(messages(result) == [
            "input.md:1:1: error: shortcode 'figure' mixes named and positional arguments [shortcode.argument]",
        ])
        // The call is kept, with all its arguments.
        #expect(result.nodes.calls.first?.arguments.count == 2)
    }

    @Test func reportsBadArgumentNames() {
        #expect(messages(parse(#"{{< figure "src"="a.png" >}}"#)) == [
            #"input.md:1:1: error: invalid argument name '"src"' in shortcode 'figure' [shortcode.argument]"#,
        ])
        #expect(messages(parse("{{< figure a/b=c >}}")) == [
            "input.md:1:1: error: invalid argument name 'a/b' in shortcode 'figure' [shortcode.argument]",
        ])
        #expect(messages(parse("{{< figure src= >}}")) == [
            "input.md:1:1: error: argument 'src' of shortcode 'figure' has no value [shortcode.argument]",
        ])
        #expect(messages(parse("{{< figure =x >}}")) == [
            "input.md:1:1: error: '=' without an argument name in shortcode 'figure' [shortcode.argument]",
        ])
    }

    @Test func reportsEveryProblemInOneBody() {
        let body = """
            {{< gist x >}}
            {{< admonition a b=c >}}
            {{< /youtube >}}
            {{< youtube "unbalanced >}}
            {{< figure
            """
        #expect(messages(parse(body)) == [
            "input.md:1:1: error: unknown shortcode 'gist' [shortcode.unknown]",
            "input.md:2:1: error: shortcode 'admonition' mixes named and positional arguments [shortcode.argument]",
            "input.md:2:1: error: unclosed shortcode 'admonition' [shortcode.unclosed]",
            "input.md:3:1: error: closing tag '{{< /youtube >}}' does not match open shortcode 'admonition' [shortcode.mismatched]",
            "input.md:4:1: error: unbalanced quote in shortcode 'youtube' [shortcode.syntax]",
            "input.md:5:1: error: unterminated shortcode 'figure': '>}}' is missing [shortcode.syntax]",
        ])
    }

    @Test func countsColumnsInCharactersAndOffsetsInBytes() throws {
        let text = "---\ntitle: ä\n---\nÄÖÜ {{< gist >}} {{< youtube x >}}"
        let parsed = DocumentParser.parse(SourceFile(path: "input.md", text: text))
        #expect(parsed.diagnostics.map(\.formatted) == ["input.md:4:5: error: unknown shortcode 'gist' [shortcode.unknown]"])
        let call = try #require(parsed.document.nodes.calls.first)
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[call.offset..<(call.offset + 11)], as: UTF8.self) == "{{< youtube")
        #expect(String(decoding: utf8[call.arguments[0].offset...], as: UTF8.self) == "x >}}")
    }
}
