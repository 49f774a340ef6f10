import Testing
import Templates

/// Each rule with an exact expected output, checked against swift-mustache 2.1.1 as well (unless
/// the case is one of the documented differences).
@Suite struct RenderingTests {
    /// Renders `source` (as `main`, with `partials`) with both engines and expects `expected` from each.
    func expectRender(
        _ source: String, _ context: TemplateValue, partials: [String: String] = [:], _ expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (ours, theirs) = Engines.both(source, context, partials: partials)
        #expect(ours == expected, "this engine", sourceLocation: sourceLocation)
        #expect(theirs == expected, "swift-mustache", sourceLocation: sourceLocation)
    }

    // MARK: Variables

    @Test func variablesEscapeOrNot() {
        let context: TemplateValue = ["x": "<a href=\"x\">'&'</a>"]
        expectRender(
            "{{x}}|{{{x}}}|{{& x}}", context,
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>")
    }

    @Test func escapingFindsEachSpecialCharacterInLongRuns() {
        // The escaper scans eight bytes at a time; each character must be found at any offset.
        let entities = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        for (character, entity) in entities {
            for offset in 0..<17 {
                let prefix = String(repeating: "a", count: offset)
                let suffix = String(repeating: "z", count: 17 - offset)
                expectRender("{{x}}", ["x": .string(prefix + character + suffix)], prefix + entity + suffix)
            }
        }
    }

    @Test func intsAndBoolsPrint() {
        expectRender(
            "{{n}} {{z}} {{neg}} {{min}} {{t}} {{f}}",
            ["n": 42, "z": 0, "neg": -7, "min": .int(Int.min), "t": true, "f": false],
            "42 0 -7 -9223372036854775808 true false")
    }

    @Test func missingPrintsNothing() {
        expectRender("[{{x}}][{{{x.y}}}][{{&.z}}]", ["y": "Y"], "[][][]")
    }

    @Test func escapingLeavesGraphemeClustersAlone() {
        // swift-mustache escapes whole Characters: `<` with a combining mark after it, or a
        // Prepend scalar (U+0600) before it, is part of a larger character and stays as it is.
        expectRender(
            "{{x}}", ["x": "<\u{338}|\u{600}<|<|e\u{301}&|'\u{301}|\u{1F600}\"|é<"],
            "<\u{338}|\u{600}<|&lt;|e\u{301}&amp;|'\u{301}|\u{1F600}&quot;|é&lt;")
    }

    @Test func listsAndObjectsPrintNothing() {
        // A documented difference: swift-mustache prints Swift's description of the `[Any]` /
        // `[String: Any]` (`["a"]`, `["k": "v"]`); nothing relies on it.
        let (ours, _) = Engines.both("[{{l}}][{{{o}}}][{{.}}]", ["l": ["a"], "o": ["k": "v"]])
        #expect(ours == "[][][]")
    }

    // MARK: Lookup

    @Test func firstSegmentFallsBackDownTheStack() {
        expectRender("{{#o}}{{a}}{{/o}}", ["a": "root", "o": ["b": 1]], "root")
    }

    @Test func nonObjectsOnTheStackAreSkipped() {
        expectRender(
            "{{#s}}{{#n}}{{#l}}{{a}}{{/l}}{{/n}}{{/s}}", ["a": "A", "s": "str", "n": 5, "l": [true, ["x"]]], "AA")
    }

    @Test func laterSegmentsDoNotFallBack() {
        expectRender("{{#o}}[{{p.a}}]{{/o}}[{{p.a}}]", ["p": ["a": "outer"], "o": ["p": [:] as TemplateValue]], "[][outer]")
        expectRender("{{o.p.a}}|{{o..p.a.}}", ["o": ["p": ["a": "deep"]]], "deep|deep")
    }

    @Test func leadingDotLooksOnlyAtTheTop() {
        expectRender("{{#o}}[{{.a}}|{{a}}|{{.b}}]{{/o}}", ["a": "root", "o": ["b": 1]], "[|root|1]")
    }

    @Test func dotIsTheTopOfTheStack() {
        expectRender("{{#s}}{{.}}{{}}{{..}}{{/s}}", ["s": "str"], "strstrstr")
    }

    @Test func listsHoldNoNames() {
        expectRender("[{{#tags.0}}x{{/tags.0}}{{tags.0}}{{^tags.0}}none{{/tags.0}}]", ["tags": ["a", "b"]], "[none]")
    }

    // MARK: Sections

    @Test func listSectionRendersOncePerItem() {
        expectRender("{{#l}}[{{.}}]{{/l}}", ["l": ["a", 1, true, false]], "[a][1][true][false]")
        expectRender("{{#l}}[{{.}}]{{/l}}", ["l": []], "")
        expectRender("{{#l}}<{{n}}>{{/l}}", ["n": "root", "l": [["n": "1"], [:], ["n": "3"]]], "<1><root><3>")
    }

    @Test func boolSectionDoesNotPush() {
        expectRender("{{#t}}yes{{/t}}{{#f}}no{{/f}}", ["t": true, "f": false], "yes")
        expectRender("{{#s}}{{#t}}{{.}}{{/t}}{{/s}}", ["s": "str", "t": true], "str")
    }

    @Test func emptyStringZeroAndObjectsArePushed() {
        expectRender("{{#e}}[{{.}}]{{/e}}{{#z}}[{{.}}]{{/z}}", ["e": "", "z": 0], "[][0]")
        expectRender("{{#o}}{{a}}{{/o}}", ["a": "out", "o": ["a": "in"]], "in")
        expectRender("{{#o}}{{a}}{{/o}}", ["a": "out", "o": [:] as TemplateValue], "out")
    }

    @Test func missingSectionRendersNothing() {
        expectRender("[{{#x}}x{{/x}}{{#x.y}}y{{/x.y}}]", [:] as TemplateValue, "[]")
    }

    @Test func invertedSections() {
        expectRender(
            "{{^e}}E{{/e}}{{^f}}F{{/f}}{{^m}}M{{/m}}{{^t}}T{{/t}}{{^s}}S{{/s}}{{^z}}Z{{/z}}{{^o}}O{{/o}}{{^l}}L{{/l}}",
            ["e": [], "f": false, "t": true, "s": "", "z": 0, "o": [:] as TemplateValue, "l": [1]],
            "EFM")
    }

    @Test func invertedEmptyListIsPushed() {
        // `{{^e}}` renders its body with the empty list on top of the stack: `.a` finds nothing.
        expectRender("{{^e}}[{{.a}}|{{a}}]{{/e}}{{^m}}[{{.a}}]{{/m}}", ["a": "A", "e": []], "[|A][A]")
    }

    // MARK: Whitespace

    @Test func standaloneLinesVanish() {
        let context: TemplateValue = ["t": true, "l": [1, 2]]
        expectRender("a\n{{#t}}\nb\n{{/t}}\nc\n", context, "a\nb\nc\n")
        expectRender("  {{#t}}  \n  b\n\t{{/t}}\n", context, "  b\n")
        expectRender("a {{#t}}\nb{{/t}} c\n", context, "a \nb c\n")
        expectRender("a\n  {{! c }}\nb", context, "a\nb")
        expectRender("<ul>\n{{#l}}\n  <li>{{.}}</li>\n{{/l}}\n</ul>\n", context, "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n")
        expectRender("{{^t}}\nx\n{{/t}}\ny", context, "y")
    }

    @Test func standaloneQuirks() {
        let context: TemplateValue = ["t": true]
        // Blanks that end the text after its last line break are dropped.
        expectRender("a\n  ", context, "a\n")
        expectRender("a\n{{x}}\n  ", context, "a\n\n")
        // A tag that ends the text is standalone; with blanks after it, it is not.
        expectRender("a\n  {{! c}}", context, "a\n")
        expectRender("a\n  {{! c}}  ", context, "a\n    ")
        // After a section, "start of line" is what it was after the opening tag.
        expectRender("{{#t}}\nx{{/t}}{{! c}}\ny", context, "xy")
        // Any Character with isNewline ends a standalone line (a lone CR, VT, U+2028…).
        expectRender("{{#t}}\rb{{/t}}|{{#t}}\u{0B}c{{/t}}", context, "b|\u{0B}c")
        // A start delimiter at the very end of the text is dropped.
        expectRender("a{{", context, "a")
    }

    @Test func crlfLines() {
        let context: TemplateValue = ["t": true, "x": "X"]
        expectRender("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\n{{x}}\r\n", context, "a\r\nb\r\nX\r\n")
    }

    @Test func setDelimiters() {
        let context: TemplateValue = ["x": "<", "t": true]
        expectRender("{{=<% %>=}}<%x%>{{x}}<%{x%>}<%&x%>", context, "&lt;{{x}}<<")
        // A change made inside a section ends with it.
        expectRender("{{#t}}{{=<% %>=}}<%x%><%/t%>{{x}}", context, "&lt;&lt;")
        expectRender("a\n  {{=| |=}}  \n|x|\n", context, "a\n&lt;\n")
    }

    // MARK: Partials

    @Test func partials() {
        let context: TemplateValue = ["x": 1, "l": [1, 2, 3]]
        expectRender("[{{>p}}][{{> nope }}]", context, partials: ["p": "P{{x}}"], "[P1][]")
        expectRender("a\n  {{>p}}\nb", context, partials: ["p": "1\n2\n"], "a\n  1\n  2\nb")
        expectRender("a {{>p}}\nb", context, partials: ["p": "1\n2\n"], "a 1\n2\n\nb")
    }

    @Test func partialIndentationQuirks() {
        let context: TemplateValue = ["l": [1, 2, 3], "x": "a\nb"]
        // Each list item renders into a fresh string: only the first one is indented.
        expectRender("x\n  {{>p}}\ny", context, partials: ["p": "{{#l}}\n- {{.}}\n{{/l}}\n"], "x\n  - 1\n- 2\n- 3\ny")
        expectRender(
            "x\n  {{>p}}\ny", context, partials: ["p": "A\n{{#l}}\n- {{.}}\n{{/l}}\n"], "x\n  A\n  - 1\n- 2\n- 3\ny")
        // Nested standalone partials add up their indentation.
        expectRender(
            "  {{>p}}\n", context, partials: ["p": "p\n  {{>q}}\n", "q": "q1\nq2\n"], "  p\n    q1\n    q2\n")
        // A line break inside a value is not followed by indentation.
        expectRender("  {{>p}}\n", context, partials: ["p": "{{x}}\nz\n"], "  a\nb\n  z\n")
        // CRLF lines are not indented (the last Character is "\r\n", not "\n").
        expectRender("  {{>p}}\n", context, partials: ["p": "1\r\n2\r\n"], "  1\r\n2\r\n")
    }

    // MARK: API

    @Test func libraryAPI() throws {
        var library = TemplateLibrary()
        library.register(try Template("Hi {{name}}{{>tail}}"), named: "main")
        library.register(try Template("!"), named: "tail")
        #expect(library.hasTemplate(named: "main"))
        #expect(!library.hasTemplate(named: "other"))
        #expect(library.render("main", ["name": "Ann"]) == "Hi Ann!")
        #expect(library.render("other", ["name": "Ann"]) == nil)
        var buffer = Array("> ".utf8)
        #expect(library.render("main", ["name": "<Bo>"], into: &buffer))
        #expect(String(decoding: buffer, as: UTF8.self) == "> Hi &lt;Bo&gt;!")
        #expect(!library.render("other", [:], into: &buffer))
    }

    @Test func objectSubscript() {
        let object = TemplateObject(["a": 1, "é": "e", "\u{212A}": "kelvin"])
        #expect(object["a"].map { if case .int(1) = $0 { true } else { false } } == true)
        #expect(object["b"] == nil)
        // Keys compare as Swift strings do (canonical equivalence), like the dictionaries before.
        #expect(object["e\u{301}"] != nil)
        #expect(object["K"] != nil)
    }

    @Test func canonicallyEquivalentKeyIsFound() {
        expectRender("{{K}}", ["\u{212A}": "kelvin"], "kelvin")
    }
}
