import Foundation
import Testing

@Suite struct CheckCommandTests {
    static let config = "baseURL = \"https://example.org/\"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n"

    @Test func reportsBrokenLinksAnchorsImagesAndUnusedResources() throws {
        let site = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try ChronicleProcess.write([
            "config.toml": Self.config,
            "content/posts/a/index.en.md": """
                ---
                title: A
                featuredImage: cover.png
                ---
                ## Intro

                [ok](../b/) [gone](../c/) [self](#intro) [nope](#nope) [de](/de/posts/b/) ![img](missing.png)
                """,
            "content/posts/b/index.en.md": "---\ntitle: B\n---\n## Part\nx\n",
            "content/posts/b/index.de.md": "---\ntitle: B\n---\n[zurück](/posts/b/#part) [falsch](/posts/b/#teil)\n",
            "content/posts/b/leftover.png": "png",
        ], into: site)
        let run = try ChronicleProcess.run(["check", "--source", site.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error:") || $0.contains(": warning:") }.map(String.init)
        #expect(lines == [
            "content/posts/a/index.en.md:3:1: error: featuredImage 'cover.png' does not exist in the page bundle or static/ [image.missing]",
            "content/posts/a/index.en.md:7:20: error: broken link: links to '/posts/c', which the site does not have [link.broken]",
            "content/posts/a/index.en.md:7:49: error: broken link: links to '#nope' on '/posts/a', which has no such anchor [link.broken]",
            "content/posts/a/index.en.md:7:82: error: broken link: links to '/posts/a/missing.png', which the site does not have [link.broken]",
            "content/posts/b/index.de.md:4:35: error: broken link: links to '#teil' on '/posts/b', which has no such anchor [link.broken]",
            "content/posts/b/leftover.png: warning: bundle resource is not used by any language's page [resource.unused]",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public").path), "check writes nothing")
    }

    @Test func printsJSONForTools() throws {
        let site = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try ChronicleProcess.write([
            "config.toml": Self.config,
            "content/posts/a.md": "---\ntitle: A\n---\n[gone](/nowhere/)\n",
        ], into: site)
        let run = try ChronicleProcess.run(["check", "--source", site.path, "--format", "json"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        let items = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(items.first?["code"] as? String == "link.broken")
        #expect(items.first?["path"] as? String == "content/posts/a.md")
        #expect(items.first?["line"] as? Int == 4)
    }

    @Test("JSON lists the config keys and front matter fields Chronicle does not act on, with what it does instead")
    func jsonListsUnsupportedKeys() throws {
        let site = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try ChronicleProcess.write([
            "config.toml": "baseURL = \"https://example.org/\"\nrelativeURLs = true\n[outputs]\nhome = [\"HTML\", \"JSON\"]\n",
            "content/posts/a.md": "---\ntitle: A\nlayout: wide\n---\nA\n",
            "content/posts/b.md": "---\ntitle: B\nlayout: wide\n---\nB\n",
        ], into: site)
        let run = try ChronicleProcess.run(["check", "--source", site.path, "--format", "json"])
        #expect(run.status == 0, "warnings only")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let items = try #require(json["unsupported"] as? [[String: Any]], "\(run.stdout)")
        #expect(items.map { "\($0["kind"] ?? "") \($0["key"] ?? "") \($0["path"] ?? ""):\($0["line"] ?? "") +\($0["moreFiles"] ?? "")" } == [
            "config relativeURLs config.toml:2 +0",
            "config outputs config.toml:3 +0",
            "frontmatter layout content/posts/a.md:3 +1",
        ])
        #expect(items.first?["instead"] as? String == "Chronicle writes root-relative links (/posts/…)")
        #expect(items.last?["instead"] as? String == "Chronicle renders every page with its theme's page template")
        let strict = try ChronicleProcess.run(["check", "--source", site.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("config.toml:3:1: warning: 'outputs' is not supported: "), "\(strict.stderr)")
    }

    @Test("JSON carries a diagnostic's notes: the page a clashing slug takes its URL from")
    func jsonCarriesNotes() throws {
        let site = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try ChronicleProcess.write([
            "config.toml": Self.config,
            "content/posts/a.md": "---\ntitle: A\nslug: b\n---\nText\n",
            "content/posts/b.md": "---\ntitle: B\n---\nText\n",
        ], into: site)
        let run = try ChronicleProcess.run(["check", "--source", site.path, "--format", "json"])
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let items = try #require(json["diagnostics"] as? [[String: Any]])
        let clash = try #require(items.first { $0["severity"] as? String == "error" }, "\(run.stdout)")
        #expect(clash["path"] as? String == "content/posts/a.md")
        #expect(clash["line"] as? Int == 3)
        let notes = try #require(clash["notes"] as? [[String: Any]], "\(run.stdout)")
        #expect(notes.count == 1)
        #expect(notes.first?["path"] as? String == "content/posts/b.md")
        let text = try ChronicleProcess.run(["check", "--source", site.path])
        #expect(text.stderr.contains("content/posts/b.md: note: "), "\(text.stderr)")
    }

    @Test func findsNothingBrokenInTheRealBlogExceptItsMissingTheme() throws {
        let blog = ChronicleProcess.repoRoot.deletingLastPathComponent().appending(path: "shared/corpus/hugo-blog")
        let run = try ChronicleProcess.run(["check", "--source", blog.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("checked 106 pages: 0 error(s)"))
    }
}
