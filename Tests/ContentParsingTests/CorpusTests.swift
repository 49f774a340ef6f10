import ContentParsing
import Foundation
import SiteCore
import Testing

/// The real Hugo blog in `../shared/corpus/hugo-blog` parses without a single diagnostic.
@Suite struct CorpusTests {
    static let content = Support.corpus.appendingPathComponent("content")

    static var markdownFiles: [URL] {
        let enumerator = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "md" }
            .sorted { $0.path < $1.path }
    }

    /// Reads a corpus file as the build does: decoded, BOM stripped, CRLF turned into LF.
    static func load(_ relativePath: String) throws -> (SourceFile, [SourceFile.DecodingNote]) {
        let data = try Data(contentsOf: content.appendingPathComponent(relativePath))
        let (text, notes) = SourceFile.decode(data)
        return (SourceFile(path: "content/" + relativePath, text: text), notes)
    }

    static func parse(_ relativePath: String) throws -> (document: Document, metadata: PageMetadata, diagnostics: [Diagnostic]) {
        DocumentParser.parse(try load(relativePath).0)
    }

    @Test func parsesEveryPostWithoutADiagnostic() throws {
        let files = Self.markdownFiles
        #expect(files.count == 106)
        var problems: [String] = []
        var dated = 0
        for url in files {
            let relative = String(url.path.dropFirst(Self.content.path.count + 1))
            let parsed = try Self.parse(relative)
            problems += parsed.diagnostics.map(\.formatted)
            #expect(parsed.document.frontMatter.format == .yaml, "\(relative)")
            #expect(!parsed.metadata.title.isEmpty, "\(relative)")
            if parsed.metadata.date != nil { dated += 1 }
        }
        #expect(problems == [])
        #expect(dated == 105)
    }

    @Test func keepsTheWrittenOffsetOfDates() throws {
        let parsed = try Self.parse("posts/2022/release-2022-11a/index.de.md")
        let date = try #require(parsed.metadata.date)
        #expect(date.text == "2022-12-12T09:30:10+02:00")
        #expect(date.offsetSeconds == 7200)
        #expect(date.components.hour == 9)
        #expect(parsed.metadata.lastmod?.text == "2022-12-13T09:30:10+02:00")
        #expect(parsed.metadata.title.hasPrefix("🚚🐄 Muhvember Update 2022"))
        #expect(parsed.metadata.toc == true)
    }

    @Test func readsTheCRLFFiles() throws {
        let (source, notes) = try Self.load("posts/2023/mailcow-idp/index.de.md")
        #expect(notes == [.crlfLineEndings])
        let parsed = DocumentParser.parse(source)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.metadata.title == "🔒🔑 External Identity Providers for User authentication")
        #expect(parsed.metadata.date?.text == "2023-08-09T10:24:31+02:00")
        #expect(parsed.metadata.author == "Patrick Schult/FreddleSpl0it")
        #expect(parsed.metadata.categories == ["News"])
        #expect(parsed.metadata.tags.contains("single sign on"))
        #expect(parsed.document.bodyStartLine == 16)
        #expect(parsed.document.body.hasPrefix("\n**Moohoo - Gute Nachricht, Freunde!**"))
        #expect(!parsed.document.body.contains("\r"))
        let english = try Self.parse("posts/2023/mailcow-idp/index.en.md")
        #expect(english.diagnostics.isEmpty)
        #expect(english.metadata.date?.offsetSeconds == 7200)
    }

    @Test func findsTheCorpusShortcodes() throws {
        let video = try Self.parse("posts/2022/de-youtube-raspberrypicloud/index.de.md")
        #expect(video.document.nodes.calls.map(\.name) == ["youtube"])
        #expect(video.document.nodes.calls.first?.positional.first?.value == "QiDDczFSeKQ")
        #expect(video.metadata.params["resources"] == .array([
            .table(["name": .string("featured-image-preview"), "src": .string("thumb.jpg")]),
        ]))

        for language in ["de", "en"] {
            let vps = try Self.parse("vps/index.\(language).md")
            let box = try #require(vps.document.nodes.calls.first)
            #expect(box.name == "admonition")
            #expect(box.positional.map(\.value) == ["info"])
            #expect(box.inner?.isEmpty == false)
            #expect(vps.document.unknownShortcodes.isEmpty)
        }
    }

    @Test func readsTheCorpusConfig() throws {
        let (loaded, diagnostics) = ConfigReader.read(siteDirectory: Support.corpus)
        // Only the keys that make Hugo's output differ from Chronicle's are reported.
        #expect(diagnostics.sorted().map(\.formatted) == [
            "config.toml:12:1: warning: 'enableGitInfo' is not supported: Chronicle takes 'lastmod' from front matter, not from Git [config.unsupported]",
            "config.toml:171:5: warning: 'markup.highlight.guessSyntax' is not supported: Chronicle highlights only code blocks that name their language [config.unsupported]",
            "config.toml:173:5: warning: 'markup.highlight.lineNumbersInTable' is not supported: Chronicle writes line numbers inline, in the code's own lines [config.unsupported]",
            "config.toml:179:7: warning: 'markup.goldmark.extensions.definitionList' is not supported: Chronicle writes definition lists as plain paragraphs [config.unsupported]",
        ])
        let config = try #require(loaded)
        #expect(config.baseURL == "https://mailcow.email")
        #expect(config.title == "mailcow: dockerized - Blog")
        #expect(config.theme == "FixIt")
        #expect(config.defaultContentLanguage == "en")
        #expect(config.enableRobotsTXT)
        #expect(config.markup.unsafe)
        #expect(config.markup.lineNumbers)
        #expect(config.markup.tocStartLevel == 2)
        #expect(config.markup.tocEndLevel == 6)
        #expect(config.params["version"] == .string("0.2.X"))
        #expect(config.raw.lookup("privacy.youtube.privacyEnhanced") == .bool(true))

        #expect(config.languages.map(\.language.code) == ["en", "de"])
        let english = try #require(config.language("en"))
        let german = try #require(config.language("de"))
        #expect(english.language.name == "English")
        #expect(german.language.name == "Deutsch")
        #expect(german.language.weight == 2)
        #expect(german.language.title == "mailcow: dockerized - Blog")

        // [languages.de.params] merged over [params]: the language's own values win.
        #expect(german.params["description"] == .string("Der E-Mail Server mit dem 'moo' – 🐮 + 🐋 = 💕 | Offizieller Blog"))
        #expect(german.params["dateFormat"] == .string("02.01.2006"))
        #expect(german.params.lookup("home.profile.subtitle") == .string("Neuigkeiten und Infos"))
        #expect(german.params.lookup("footer.icp")?.stringValue?.contains("/de/imprint/") == true)
        #expect(german.params["version"] == .string("0.2.X"))
        #expect(german.params.lookup("social.GitHub") == .string("mailcow/mailcow-dockerized"))
        #expect(english.params["dateFormat"] == .string("01-02-2006"))
        #expect(english.params.lookup("home.profile.subtitle") == .string("News and Infos"))

        // Menus are flat lists sorted by weight, then name; children name their parent.
        let englishMenu = try #require(english.menus["main"])
        #expect(englishMenu.count == 13)
        #expect(englishMenu.filter { $0.parent == nil }.map(\.identifier) == [
            "posts", "tags", "categories", "documentation", "vps", "support", "github", "demos", "sponsor",
        ])
        #expect(englishMenu.filter { $0.parent == "sponsor" }.map(\.identifier) == ["sponsor-sal", "sponsor-gh"])
        let germanMenu = try #require(german.menus["main"])
        #expect(germanMenu.count == 13)
        let germanPosts = try #require(germanMenu.first { $0.identifier == "posts" })
        #expect(germanPosts.name == "Beiträge")
        #expect(germanPosts.url == "/posts/")
        #expect(germanPosts.weight == 1)
        let nightly = try #require(germanMenu.first { $0.identifier == "demo-nightly" })
        #expect(nightly.parent == "demos")
        #expect(nightly.weight == 2)
        #expect(nightly.pre == "🛠️ ")
    }
}
