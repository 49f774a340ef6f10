import ContentParsing
import Foundation
import Testing
@testable import SiteBuilder

/// What the scanner makes of file and folder names: the content path translations share, the
/// section, the language and the kind of page, as lists, `ref` and the URLs use them.
@Suite struct ContentScannerTests {
    private func scan(_ paths: [String]) throws -> [String: ContentFile] {
        let site = try TestSite(Dictionary(uniqueKeysWithValues: paths.map { ("content/" + $0, "x") }), config: nil)
        defer { site.remove() }
        let scanner = ContentScanner(
            contentDirectory: site.root.appending(path: "content"), displayPrefix: "content",
            languages: ["en", "de"], defaultLanguage: "en")
        let (files, diagnostics) = scanner.scan()
        #expect(diagnostics.isEmpty)
        #expect(files.map(\.relativePath) == files.map(\.relativePath).sorted())
        for file in files {
            #expect(file.absolutePath == site.root.appending(path: "content").path + "/" + file.relativePath)
            #expect(file.displayPath == "content/" + file.relativePath)
        }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.relativePath, $0) })
    }

    @Test func namesBecomeLogicalPathsSectionsAndLanguages() throws {
        let files = try scan([
            "_index.de.md", "about.md", "posts/_index.md", "posts/2024/launch/index.de.md",
            "posts/2024/launch/index.en.md", "posts/2024/launch/cover.png", "posts/notes.v1.2.md",
            "posts/ein.beitrag.de.md", "posts/a..md", "posts/long.english.md", "posts/x.EN.markdown",
            "posts/café.ünï.md", "top/index.md",
        ])
        let expected: [String: (logical: String, section: String, language: String, kind: ContentFile.Kind)] = [
            "_index.de.md": ("", "", "de", .branchBundle),
            "about.md": ("about", "", "en", .single),
            "posts/_index.md": ("posts", "posts", "en", .branchBundle),
            "posts/2024/launch/index.de.md": ("posts/2024/launch", "posts", "de", .leafBundle),
            "posts/2024/launch/index.en.md": ("posts/2024/launch", "posts", "en", .leafBundle),
            // Only a last part of up to five letters or hyphens is taken for a language suffix.
            "posts/notes.v1.2.md": ("posts/notes.v1.2", "posts", "en", .single),
            "posts/ein.beitrag.de.md": ("posts/ein.beitrag", "posts", "de", .single),
            "posts/a..md": ("posts/a", "posts", "en", .single),
            "posts/long.english.md": ("posts/long.english", "posts", "en", .single),
            "posts/x.EN.markdown": ("posts/x", "posts", "en", .single),
            "posts/café.ünï.md": ("posts/café", "posts", "en", .single),
            "top/index.md": ("top", "", "en", .leafBundle),
        ]
        #expect(Set(files.keys) == Set(expected.keys))
        for (path, want) in expected {
            let file = try #require(files[path])
            #expect(file.logicalPath == want.logical, "\(path)")
            #expect(file.section == want.section, "\(path)")
            #expect(file.language == want.language, "\(path)")
            #expect(file.kind == want.kind, "\(path)")
        }
        #expect(files["posts/2024/launch/index.en.md"]?.resources == ["cover.png"])
    }

    /// Per-language content folders as Hugo reads them: a language without a `contentDir` of
    /// its own reads the site's; another language's folder inside it is that language's alone
    /// (not a section of the outer one); a file named for a language is that language's
    /// wherever it lies; paths are relative to each folder, so translations share them.
    @Test func contentFoldersPerLanguage() throws {
        let config = """
            baseURL = "https://example.org/"
            defaultContentLanguage = "en"
            [languages.en]
            weight = 1
            [languages.de]
            weight = 2
            contentDir = "./content/de/"
            """
        let site = try TestSite([
            "content/posts/a.md": "x", "content/posts/b.de.md": "x",
            "content/de/posts/a.md": "x", "content/de/posts/c.en.md": "x",
        ], config: config)
        defer { site.remove() }
        let (siteConfig, _) = ConfigReader.read(siteDirectory: site.root)
        let roots = ContentRoot.roots(site: site.root, config: try #require(siteConfig))
        #expect(roots.map(\.displayPrefix) == ["content", "content/de"])
        #expect(roots.map(\.language) == [nil, "de"])
        let (files, diagnostics) = ContentScanner(site: site.root, config: try #require(siteConfig)).scan()
        #expect(diagnostics.isEmpty)
        let found = files.map { "\($0.displayPath) \($0.relativePath) \($0.language) \($0.logicalPath)" }
        #expect(found == [
            "content/de/posts/a.md posts/a.md de posts/a",
            "content/posts/a.md posts/a.md en posts/a",
            "content/posts/b.de.md posts/b.de.md de posts/b",
            "content/de/posts/c.en.md posts/c.en.md en posts/c",
        ])
    }

    /// A language whose content folder is not made yet: a warning, and the others build.
    @Test func aMissingLanguageFolderIsAWarning() throws {
        let config = """
            baseURL = "https://example.org/"
            [languages.en]
            weight = 1
            contentDir = "content/en"
            [languages.de]
            weight = 2
            contentDir = "content/de"
            """
        let site = try TestSite(["content/en/posts/a.md": "---\ntitle: A\n---\nx\n"], config: config)
        defer { site.remove() }
        let result = site.build()
        #expect(result.diagnostics.map(\.formatted) == [
            "content/de: warning: content folder of language 'de' does not exist; it has no pages [content.missing-folder]",
        ])
        #expect(result.pages.map(\.relativeURL) == ["/posts/a/"])
    }
}
