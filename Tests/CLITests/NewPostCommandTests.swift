import ContentParsing
import Foundation
import SiteCore
import Testing

/// `chronicle new post`, run as a process on a copy of the example site.
@Suite struct NewPostCommandTests {
    /// A copy of the repository's example site (config.toml and content/) in a new folder.
    static func exampleSite() throws -> URL {
        let folder = try ChronicleProcess.temporaryFolder()
        let site = folder.appending(path: "site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for name in ["config.toml", "content"] {
            try FileManager.default.copyItem(
                at: ChronicleProcess.repoRoot.appending(path: name), to: site.appending(path: name))
        }
        return folder
    }

    static func frontMatter(_ url: URL) throws -> FrontMatter {
        let source = SourceFile(path: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8))
        let (block, splitProblems) = FrontMatterSplitter.split(source)
        #expect(splitProblems.isEmpty)
        let (frontMatter, problems) = FrontMatterParser.parse(block, source: source)
        #expect(problems.isEmpty)
        return frontMatter
    }

    static let date = "2026-07-01T09:30:00+02:00"

    @Test func createsADraftInEveryLanguageAndPrintsThePaths() throws {
        let folder = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ChronicleProcess.run(
            ["new", "post", "faster-search", "--source", "site", "--date", Self.date], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "site/content/posts/2026/faster-search/index.en.md\nsite/content/posts/2026/faster-search/index.de.md\n")
        #expect(run.stderr.contains("from the built-in archetype"))
        #expect(run.stderr.contains("chronicle serve --drafts --source site"))

        var keys: Set<String> = []
        for language in ["en", "de"] {
            let url = folder.appending(path: "site/content/posts/2026/faster-search/index.\(language).md")
            let frontMatter = try Self.frontMatter(url)
            #expect(frontMatter.format == .yaml)
            #expect(frontMatter["title"] == .string("Faster search"))
            #expect(frontMatter["date"] == .string(Self.date))
            #expect(frontMatter["draft"] == .bool(true))
            #expect(frontMatter["translationKey"] == .string("posts/2026/faster-search"))
            // The fields the example site's posts have, empty.
            #expect(frontMatter["tags"] == .array([]))
            #expect(frontMatter["categories"] == .array([]))
            #expect(frontMatter["author"] == .string(""))
            #expect(frontMatter["description"] == .string(""))
            keys.formUnion(frontMatter.values.keys)
            #expect(try String(contentsOf: url, encoding: .utf8).contains("<!--more-->"))
        }
        #expect(keys == ["title", "date", "draft", "translationKey", "author", "authorLink", "description", "tags", "categories"])
    }

    @Test func theNewPostBuildsWithDraftsWithoutProblems() throws {
        let folder = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appending(path: "site")
        let new = try ChronicleProcess.run(["new", "post", "faster-search", "--date", Self.date], in: site)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout == "content/posts/2026/faster-search/index.en.md\ncontent/posts/2026/faster-search/index.de.md\n")
        let build = try ChronicleProcess.run(["build", "--drafts", "--source", site.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains(": error:"))
        #expect(!build.stderr.contains("faster-search"), "no warning about the new post: \(build.stderr)")
        let page = try String(contentsOf: site.appending(path: "public/posts/2026/faster-search/index.html"), encoding: .utf8)
        #expect(page.contains("Faster search"))
        #expect(page.contains("hreflang=\"de\""), "the two languages are translations of each other")
        #expect(FileManager.default.fileExists(atPath: site.appending(path: "public/de/posts/2026/faster-search/index.html").path))
        // Without --drafts the draft is left out.
        let published = try ChronicleProcess.run(["build", "--source", site.path])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public/posts/2026/faster-search/index.html").path))
    }

    @Test func refusesToOverwriteAndWritesNothing() throws {
        let folder = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appending(path: "site")
        let first = try ChronicleProcess.run(["new", "post", "faster-search", "--date", Self.date], in: site)
        #expect(first.status == 0, "\(first.stderr)")
        let english = site.appending(path: "content/posts/2026/faster-search/index.en.md")
        let german = site.appending(path: "content/posts/2026/faster-search/index.de.md")
        try Data("my draft\n".utf8).write(to: english)
        try FileManager.default.removeItem(at: german)

        let second = try ChronicleProcess.run(["new", "post", "faster-search", "--date", Self.date, "--title", "Other"], in: site)
        #expect(second.status == 1)
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.contains(
            "content/posts/2026/faster-search/index.en.md: error: already exists; nothing was written ('new post' never overwrites a file) [new.exists]"))
        #expect(try String(contentsOf: english, encoding: .utf8) == "my draft\n")
        #expect(!FileManager.default.fileExists(atPath: german.path), "the missing file is not written either")
    }

    @Test func usesTheSitesPostsArchetype() throws {
        let folder = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appending(path: "site")
        try ChronicleProcess.write([
            "archetypes/posts.md": """
                ---
                title: "{{ replace .Name "-" " " | title }}"
                date: {{ .Date }}
                draft: true
                series: "{{ .Site.Title }}"
                tags: []
                ---
                {{/* Written by the archetype. */}}
                Language: {{ .Site.Language.Lang }}

                """,
            "archetypes/default.md": "---\ntitle: not this one\n---\n",
        ], into: site)
        let run = try ChronicleProcess.run(["new", "post", "the-state-of-search", "--date", Self.date], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("from archetypes/posts.md"))
        let german = site.appending(path: "content/posts/2026/the-state-of-search/index.de.md")
        let frontMatter = try Self.frontMatter(german)
        #expect(frontMatter["title"] == .string("The State of Search"))
        #expect(frontMatter["date"] == .string(Self.date))
        #expect(frontMatter["draft"] == .bool(true))
        #expect(frontMatter["series"] == .string("Lumen – Versionshinweise"))
        #expect(Set(frontMatter.values.keys) == ["title", "date", "draft", "series", "tags"])
        #expect(try String(contentsOf: german, encoding: .utf8).hasSuffix("---\n\nLanguage: de\n"))

        // --title replaces the archetype's title.
        let titled = try ChronicleProcess.run(
            ["new", "post", "search-2", "--date", Self.date, "--title", "Suche: \"schneller\""], in: site)
        #expect(titled.status == 0, "\(titled.stderr)")
        let titledMatter = try Self.frontMatter(site.appending(path: "content/posts/2026/search-2/index.en.md"))
        #expect(titledMatter["title"] == .string("Suche: \"schneller\""))

        let build = try ChronicleProcess.run(["build", "--drafts", "--source", site.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains(": error:"))
    }

    @Test func reportsAnUnsupportedArchetypeActionAndWritesNothing() throws {
        let folder = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appending(path: "site")
        try ChronicleProcess.write(["archetypes/default.md": "---\ntitle: {{ .Name }}\ndate: {{ now.Format \"2006\" }}\n---\n"], into: site)
        let run = try ChronicleProcess.run(["new", "post", "x", "--source", "site"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(
            "site/archetypes/default.md:3:10: error: unsupported function 'now.Format' in an archetype; supported: replace, title, humanize, lower, upper [new.archetype]"))
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "content/posts/2026/x").path))
    }

    @Test func rejectsABadSlugWithItsPlainForm() throws {
        let folder = try Self.exampleSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ChronicleProcess.run(["new", "post", "Größere Dateien", "--source", "site"], in: folder)
        #expect(run.status != 0)
        #expect(run.stderr.contains("'Größere Dateien' is not a slug"))
        #expect(run.stderr.contains("did you mean 'groessere-dateien'?"))
        let badDate = try ChronicleProcess.run(["new", "post", "x", "--source", "site", "--date", "July 1"], in: folder)
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("--date 'July 1' is not an ISO 8601 date"))
    }

    @Test func explainsWhatItCreatesAndWhere() throws {
        let run = try ChronicleProcess.run(["new", "post", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("content/posts/YEAR/SLUG/index.<lang>.md"))
        #expect(run.stdout.contains("archetypes/posts.md"))
        #expect(run.stdout.contains("--date"))
        let group = try ChronicleProcess.run(["help"])
        #expect(group.stdout.contains("new"))
    }
}
