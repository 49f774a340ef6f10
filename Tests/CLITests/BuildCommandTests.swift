import Foundation
import Testing

@Suite struct BuildCommandTests {
    static let config = """
        baseURL = "https://example.org/"
        title = "CLI"
        [languages.en]
        weight = 1
        [languages.de]
        weight = 2
        """

    @Test func buildsTheRealHugoBlogFromAnyFolderWithExitZero() throws {
        let folder = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = ChronicleProcess.repoRoot.deletingLastPathComponent().appending(path: "shared/corpus/hugo-blog")
        let output = folder.appending(path: "out")
        let run = try ChronicleProcess.run(["build", "--source", shared.path, "--output", output.path], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains(": error:"))
        #expect(run.stderr.contains("built "))
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "de/posts/2023/mailcow-idp/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "posts/2023/mailcow-idp/images/sso_keycloak9.png").path))
    }

    @Test func reportsEveryErrorAsPathLineColumnAndKeepsThePreviousOutput() throws {
        let site = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try ChronicleProcess.write([
            "config.toml": Self.config,
            "content/posts/good.md": "---\ntitle: Good\n---\nHello\n",
        ], into: site)
        let first = try ChronicleProcess.run(["build", "--source", site.path])
        #expect(first.status == 0, "\(first.stderr)")
        let goodPage = site.appending(path: "public/posts/good/index.html")
        #expect(FileManager.default.fileExists(atPath: goodPage.path))

        try ChronicleProcess.write([
            "content/posts/bad.md": "---\ntitle: Bad\ndate: not a date\n---\n\n{{< admonition warning >}}\nnever closed\n",
            "content/posts/broken.md": "---\ntitle: [unclosed\n---\nx\n",
        ], into: site)
        let second = try ChronicleProcess.run(["build", "--source", site.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("content/posts/bad.md:3:7: error:"))
        #expect(second.stderr.contains("[frontmatter.date]"))
        #expect(second.stderr.contains("content/posts/bad.md:6:1: error: unclosed shortcode 'admonition' [shortcode.unclosed]"))
        #expect(second.stderr.contains("content/posts/broken.md:2:8: error: front matter is not valid YAML"))
        #expect(second.stderr.contains("[frontmatter.syntax]"))
        #expect(second.stderr.contains("left unchanged"))
        // The last good output is still there, and nothing of the failed build.
        #expect(FileManager.default.fileExists(atPath: goodPage.path))
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "public/posts/bad/index.html").path))
    }

    @Test func explainsItselfInHelp() throws {
        let run = try ChronicleProcess.run(["build", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--drafts"))
        #expect(run.stdout.contains("path:line:column"))
    }

    @Test func rejectsAMissingSourceFolderClearly() throws {
        let run = try ChronicleProcess.run(["build", "--source", "/nonexistent/site"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("source folder '/nonexistent/site' does not exist"))
    }
}
