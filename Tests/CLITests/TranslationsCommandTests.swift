import Foundation
import Testing

@Suite struct TranslationsCommandTests {
    static let blog = ChronicleProcess.repoRoot.deletingLastPathComponent().appending(path: "shared/corpus/hugo-blog")

    /// The blog's content files that have no file in the other language, found by listing the
    /// content folder: `index.de.md` without `index.en.md` beside it (and the other way).
    static func filesInOneLanguageOnly() throws -> Set<String> {
        let content = blog.appending(path: "content")
        let walker = try #require(FileManager.default.enumerator(atPath: content.path))
        var languagesByPage: [String: [String: String]] = [:]
        for case let path as String in walker where path.hasSuffix(".md") && !path.hasPrefix("_index") && !path.contains("/_index") {
            let name = String(path.dropLast(3))
            var page = name
            var language = "en"  // the blog's defaultContentLanguage
            if let dot = name.lastIndex(of: "."), ["en", "de"].contains(name[name.index(after: dot)...]) {
                page = String(name[..<dot])
                language = String(name[name.index(after: dot)...])
            }
            languagesByPage[page, default: [:]][language] = "content/" + path
        }
        return Set(languagesByPage.values.filter { $0.count == 1 }.flatMap(\.values))
    }

    @Test("on the real blog it names exactly the posts that exist in one language only")
    func namesThePostsInOneLanguageOnly() throws {
        let expected = try Self.filesInOneLanguageOnly()
        #expect(expected.count >= 2, "the corpus has posts in one language only")
        let run = try ChronicleProcess.run(["translations", "--source", "../shared/corpus/hugo-blog"], in: ChronicleProcess.repoRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.contains(": missing: no ") }, "\(lines)")
        #expect(Set(lines.map { String($0[..<$0.range(of: ": missing: ")!.lowerBound]) }) == expected)
        #expect(lines.count == expected.count)
        #expect(lines == lines.sorted(), "in path order")
        // A German-only post lacks the English page, and the other way.
        for line in lines {
            #expect(line.hasSuffix(line.contains(".de.md:") ? "no English page" : "no Deutsch page"), "\(line)")
        }
        #expect(run.stderr.hasSuffix("complete, \(expected.count) missing, 0 stale\n"), "\(run.stderr)")
    }

    @Test("--format json lists every group with its state; --strict exits 1 when anything is missing")
    func jsonAndStrict() throws {
        let expected = try Self.filesInOneLanguageOnly()
        let run = try ChronicleProcess.run(["translations", "--source", Self.blog.path, "--format", "json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(summary["missing"] == expected.count)
        #expect(summary["groups"] == groups.count)
        let missing = groups.filter { $0["state"] as? String == "missing" }
        let paths = missing.compactMap { ($0["pages"] as? [[String: Any]])?.first?["path"] as? String }
        #expect(Set(paths) == expected)
        #expect(missing.allSatisfy { ($0["url"] as? String)?.hasPrefix("/_translate/posts/") == true })

        let strict = try ChronicleProcess.run(["translations", "--source", Self.blog.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout == (try ChronicleProcess.run(["translations", "--source", Self.blog.path])).stdout)
    }

    @Test("a stale translation is one line with the dates and evidence, its differences indented under it")
    func staleLineWithDifferences() throws {
        let site = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try ChronicleProcess.write([
            "config.toml": "baseURL = \"https://example.org/\"\n[languages.en]\nweight = 1\nlanguageName = \"English\"\n"
                + "[languages.de]\nweight = 2\nlanguageName = \"Deutsch\"\n",
            "content/posts/a/index.en.md": """
                ---
                title: A
                lastmod: 2024-05-02
                ---
                ## Upgrade

                {{< admonition warning "Back up first" >}}
                Backup.
                {{< /admonition >}}

                Update to 25.0.3.
                """,
            "content/posts/a/index.de.md": """
                ---
                title: A
                lastmod: 2024-04-01
                ---
                ## Aktualisierung

                Auf 25.0.2 aktualisieren.
                """,
            "content/posts/b/index.en.md": "---\ntitle: B\n---\nx\n",
            "content/posts/b/index.de.md": "---\ntitle: B\n---\nx\n",
        ], into: site)
        let run = try ChronicleProcess.run(["translations", "--source", site.path, "--strict"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            content/posts/a/index.de.md: stale: English changed 2024-05-02 after Deutsch 2024-04-01 (lastmod)
                in “Upgrade”: admonition only in English: warning “Back up first”
                in “Upgrade”: version differs: English 25.0.3, Deutsch 25.0.2

            """)
        #expect(run.stderr == "2 groups: 1 complete, 0 missing, 1 stale\n")

        try FileManager.default.removeItem(at: site.appending(path: "content/posts/a"))
        let clean = try ChronicleProcess.run(["translations", "--source", site.path, "--strict"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "")
        #expect(clean.stderr == "1 group: 1 complete, 0 missing, 0 stale\n")
    }
}
