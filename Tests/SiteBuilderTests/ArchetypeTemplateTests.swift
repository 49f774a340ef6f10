import Foundation
import SiteCore
import Testing
@testable import SiteBuilder

@Suite struct ArchetypeTemplateTests {
    static let context = ArchetypeContext(
        date: "2026-12-04T10:15:00+01:00", name: "the-end-of-a-tale", section: "posts", siteTitle: "Lumen",
        language: "de", siteParams: .table(["author": .string("Jonas"), "home": .table(["rss": .int(10)])]))

    func fill(_ text: String, _ context: ArchetypeContext = Self.context) -> (String?, [String]) {
        let (filled, diagnostics) = ArchetypeTemplate.fill(text, path: "archetypes/posts.md", context: context)
        return (filled, diagnostics.map(\.formatted))
    }

    @Test func fillsHugosOldDefaultArchetype() {
        let archetype = "---\ntitle: \"{{ replace .Name \"-\" \" \" | title }}\"\ndate: {{ .Date }}\ndraft: true\n---\n\n"
        let (text, errors) = fill(archetype)
        #expect(errors.isEmpty)
        #expect(text == "---\ntitle: \"The End of a Tale\"\ndate: 2026-12-04T10:15:00+01:00\ndraft: true\n---\n\n")
    }

    @Test func fillsHugosNewDefaultArchetypeWithRawStrings() {
        let archetype = "+++\ndate = '{{ .Date }}'\ndraft = true\ntitle = '{{ replace .File.ContentBaseName `-` ` ` | title }}'\n+++\n"
        let (text, errors) = fill(archetype)
        #expect(errors.isEmpty)
        #expect(text == "+++\ndate = '2026-12-04T10:15:00+01:00'\ndraft = true\ntitle = 'The End of a Tale'\n+++\n")
    }

    @Test func fillsTheOtherFieldsAndFunctions() {
        let (text, errors) = fill(
            "{{ .Site.Title }}|{{ .Site.Language.Lang }}|{{ .Section }}|{{ .Type }}|{{ .Site.Params.author }}|"
                + "{{ .Site.Params.home.rss }}|{{ .Site.Params.missing }}|{{ humanize .Name }}|{{ .Name | upper }}|"
                + "{{ lower \"ABC\" }}|{{ (replace .Name \"-\" \"_\") | strings.ToUpper }}|{{ \"a \\\"q\\\" }}\" }}")
        #expect(errors.isEmpty)
        #expect(text == "Lumen|de|posts|posts|Jonas|10||The end of a tale|THE-END-OF-A-TALE|abc|THE_END_OF_A_TALE|a \"q\" }}")
    }

    @Test func dropsCommentsAndTrimsAroundDashes() {
        let (text, errors) = fill("a\n{{/* a note for authors */}}\nb  {{- .Name -}}  \n c\n{{- /* gone */ -}}\nd")
        #expect(errors.isEmpty)
        #expect(text == "a\n\nbthe-end-of-a-talecd")
    }

    @Test func printsShortcodesWrittenAsStrings() {
        let (text, _) = fill("{{ \"{{< admonition >}}\" }}text{{ \"{{< /admonition >}}\" }}")
        #expect(text == "{{< admonition >}}text{{< /admonition >}}")
    }

    @Test func reportsUnsupportedActionsAtLineAndColumnAndFillsNothing() {
        let archetype = "---\ntitle: {{ .Title }}\ntags: {{ .Site.Params.tags | default \"x\" }}\n---\n{{ range .Pages }}x{{ end }}\n{{ $x := 1 }}\n"
        let (text, errors) = fill(archetype)
        #expect(text == nil)
        #expect(errors.count == 5)
        #expect(errors[0].hasPrefix("archetypes/posts.md:2:11: error: unsupported field .Title in an archetype; supported: .Date, .Name"))
        #expect(errors[0].hasSuffix("[new.archetype]"))
        #expect(errors[1].hasPrefix("archetypes/posts.md:3:30: error: unsupported function 'default' in an archetype; supported: replace, title"))
        #expect(errors[2].hasPrefix("archetypes/posts.md:5:4: error: 'range' is not supported in an archetype"))
        #expect(errors[3].hasPrefix("archetypes/posts.md:5:23: error: 'end' is not supported"))
        #expect(errors[4].hasPrefix("archetypes/posts.md:6:4: error: variables ('$…') are not supported"))
    }

    @Test func reportsMistakesInActions() {
        #expect(fill("a {{ .Date ")
            .1 == ["archetypes/posts.md:1:3: error: template action is never closed with '}}' [new.archetype]"])
        #expect(fill("{{ replace .Name \"-\" }}").1.first?.contains("'replace' takes 3 arguments, not 2") == true)
        #expect(fill("{{ .Name \"x\" }}").1.first?.contains(".Name takes no arguments") == true)
        #expect(fill("{{ .Name | .Date }}").1.first?.contains("only a function can follow '|'") == true)
        #expect(fill("{{ }}").1.first?.contains("empty template action") == true)
        #expect(fill("{{ . }}").1.first?.contains("'.' alone") == true)
        #expect(fill("{{ \"open }}").1.first?.contains("string is never closed") == true)
        #expect(fill("{{ (lower .Name }}").1.first?.contains("'(' is never closed") == true)
        #expect(fill("x\n{{< admonition >}}\n").1
            == ["archetypes/posts.md:2:3: error: a shortcode in an archetype must be written as a string: {{ \"{{<\" }} [new.archetype]"])
    }

    @Test func titleCasesAsHugosStylesDo() {
        #expect(ArchetypeTemplate.titleCase("the end of a tale", style: "ap") == "The End of a Tale")
        #expect(ArchetypeTemplate.titleCase("what to look for", style: "chicago") == "What to Look For")
        #expect(ArchetypeTemplate.titleCase("the end of a tale", style: "go") == "The End Of A Tale")
        #expect(ArchetypeTemplate.titleCase("the end of a tale", style: "firstupper") == "The end of a tale")
        #expect(ArchetypeTemplate.titleCase("the end of a tale", style: "none") == "the end of a tale")
        #expect(ArchetypeTemplate.humanize("my-first_post") == "My first post")
    }

    @Test func usesTheSitesTitleCaseStyle() {
        var context = Self.context
        context.titleCaseStyle = "firstupper"
        #expect(fill("{{ replace .Name \"-\" \" \" | title }}", context).0 == "The end of a tale")
    }
}
