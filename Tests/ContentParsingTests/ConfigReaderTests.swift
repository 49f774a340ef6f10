import ContentParsing
import Foundation
import SiteCore
import Testing

@Suite struct ConfigReaderTests {
    private func parse(_ text: String, format: ConfigFormat = .toml) throws -> (SiteConfig, [String]) {
        let (config, diagnostics) = ConfigReader.parse(text: text, path: "config.toml", format: format)
        return (try #require(config, "\(diagnostics.map(\.formatted))"), diagnostics.map(\.formatted))
    }

    @Test func readsEverySiteField() throws {
        let (config, diagnostics) = try parse("""
            baseURL = "https://example.org/"
            title = "Example"
            theme = ["FixIt", "other"]
            defaultContentLanguage = "de"
            defaultContentLanguageInSubdir = true
            paginate = 7
            rssLimit = 20
            summaryLength = 40
            enableRobotsTXT = true

            [params]
              description = "Site"
              [params.home]
                rss = 5
                title = "Home"

            [taxonomies]
              tag = "tags"
              series = "series"

            [markup.goldmark.renderer]
              unsafe = true
            [markup.goldmark.extensions]
              typographer = false
              linkify = false
              strikethrough = false
              table = false
              taskList = false
              footnote = false
            [markup.highlight]
              lineNos = true
            [markup.tableOfContents]
              startLevel = 1
              endLevel = 4
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.baseURL == "https://example.org/")
        #expect(config.title == "Example")
        #expect(config.theme == "FixIt")
        #expect(config.defaultContentLanguage == "de")
        #expect(config.defaultContentLanguageInSubdir)
        #expect(config.paginate == 7)
        #expect(config.rssLimit == 20)
        #expect(config.summaryLength == 40)
        #expect(config.enableRobotsTXT)
        #expect(config.params.lookup("home.rss") == .int(5))
        #expect(config.taxonomies == ["tag": "tags", "series": "series"])
        var markup = MarkupConfig()
        markup.unsafe = true
        markup.typographer = false
        markup.linkify = false
        markup.strikethrough = false
        markup.table = false
        markup.taskList = false
        markup.footnote = false
        markup.lineNumbers = true
        markup.tocStartLevel = 1
        markup.tocEndLevel = 4
        #expect(config.markup == markup)
        #expect(config.raw["title"] == .string("Example"))
        // Without [languages], one language: the default one, with the site's params.
        #expect(config.languages.count == 1)
        #expect(config.languages[0].language.code == "de")
        #expect(config.languages[0].params == config.params)
    }

    @Test func usesDefaultsForAMinimalConfig() throws {
        let (config, diagnostics) = try parse("title = \"Tiny\"\n")
        #expect(diagnostics.isEmpty)
        #expect(config.baseURL == "/")
        #expect(config.theme == nil)
        #expect(config.defaultContentLanguage == "en")
        #expect(config.languages.map(\.language.code) == ["en"])
        #expect(config.taxonomies == ["tag": "tags", "category": "categories"])
        #expect(config.paginate == nil)
        #expect(config.rssLimit == nil)
        #expect(config.summaryLength == 70)
        #expect(config.markup == MarkupConfig())
    }

    @Test func readsNewerHugoSpellings() throws {
        let (config, diagnostics) = try parse("""
            theme = "single"
            [pagination]
              pagerSize = 12
            [services.rss]
              limit = 15
            [markup.goldmark.extensions.typographer]
              disable = true
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.theme == "single")
        #expect(config.paginate == 12)
        #expect(config.rssLimit == 15)
        #expect(config.markup.typographer == false)
    }

    @Test func readsKeysCaseInsensitively() throws {
        let (config, _) = try parse("""
            BaseURL = "https://example.org/"
            DefaultContentLanguage = "EN"
            [Markup.Goldmark.Renderer]
              Unsafe = true
            [Languages.EN]
              Weight = 1
              LanguageName = "English"
            """)
        #expect(config.baseURL == "https://example.org/")
        #expect(config.defaultContentLanguage == "en")
        #expect(config.markup.unsafe)
        #expect(config.languages.map(\.language.code) == ["en"])
        #expect(config.languages[0].language.name == "English")
    }

    @Test func readsLanguagesWithParamsAndMenusInEveryForm() throws {
        let (config, diagnostics) = try parse("""
            defaultContentLanguage = "en"
            [params]
              description = "Site"
              dateFormat = "01-02-2006"
              [params.home]
                rss = 5
                title = "Home"
            [[menu.main]]
              name = "Site-wide"
              url = "/all/"
              weight = 9
            [languages]
              [languages.de]
                weight = 2
                title = "Beispiel"
                languageName = "Deutsch"
                languageCode = "de-DE"
                [[languages.de.menu.main]]
                  identifier = "posts"
                  name = "Beiträge"
                  url = "/posts/"
                  weight = 1
                [languages.de.params]
                  dateformat = "02.01.2006"
                  [languages.de.params.home]
                    title = "Start"
              [languages.en]
                weight = 1
                languageName = "English"
                [languages.en.menu]
                  main = [
                    { name = "Unweighted", url = "/z/" },
                    { name = "b", url = "/b/", weight = 2 },
                    { name = "A", url = "/a/", weight = 2, identifier = "a-id", pre = "<i>", post = "!", title = "T", parent = "p" },
                    { name = "Posts", pageRef = "/posts", weight = 1 },
                  ]
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.languages.map(\.language.code) == ["en", "de"])
        let german = try #require(config.language("de"))
        #expect(german.language == Language(code: "de", name: "Deutsch", weight: 2, title: "Beispiel", languageCode: "de-DE"))
        // The language's params win, keys matched case-insensitively; the rest is inherited.
        #expect(german.params["dateFormat"] == .string("02.01.2006"))
        #expect(german.params.lookup("home.title") == .string("Start"))
        #expect(german.params.lookup("home.rss") == .int(5))
        #expect(german.params["description"] == .string("Site"))
        #expect(german.menus["main"]?.map(\.name) == ["Beiträge", "Site-wide"])
        #expect(german.menus["main"]?.first?.identifier == "posts")

        let english = try #require(config.language("en"))
        #expect(english.language.title == nil)
        #expect(english.params == config.params)
        let menu = try #require(english.menus["main"])
        // By weight (none last), then name case-insensitively.
        #expect(menu.map(\.name) == ["Posts", "A", "b", "Site-wide", "Unweighted"])
        #expect(menu[0].url == "/posts")
        #expect(menu[0].identifier == "Posts")
        #expect(menu[1] == MenuEntry(
            identifier: "a-id", name: "A", url: "/a/", title: "T", pre: "<i>", post: "!", weight: 2, parent: "p",
            urlLocation: SourceLocation(path: "config.toml", line: 34, column: 29)))
        // Where each url (or pageRef) is written, for diagnostics about it: tables, inline tables.
        #expect(menu.map { $0.urlLocation.map { "\($0.line ?? 0):\($0.column ?? 0)" } } == ["35:37", "34:29", "33:29", "10:9", "32:38"])
        #expect(german.menus["main"]?.map { $0.urlLocation?.description } == ["config.toml:21:13", "config.toml:10:9"])
    }

    @Test func readsYAMLConfig() throws {
        let (config, diagnostics) = try parse("""
            baseURL: https://example.org/
            title: YAML site
            enableRobotsTXT: yes
            languages:
              en:
                weight: 1
                menu:
                  main:
                    - name: Posts
                      url: /posts/
                      weight: 1
            markup:
              goldmark:
                renderer:
                  unsafe: true
            """, format: .yaml)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "YAML site")
        #expect(config.enableRobotsTXT)
        #expect(config.markup.unsafe)
        #expect(config.languages.first?.menus["main"]?.map(\.url) == ["/posts/"])
        #expect(config.languages.first?.menus["main"]?.first?.urlLocation?.description == "config.toml:10:16")
    }

    @Test func readsJSONConfig() throws {
        let (config, diagnostics) = try parse("""
            {"baseURL": "https://example.org/", "title": "JSON site", "paginate": 3,
             "languages": {"en": {"weight": 1}, "fr": {"weight": 2, "languageName": "Français"}}}
            """, format: .json)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "JSON site")
        #expect(config.paginate == 3)
        #expect(config.languages.map(\.language.name) == ["en", "Français"])
    }

    @Test func reportsTOMLSyntaxErrorsWithLineAndColumn() {
        let (config, diagnostics) = ConfigReader.parse(
            text: "title = \"x\"\n[params]\n  broken = \n", path: "config.toml", format: .toml)
        #expect(config == nil)
        #expect(diagnostics.map(\.formatted) == [
            "config.toml:3:12: error: the site config is not valid TOML: error while parsing key-value pair: expected value, saw '\\n' [config.syntax]",
        ])
        #expect(diagnostics.first?.sourceLine == "  broken = ")
    }

    @Test func reportsYAMLSyntaxErrors() {
        let (config, diagnostics) = ConfigReader.parse(text: "title: a: b\n", path: "hugo.yaml", format: .yaml)
        #expect(config == nil)
        #expect(diagnostics.map(\.formatted) == [
            "hugo.yaml:1:9: error: the site config is not valid YAML: mapping values are not allowed in this context [config.syntax]",
        ])
    }

    @Test func reportsValuesOfTheWrongTypeAndKeepsTheDefault() throws {
        let (config, diagnostics) = try parse("""
            title = "x"
            paginate = "ten"
            [markup.goldmark.renderer]
              unsafe = "sometimes"
            """)
        #expect(config.paginate == nil)
        #expect(config.markup.unsafe == false)
        #expect(diagnostics == [
            "config.toml:2:12: error: 'paginate' must be a whole number, not 'ten' [config.type]",
            "config.toml:4:12: error: 'markup.goldmark.renderer.unsafe' must be true or false, not 'sometimes' [config.type]",
        ])
    }

    @Test func reportsADefaultLanguageThatIsNotALanguage() throws {
        let (config, diagnostics) = try parse("""
            defaultContentLanguage = "fr"
            [languages.de]
              weight = 2
            [languages.en]
              weight = 1
            """)
        #expect(config.defaultContentLanguage == "en")
        #expect(diagnostics == [
            "config.toml:1:26: error: defaultContentLanguage 'fr' is not one of the languages (en, de) [config.language]",
        ])
    }

    @Test func looksForConfigFilesInHugosOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let (missing, missingDiagnostics) = ConfigReader.read(siteDirectory: folder)
        #expect(missing == nil)
        #expect(missingDiagnostics.map(\.formatted) == [
            "\(folder.path): error: no site config found (looked for hugo.toml, config.toml, hugo.yaml, config.yaml, config.yml, config.json) [config.missing]",
        ])

        try "title: from yaml\n".write(to: folder.appendingPathComponent("config.yml"), atomically: true, encoding: .utf8)
        #expect(ConfigReader.read(siteDirectory: folder).0?.title == "from yaml")
        try "title = \"from config.toml\"\r\n".write(
            to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        #expect(ConfigReader.read(siteDirectory: folder).0?.title == "from config.toml")
        try "\u{FEFF}title = \"from hugo.toml\"\n".write(
            to: folder.appendingPathComponent("hugo.toml"), atomically: true, encoding: .utf8)
        #expect(ConfigReader.read(siteDirectory: folder).0?.title == "from hugo.toml")

        try "title = \n".write(to: folder.appendingPathComponent("hugo.toml"), atomically: true, encoding: .utf8)
        let (broken, brokenDiagnostics) = ConfigReader.read(siteDirectory: folder)
        #expect(broken == nil)
        #expect(brokenDiagnostics.map(\.location) == [SourceLocation(path: "hugo.toml", line: 1, column: 9)])
    }

    @Test func knowsFormatsByFileName() {
        #expect(ConfigFormat(fileName: "config.yml") == .yaml)
        #expect(ConfigFormat(fileName: "hugo.TOML") == .toml)
        #expect(ConfigFormat(fileName: "config.json") == .json)
        #expect(ConfigFormat(fileName: "README") == nil)
    }
}
