import ContentParsing
import Foundation
import SiteCore
import Testing
@testable import SiteBuilder

@Suite struct PostConventionsTests {
    static func post(_ path: String, _ language: String, _ text: String) -> PostConventions.Post {
        PostConventions.Post(relativePath: path, language: language, text: text)
    }

    @Test func findsTheFieldsMostPostsHaveInTheirUsualOrder() {
        let posts = [
            Self.post("posts/2026/a/index.en.md", "en", "---\ntitle: A\ndate: 2026-01-01\nauthor: Jo\ntoc: true\ntags: [x]\nlastmod: 2026-02-01\nseries: s\n---\nA\n<!--more-->\n"),
            Self.post("posts/2026/a/index.de.md", "de", "---\ntitle: A\ndate: 2026-01-01\nauthor: Jo\ntoc: true\ntags: [x]\nlastmod: 2026-02-01\n---\nA\n"),
            Self.post("posts/2026/b/index.en.md", "en", "---\ntitle: B\nauthor: Mara\ntoc: false\ntags:\n  - y\nlastmod: 2026-02-01\nweight: 3\n---\nB\n<!--more-->\n"),
            Self.post("posts/2026/c/index.en.md", "en", "---\ntitle: C\nAuthor: Mara\ncategories: [z]\n---\nC\n<!--more-->\n"),
        ]
        let conventions = PostConventions.survey(posts, defaultLanguage: "en")
        #expect(conventions.postCount == 4)
        // title and dates are the new post's own; series and categories are in fewer than half.
        #expect(conventions.fields == [
            .init(key: "author", value: .emptyString),
            .init(key: "toc", value: .bool(true)),
            .init(key: "tags", value: .emptyList),
        ])
        #expect(conventions.format == .yaml)
        #expect(conventions.plainDefaultIndex == false)
        #expect(conventions.usesMoreMarker)
    }

    @Test func followsTOMLAndPlainIndexFiles() {
        let posts = [
            Self.post("posts/2026/a/index.md", "en", "+++\ntitle = \"A\"\ndescription = \"d\"\n+++\nA\n"),
            Self.post("posts/2026/a/index.de.md", "de", "+++\ntitle = \"A\"\ndescription = \"d\"\n+++\nA\n"),
            Self.post("posts/2026/b/index.md", "en", "---\ntitle: B\n---\nB\n"),
        ]
        let conventions = PostConventions.survey(posts, defaultLanguage: "en")
        #expect(conventions.format == .toml)
        #expect(conventions.plainDefaultIndex == true)
        #expect(conventions.fields == [.init(key: "description", value: .emptyString)])
        #expect(!conventions.usesMoreMarker)
    }

    @Test func saysNothingWithoutPosts() {
        let conventions = PostConventions.survey([], defaultLanguage: "en")
        #expect(conventions == PostConventions())
        #expect(conventions.plainDefaultIndex == nil)
    }

    @Test func readsTheHugoBlogsConventions() {
        let (config, _) = ConfigReader.read(siteDirectory: RepoPaths.hugoBlog)
        let conventions = PostConventions.read(siteDirectory: RepoPaths.hugoBlog, config: config!)
        #expect(conventions.postCount == 100)
        #expect(conventions.fields.map(\.key) == ["author", "authorLink", "toc", "license", "tags", "categories"])
        #expect(conventions.plainDefaultIndex == false)
    }
}

@Suite struct PostScaffoldTests {
    static let config = """
        baseURL = "https://example.org/"
        title = "Test"
        defaultContentLanguage = "de"
        [languages.en]
        weight = 1
        title = "Test (en)"
        [languages.de]
        weight = 2
        title = "Test (de)"
        """
    static let date = ContentDate.parse("2026-12-04T10:15:00+01:00")!

    static func frontMatter(_ text: String) -> FrontMatter {
        let source = SourceFile(path: "x.md", text: text)
        let (block, _) = FrontMatterSplitter.split(source)
        return FrontMatterParser.parse(block, source: source).frontMatter
    }

    @Test func plansADraftPerLanguageDefaultLanguageFirst() throws {
        let site = try TestSite([
            "content/posts/2025/old/index.de.md": "---\ntitle: Alt\ndate: 2025-01-01T10:00:00+01:00\ntags: [a]\nauthor: Jo\n---\nText\n",
            "content/posts/2025/old/index.en.md": "---\ntitle: Old\ndate: 2025-01-01T10:00:00+01:00\ntags: [a]\n---\nText\n",
        ], config: Self.config)
        defer { site.remove() }
        let (scaffold, diagnostics) = PostScaffold.plan(
            siteDirectory: site.root, request: .init(slug: "my-post", date: Self.date))
        #expect(diagnostics.isEmpty)
        let files = try #require(scaffold).files
        #expect(files.map(\.path) == ["content/posts/2026/my-post/index.de.md", "content/posts/2026/my-post/index.en.md"])
        #expect(scaffold?.archetype == nil)
        for file in files {
            let frontMatter = Self.frontMatter(file.text)
            #expect(frontMatter["title"] == .string("My post"))
            #expect(frontMatter["date"] == .string("2026-12-04T10:15:00+01:00"))
            #expect(frontMatter["draft"] == .bool(true))
            #expect(frontMatter["translationKey"] == .string("posts/2026/my-post"))
            #expect(frontMatter["tags"] == .array([]))
            #expect(frontMatter["author"] == nil, "only one post of two has an author")
        }
        #expect(files[0].text.contains("Der Text des Beitrags."))
        #expect(files[1].text.contains("The text of the post."))
        #expect(site.build(drafts: true).diagnostics.filter { $0.severity != .note }.isEmpty)
    }

    /// With a content folder per language, each language's file goes to its own folder, named
    /// `index.md`; the build then reads them as one post in two languages. A file of the post
    /// already in one language's folder stops it, named in that folder.
    @Test func writesEachLanguageToItsOwnContentFolder() throws {
        let config = Self.config
            .replacingOccurrences(of: "[languages.en]", with: "[languages.en]\ncontentDir = \"content/en\"")
            .replacingOccurrences(of: "[languages.de]", with: "[languages.de]\ncontentDir = \"content/de\"")
        let site = try TestSite([
            "content/de/posts/2025/old/index.md": "---\ntitle: Alt\ndate: 2025-01-01T10:00:00+01:00\n---\nText\n",
        ], config: config)
        defer { site.remove() }
        let (scaffold, diagnostics) = PostScaffold.plan(siteDirectory: site.root, request: .init(slug: "my-post", date: Self.date))
        #expect(diagnostics.isEmpty)
        let planned = try #require(scaffold)
        #expect(planned.files.map(\.path) == ["content/de/posts/2026/my-post/index.md", "content/en/posts/2026/my-post/index.md"])
        #expect(planned.folders == ["content/de/posts/2026/my-post", "content/en/posts/2026/my-post"])
        #expect(planned.write(siteDirectory: site.root).isEmpty)
        let result = site.build(drafts: true)
        let urls = result.pages.filter { $0.file.logicalPath == "posts/2026/my-post" }.map { "\($0.language) \($0.relativeURL)" }
        #expect(urls.sorted() == ["de /posts/2026/my-post/", "en /en/posts/2026/my-post/"])
        let (again, problems) = PostScaffold.plan(siteDirectory: site.root, request: .init(slug: "my-post", date: Self.date))
        #expect(again == nil)
        #expect(problems.map(\.location.path) == ["content/de/posts/2026/my-post/index.md", "content/en/posts/2026/my-post/index.md"])
    }

    @Test func refusesWhenAnyFileOfThePostExists() throws {
        let site = try TestSite([
            "content/posts/2025/old/index.de.md": "---\ntitle: Alt\n---\n",
            "content/posts/2026/my-post/index.md": "---\ntitle: Mine\n---\n",
        ], config: Self.config)
        defer { site.remove() }
        let (scaffold, diagnostics) = PostScaffold.plan(
            siteDirectory: site.root, request: .init(slug: "my-post", date: Self.date))
        #expect(scaffold == nil)
        // index.md is the default language's (de) page.
        #expect(diagnostics.map(\.formatted) == [
            "content/posts/2026/my-post/index.md: error: already holds this post's 'de' page; nothing was written ('new post' never overwrites a file) [new.exists]",
        ])
    }

    @Test func writeNeverReplacesAFile() throws {
        let site = try TestSite([:], config: Self.config)
        defer { site.remove() }
        let (planned, _) = PostScaffold.plan(siteDirectory: site.root, request: .init(slug: "race", date: Self.date))
        let scaffold = try #require(planned)
        // Made between plan and write.
        try site.write("content/posts/2026/race/index.en.md", "mine")
        let failures = scaffold.write(siteDirectory: site.root)
        #expect(failures.map(\.code) == ["new.exists"])
        #expect(try String(contentsOf: site.root.appending(path: "content/posts/2026/race/index.en.md"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: site.root.appending(path: "content/posts/2026/race/index.de.md").path))
    }

    @Test func usesTheArchetypeInHugosLookupOrder() throws {
        let site = try TestSite([
            "archetypes/default.md": "---\ntitle: default\n---\n",
            "themes/t/archetypes/posts.md": "---\ntitle: theme\n---\n",
            "archetypes/posts.md": "---\ntitle: \"{{ replace .Name \"-\" \" \" | title }}\"\ndate: {{ .Date }}\nsite: {{ .Site.Title }}\ndraft: true\n---\n",
        ], config: "theme = \"t\"\n" + Self.config)
        defer { site.remove() }
        #expect(PostScaffold.archetypeCandidates(theme: "t") == [
            "archetypes/posts.md", "archetypes/default.md", "themes/t/archetypes/posts.md", "themes/t/archetypes/default.md",
        ])
        let (scaffold, diagnostics) = PostScaffold.plan(
            siteDirectory: site.root, request: .init(slug: "end-of-a-tale", date: Self.date))
        #expect(diagnostics.isEmpty)
        #expect(scaffold?.archetype == "archetypes/posts.md")
        #expect(scaffold?.files.map(\.text) == [
            "---\ntitle: \"End of a Tale\"\ndate: 2026-12-04T10:15:00+01:00\nsite: Test (de)\ndraft: true\n---\n",
            "---\ntitle: \"End of a Tale\"\ndate: 2026-12-04T10:15:00+01:00\nsite: Test (en)\ndraft: true\n---\n",
        ])
        try FileManager.default.removeItem(at: site.root.appending(path: "archetypes"))
        #expect(PostScaffold.plan(siteDirectory: site.root, request: .init(slug: "x", date: Self.date)).0?.archetype
            == "themes/t/archetypes/posts.md")
    }

    @Test func reportsAnArchetypeThatDoesNotMakeValidFrontMatter() throws {
        let site = try TestSite(["archetypes/posts.md": "---\ntitle: {{ .Name }}: x\n---\n"], config: Self.config)
        defer { site.remove() }
        let (scaffold, diagnostics) = PostScaffold.plan(siteDirectory: site.root, request: .init(slug: "a", date: Self.date))
        #expect(scaffold == nil)
        #expect(diagnostics.first?.formatted.hasPrefix("archetypes/posts.md:2:9: error: once filled in, front matter is not valid YAML") == true)
        #expect(diagnostics.first?.code == "new.archetype")
    }

    @Test func setsTheTitleInAnyFrontMatterFormat() {
        #expect(PostScaffold.settingTitle("A \"B\"", in: "---\ntitle: >\n  folded\ndate: x\n---\nbody\n")
            == "---\ntitle: \"A \\\"B\\\"\"\ndate: x\n---\nbody\n")
        #expect(PostScaffold.settingTitle("T", in: "---\ndate: x\n---\n") == "---\ntitle: \"T\"\ndate: x\n---\n")
        #expect(PostScaffold.settingTitle("T", in: "+++\ntitle = 'x'\n[params]\ntitle = 'y'\n+++\n")
            == "+++\ntitle = \"T\"\n[params]\ntitle = 'y'\n+++\n")
        #expect(PostScaffold.settingTitle("T", in: "+++\n[params]\ntitle = 'y'\n+++\n")
            == "+++\ntitle = \"T\"\n[params]\ntitle = 'y'\n+++\n")
        #expect(PostScaffold.settingTitle("T", in: "{\n  \"title\": \"x\",\n  \"draft\": true\n}\n")
            == "{\n  \"title\": \"T\",\n  \"draft\": true\n}\n")
        #expect(PostScaffold.settingTitle("T", in: "body only\n") == "---\ntitle: \"T\"\n---\nbody only\n")
    }

    @Test func writesTheBuiltInArchetypeInTheSitesFormat() {
        var conventions = PostConventions()
        conventions.format = .toml
        conventions.fields = [.init(key: "tags", value: .emptyList), .init(key: "toc", value: .bool(false))]
        let text = PostScaffold.builtIn(
            title: "Ä \"quoted\"\ttitle", date: "2026-12-04T10:15:00+01:00", translationKey: "posts/2026/a",
            language: "en", conventions: conventions)
        #expect(text.hasPrefix("+++\ntitle = \"Ä \\\"quoted\\\"\\ttitle\"\ndate = 2026-12-04T10:15:00+01:00\ndraft = true\n"))
        let frontMatter = Self.frontMatter(text)
        #expect(frontMatter.format == .toml)
        #expect(frontMatter["title"] == .string("Ä \"quoted\"\ttitle"))
        #expect(frontMatter["tags"] == .array([]))
        #expect(frontMatter["toc"] == .bool(false))
        #expect(frontMatter["date"] == .string("2026-12-04T10:15:00+01:00"))
    }

    @Test func readsDatesWithoutAnOffsetInTheMachinesTimeZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(PostScaffold.date("2026-12-04T10:15:00+05:30", timeZone: berlin).map(DateFormatting.iso8601)
            == "2026-12-04T10:15:00+05:30")
        #expect(PostScaffold.date("2026-01-10", timeZone: berlin).map(DateFormatting.iso8601) == "2026-01-10T00:00:00+01:00")
        #expect(PostScaffold.date("2025-03-30T12:00", timeZone: berlin).map(DateFormatting.iso8601) == "2025-03-30T12:00:00+02:00")
        #expect(PostScaffold.date("tomorrow", timeZone: berlin) == nil)
        #expect(PostScaffold.date("17 Jan 2024", timeZone: berlin) == nil)
        let now = Date(timeIntervalSince1970: 1_796_375_700.75)  // 2026-12-04T09:15:00.75Z
        #expect(DateFormatting.iso8601(PostScaffold.currentDate(now, timeZone: berlin)) == "2026-12-04T10:15:00+01:00")
    }

    @Test func explainsABadSlugWithItsPlainForm() {
        #expect(PostScaffold.slugProblem("my-post") == nil)
        #expect(PostScaffold.slugProblem("My Post")?.hasSuffix("did you mean 'my-post'?") == true)
        #expect(PostScaffold.slugProblem("???")?.contains("did you mean") == false)
    }
}
