import ContentParsing
import SiteCore
import Testing

@Suite struct PageMetadataTests {
    @Test func readsEveryKnownField() throws {
        let (_, metadata, diagnostics) = Support.parse("""
            ---
            title: "Release"
            date: 2024-01-17T11:19:02+02:00
            lastmod: 2024-01-18 09:00:00 +0100
            publishDate: 2024-01-17
            expiryDate: 2030-01-01T00:00:00Z
            draft: "false"
            author: Jane
            authorLink: https://example.org
            description: A description
            summary: A summary
            tags: [release, 2024]
            categories: Updates
            toc: true
            featuredImage: cover.png
            featuredImagePreview: cover-small.png
            slug: my-slug
            url: /custom/url/
            aliases: /old/
            translationKey: release
            weight: 5
            license: CC-BY
            ---
            """)
        #expect(diagnostics.isEmpty)
        #expect(metadata.title == "Release")
        #expect(metadata.date?.text == "2024-01-17T11:19:02+02:00")
        #expect(metadata.date?.offsetSeconds == 7200)
        #expect(metadata.lastmod?.offsetSeconds == 3600)
        #expect(metadata.publishDate?.hasOffset == false)
        #expect(metadata.expiryDate?.hasOffset == true)
        #expect(metadata.draft == false)
        #expect(metadata.author == "Jane")
        #expect(metadata.authorLink == "https://example.org")
        #expect(metadata.description == "A description")
        #expect(metadata.summary == "A summary")
        #expect(metadata.tags == ["release", "2024"])
        #expect(metadata.categories == ["Updates"])
        #expect(metadata.toc == true)
        #expect(metadata.featuredImage == "cover.png")
        #expect(metadata.featuredImagePreview == "cover-small.png")
        #expect(metadata.slug == "my-slug")
        #expect(metadata.url == "/custom/url/")
        #expect(metadata.aliases == ["/old/"])
        #expect(metadata.translationKey == "release")
        #expect(metadata.weight == 5)
        #expect(metadata.params["license"] == .string("CC-BY"))
        #expect(metadata.params["title"] == .string("Release"))
    }

    @Test func leavesAbsentFieldsAtTheirDefaults() {
        let (_, metadata, diagnostics) = Support.parse("# No front matter\n")
        #expect(diagnostics.isEmpty)
        #expect(metadata.title == "")
        #expect(metadata.date == nil)
        #expect(metadata.draft == false)
        #expect(metadata.toc == nil)
        #expect(metadata.taxonomies.isEmpty)
        #expect(metadata.params.isEmpty)
    }

    @Test func matchesKeysCaseInsensitively() {
        let (_, metadata, _) = Support.parse("---\nTitle: Upper\nTAGS: [a]\nDraft: true\n---\n")
        #expect(metadata.title == "Upper")
        #expect(metadata.tags == ["a"])
        #expect(metadata.draft)
    }

    @Test func readsTheTableFormOfToc() {
        #expect(Support.parse("---\ntoc:\n  enable: false\n---\n").metadata.toc == false)
        #expect(Support.parse("---\ntoc: yes\n---\n").metadata.toc == true)
    }

    @Test func readsTheTaxonomiesItIsGiven() {
        let source = SourceFile(path: "input.md", text: "---\nseries: [one]\ntags: [a]\n---\n")
        let parsed = DocumentParser.parse(source, taxonomies: ["series"])
        #expect(parsed.metadata.taxonomies == ["series": ["one"]])
    }

    @Test func treatsEmptyDatesAsAbsent() {
        let (_, metadata, diagnostics) = Support.parse("---\ndate: \"\"\nlastmod:\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(metadata.date == nil)
        #expect(metadata.lastmod == nil)
    }

    @Test func reportsADateThatDoesNotParseAtTheValue() {
        let (_, metadata, diagnostics) = Support.parse("---\ntitle: x\ndate:  yesterday\n---\n")
        #expect(metadata.date == nil)
        #expect(metadata.title == "x")
        #expect(diagnostics == [
            "input.md:3:8: error: date 'yesterday' is not a valid date (expected e.g. 2024-01-17T11:19:02+02:00) [frontmatter.date]",
        ])
    }

    @Test func reportsDatesInTOMLAndJSONAtTheValue() {
        #expect(Support.parse("+++\ndate = \"soon\"\n+++\n").diagnostics == [
            "input.md:2:8: error: date 'soon' is not a valid date (expected e.g. 2024-01-17T11:19:02+02:00) [frontmatter.date]",
        ])
        #expect(Support.parse("{\n  \"lastmod\": \"soon\"\n}\n").diagnostics == [
            "input.md:2:14: error: lastmod 'soon' is not a valid date (expected e.g. 2024-01-17T11:19:02+02:00) [frontmatter.date]",
        ])
    }

    @Test func reportsTaxonomiesThatAreNotLists() {
        let (_, metadata, diagnostics) = Support.parse("---\ntags:\n  a: b\ncategories: [x, [y]]\n---\n")
        #expect(metadata.taxonomies.isEmpty)
        #expect(diagnostics == [
            "input.md:2:1: error: 'tags' must be a list of strings, not a table [frontmatter.type]",
            "input.md:4:13: error: 'categories' must be a list of strings, but item 2 is a list [frontmatter.type]",
        ])
    }

    @Test func reportsATitleThatIsNotAString() {
        let (_, metadata, diagnostics) = Support.parse("---\ntitle: [a, b]\n---\n")
        #expect(metadata.title == "")
        #expect(diagnostics == ["input.md:2:8: error: 'title' must be a string, not a list [frontmatter.type]"])
    }

    @Test func readsANumberAsATitle() {
        let (_, metadata, diagnostics) = Support.parse("---\ntitle: 2024\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(metadata.title == "2024")
    }

    @Test func reportsADraftFlagThatIsNotABoolean() {
        let (_, metadata, diagnostics) = Support.parse("---\ndraft: maybe\n---\n")
        #expect(metadata.draft == false)
        #expect(diagnostics == ["input.md:2:8: error: 'draft' must be true or false, not 'maybe' [frontmatter.type]"])
    }

    @Test func reportsAWeightThatIsNotANumber() {
        #expect(Support.parse("---\nweight: heavy\n---\n").diagnostics == [
            "input.md:2:9: error: 'weight' must be a whole number, not 'heavy' [frontmatter.type]",
        ])
    }
}
