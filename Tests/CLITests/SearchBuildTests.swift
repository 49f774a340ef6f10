import Foundation
import Testing

/// `chronicle build --search`: search pages per language and Pagefind's index, or a clear
/// error that leaves the previous output as it was. The real Pagefind is needed (`make pydeps`
/// installs it); scripts/search_test.py searches the result in a browser.
@Suite struct SearchBuildTests {
    static let site: [String: String] = [
        "config.toml": """
            baseURL = "https://example.org/"
            title = "Search"
            defaultContentLanguage = "en"
            [languages.en]
            weight = 1
            languageName = "English"
            [languages.de]
            weight = 2
            languageName = "Deutsch"
            """,
        "content/posts/river/index.en.md": "---\ntitle: The river\ndate: 2024-05-01\n---\nThe ferryman crossed the river at dawn.\n",
        "content/posts/river/index.de.md": "---\ntitle: Der Fluss\ndate: 2024-05-01\n---\nDer Fährmann überquerte den Fluss im Morgengrauen.\n",
    ]

    static func makeSite() throws -> URL {
        let folder = try ChronicleProcess.temporaryFolder()
        try ChronicleProcess.write(site, into: folder)
        return folder
    }

    static func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> ChronicleProcess.Output {
        let raw = try ChronicleProcess.runRaw(arguments, environment: environment)
        return ChronicleProcess.Output(
            status: raw.status, stdout: String(decoding: raw.stdout, as: UTF8.self),
            stderr: String(decoding: raw.stderr, as: UTF8.self))
    }

    static func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Files and folders beside the output (a staging folder left behind would show here).
    static func siblings(of site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
    }

    @Test func indexesEachLanguageAndWritesASearchPagePerLanguage() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let public_ = site.appending(path: "public")

        let plain = try Self.run(["build", "--source", site.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: public_.appending(path: "search/index.html").path),
                "no search page without --search")
        #expect(!Self.read(public_.appending(path: "index.html")).contains("/search/"))

        let run = try Self.run(["build", "--source", site.path, "--search"])
        #expect(run.status == 0, "Pagefind must be installed for this test (make pydeps): \(run.stderr)")
        #expect(run.stderr.contains("in 2 language(s) (de, en) for search with Pagefind"), "\(run.stderr)")
        #expect(run.stderr.contains("-> \(public_.path)/pagefind/"))
        #expect(!run.stderr.contains(".building-"), "the staging folder is not named: \(run.stderr)")

        // One index per language, and Pagefind's UI files, inside the site.
        let entry = Self.read(public_.appending(path: "pagefind/pagefind-entry.json"))
        let languages = try #require(
            (try JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [String: Any])?["languages"] as? [String: Any])
        #expect(Set(languages.keys) == ["de", "en"])
        for file in ["pagefind-ui.js", "pagefind-ui.css", "pagefind.js"] {
            #expect(FileManager.default.fileExists(atPath: public_.appending(path: "pagefind/\(file)").path), "\(file)")
        }

        let english = Self.read(public_.appending(path: "search/index.html"))
        let german = Self.read(public_.appending(path: "de/search/index.html"))
        #expect(english.contains("<html lang=\"en\" "))
        #expect(german.contains("<html lang=\"de\" "))
        #expect(english.contains("<title>Search</title>"))
        #expect(german.contains("<title>Suche · Search</title>"))
        #expect(german.contains("data-placeholder=\"Beiträge durchsuchen\""))
        #expect(german.contains("<noscript><p class=\"search-noscript\">Die Suche braucht JavaScript"))
        for page in [english, german] {
            // The UI comes from the site itself, and the page is not in its own index.
            #expect(page.contains("<script src=\"/pagefind/pagefind-ui.js\"></script>"))
            #expect(page.contains("<link rel=\"stylesheet\" href=\"/pagefind/pagefind-ui.css\">"))
            #expect(page.contains("<body class=\"page-search\" data-pagefind-ignore=\"all\">"))
            #expect(!page.contains("src=\"http"), "no script from elsewhere")
        }
        // Not a post: in no sitemap and no feed.
        for file in ["en/sitemap.xml", "de/sitemap.xml", "index.xml", "de/index.xml"] {
            let text = Self.read(public_.appending(path: file))
            #expect(!text.isEmpty, "\(file)")
            #expect(!text.contains("/search/"), "\(file)")
        }
        #expect(try Self.siblings(of: site).filter { $0.hasPrefix(".public") }.isEmpty)
    }

    @Test func withoutPagefindItSaysHowToInstallItAndBuildsNothing() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try Self.run(["build", "--source", site.path])
        #expect(first.status == 0, "\(first.stderr)")

        // Neither PATH (so no pagefind and no python3) nor CHRONICLE_PAGEFIND finds it.
        let run = try Self.run(
            ["build", "--source", site.path, "--search"],
            environment: ["PATH": site.appending(path: "no-such-folder").path, "CHRONICLE_PAGEFIND": nil])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: --search needs Pagefind, which was not found"), "\(run.stderr)")
        #expect(run.stderr.contains("Install it with:  python3 -m pip install pagefind_bin"))
        #expect(run.stderr.contains("nothing was built; \(site.path)/public left unchanged"))
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public/search/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appending(path: "public/posts/river/index.html").path))

        let named = try Self.run(["build", "--source", site.path, "--search", "--pagefind", "/nonexistent/pagefind"])
        #expect(named.status == 1)
        #expect(named.stderr.contains("error: --pagefind /nonexistent/pagefind: no executable file there"), "\(named.stderr)")
        #expect(named.stderr.contains("python3 -m pip install pagefind_bin"))

        let fromEnvironment = try Self.run(
            ["build", "--source", site.path, "--search"], environment: ["CHRONICLE_PAGEFIND": "/nonexistent/pf"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("error: CHRONICLE_PAGEFIND /nonexistent/pf: no executable file there"))
    }

    @Test func aFailingIndexLeavesThePreviousOutputAsItWas() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try Self.run(["build", "--source", site.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = Self.read(site.appending(path: "public/posts/river/index.html"))

        // A Pagefind that writes half an index, then fails.
        let fake = site.appending(path: "fake-pagefind")
        try Data("""
            #!/bin/sh
            mkdir -p "$2/pagefind" && echo half > "$2/pagefind/pagefind-entry.json"
            echo "Error: the disk is on fire" >&2
            exit 3

            """.utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        try ChronicleProcess.write(["content/posts/river/index.en.md": "---\ntitle: The river\ndate: 2024-05-01\n---\nChanged.\n"], into: site)

        let run = try Self.run(["build", "--source", site.path, "--search", "--pagefind", fake.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: Pagefind (\(fake.path)) failed with exit code 3: Error: the disk is on fire"), "\(run.stderr)")
        #expect(run.stderr.contains("build failed: the site was not indexed; \(site.path)/public left unchanged"))
        #expect(Self.read(site.appending(path: "public/posts/river/index.html")) == before)
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public/pagefind").path))
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public/search/index.html").path))
        #expect(try Self.siblings(of: site).filter { $0.hasPrefix(".public") }.isEmpty)
    }

    @Test func explainsTheOptionsInHelp() throws {
        let run = try ChronicleProcess.run(["build", "--help"])
        #expect(run.stdout.contains("--search"))
        #expect(run.stdout.contains("--pagefind <path>"))
        #expect(run.stdout.contains("pip install pagefind_bin"))
    }
}
