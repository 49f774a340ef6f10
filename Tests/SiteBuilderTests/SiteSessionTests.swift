import Foundation
import Testing
@testable import SiteBuilder

/// The preview's incremental build (`SiteSession`) must serve exactly what `chronicle build`
/// writes: after the first build, and after edits, new files and deleted files, every path
/// holds the bytes a fresh build of the edited site holds.
@Suite struct SiteSessionTests {
    static let now = ISO8601DateFormatter().date(from: "2026-06-01T00:00:00Z")!

    static func options(_ source: URL) -> BuildOptions {
        var options = BuildOptions(source: source, output: source.appending(path: "public"))
        options.now = now
        return options
    }

    static func contents(_ snapshot: SiteSnapshot) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in snapshot.paths {
            switch snapshot.file(at: path) {
            case .data(let data)?: files[path] = data
            case .file(let url)?: files[path] = (try? Data(contentsOf: url)) ?? Data()
            case .problem(let problem)?: files[path] = Data(problem.formatted.utf8)
            case nil: break
            }
        }
        return files
    }

    static func snapshot(_ update: SiteSession.Update) throws -> SiteSnapshot {
        guard case .built(let snapshot) = update else {
            Issue.record("expected a snapshot, got \(update)")
            throw CancellationError()
        }
        return snapshot
    }

    /// Compares a snapshot with a fresh `generate()` of the same folder.
    static func expectSameAsBuild(_ snapshot: SiteSnapshot, _ source: URL, _ label: String) {
        let built = ThreadCountTests.contents(SiteGenerator(options: options(source)).generate())
        let served = contents(snapshot)
        #expect(built.count > 20, "\(label)")
        let missing = Set(built.keys).subtracting(served.keys).sorted()
        let extra = Set(served.keys).subtracting(built.keys).sorted()
        #expect(missing.isEmpty, "\(label): not served: \(missing.prefix(5))")
        #expect(extra.isEmpty, "\(label): served but not built: \(extra.prefix(5))")
        let differing = built.keys.filter { served[$0] != nil && built[$0] != served[$0] }.sorted()
        #expect(differing.isEmpty, "\(label): \(differing.count) files differ: \(differing.prefix(5))")
    }

    static func copySite(_ source: URL) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appending(path: "chronicle-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in ["config.toml", "content", "static", "layouts", "i18n", "themes"] {
            let from = source.appending(path: name)
            if FileManager.default.fileExists(atPath: from.path) {
                try FileManager.default.copyItem(at: from, to: copy.appending(path: name))
            }
        }
        return copy
    }

    @Test(arguments: ["example", "hugo-blog"])
    func firstBuildServesWhatBuildWrites(_ site: String) throws {
        let source = site == "example" ? RepoPaths.root : RepoPaths.hugoBlog
        let session = SiteSession(options: Self.options(source))
        let snapshot = try Self.snapshot(session.update())
        Self.expectSameAsBuild(snapshot, source, site)
        #expect(snapshot.wasFullBuild)
    }

    /// A site with a content folder per language: an edit in one folder reloads the file and
    /// its translation in the other folder, a new file in a folder is found, and each time the
    /// preview serves what a build writes.
    @Test func contentFoldersPerLanguageMatchAFreshBuild() throws {
        let site = try TestSite([
            "content/en/posts/a/index.md": "---\ntitle: A\ndate: 2026-01-01\ntags: [x]\n---\n![](cover.png)\n",
            "content/en/posts/a/cover.png": "png",
            "content/de/posts/a/index.md": "---\ntitle: A (de)\ndate: 2026-01-01\ntags: [x]\n---\n![](cover.png)\n",
            "content/en/posts/b.md": "---\ntitle: B\ndate: 2026-01-02\n---\nb\n",
        ], config: TestSite.defaultConfig
            .replacingOccurrences(of: "[languages.en]", with: "[languages.en]\ncontentDir = \"content/en\"")
            .replacingOccurrences(of: "[languages.de]", with: "[languages.de]\ncontentDir = \"content/de\""))
        defer { site.remove() }
        let session = SiteSession(options: Self.options(site.root))
        var snapshot = try Self.snapshot(session.update())
        Self.expectSameAsBuild(snapshot, site.root, "content folders")
        #expect(snapshot.paths.contains("de/posts/a/cover.png"), "the German bundle shares the English picture")

        let german = site.root.appending(path: "content/de/posts/a/index.md")
        try site.write("content/de/posts/a/index.md", "---\ntitle: A (neu)\ndate: 2026-01-03\ntags: [y]\n---\nNeu.\n")
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [german.path])))
        #expect(!snapshot.wasFullBuild)
        #expect(snapshot.reloadedFiles.sorted() == ["content/de/posts/a/index.md", "content/en/posts/a/index.md"])
        Self.expectSameAsBuild(snapshot, site.root, "after a German edit")

        try site.write("content/de/posts/b.md", "---\ntitle: B (de)\ndate: 2026-01-02\n---\nb\n")
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [site.root.appending(path: "content/de/posts/b.md").path])))
        #expect(snapshot.paths.contains("de/posts/b/index.html"))
        Self.expectSameAsBuild(snapshot, site.root, "after a new German file")
    }

    /// A `cascade` added to and then removed from an `_index.md`: the pages below it, which are
    /// not read again, follow each time.
    @Test func aCascadeEditReachesThePagesBelow() throws {
        let site = try TestSite([
            "content/posts/_index.md": "---\ntitle: Posts\n---\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\na\n",
            "content/posts/b.md": "---\ntitle: B\ndate: 2026-01-02\ntags: [own]\n---\nb\n",
        ])
        defer { site.remove() }
        let session = SiteSession(options: Self.options(site.root))
        var snapshot = try Self.snapshot(session.update())
        let index = site.root.appending(path: "content/posts/_index.md")
        try site.write("content/posts/_index.md", "---\ntitle: Posts\ncascade:\n  tags: [cascaded]\n---\n")
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [index.path])))
        #expect(snapshot.paths.contains("tags/cascaded/index.html"))
        Self.expectSameAsBuild(snapshot, site.root, "after adding a cascade")
        try site.write("content/posts/_index.md", "---\ntitle: Posts\n---\n")
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [index.path])))
        #expect(!snapshot.paths.contains("tags/cascaded/index.html"))
        Self.expectSameAsBuild(snapshot, site.root, "after removing the cascade")
    }

    @Test func editsNewAndDeletedFilesMatchAFreshBuild() throws {
        let site = try Self.copySite(RepoPaths.root)
        defer { try? FileManager.default.removeItem(at: site) }
        let session = SiteSession(options: Self.options(site))
        _ = try Self.snapshot(session.update())
        let posts = site.appending(path: "content/posts/2026")
        let first = "community-call-2026-03"
        let file = posts.appending(path: "\(first)/index.en.md")

        // An edit of the text and the description only: the page keeps its place in every list
        // (the link reuses the last site's indexes), but its summary in them changes.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "description: \"", with: "description: \"Changed: ")
        text = text.replacingOccurrences(of: "\n\n", with: "\n\nA new first paragraph, which the summary shows.\n\n")
        try Data(text.utf8).write(to: file)
        var snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [file.path])))
        Self.expectSameAsBuild(snapshot, site, "after an edit of the text")
        // The same in German, through its language switch and the German lists.
        #expect(snapshot.linkedInPlace)
        let german = posts.appending(path: "release-2026-04/index.de.md")
        let germanText = try String(contentsOf: german, encoding: .utf8) + "\nEin neuer Satz am Ende.\n"
        try Data(germanText.utf8).write(to: german)
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [german.path])))
        #expect(snapshot.linkedInPlace)
        Self.expectSameAsBuild(snapshot, site, "after an edit of the German text")

        // An edit of the body, title, date and tags: the page, every list and feed it is on.
        text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "title: \"", with: "title: \"Edited: ")
        text = text.replacingOccurrences(of: "tags:\n", with: "tags:\n  - Brand-new-tag\n")
        text = text.replacingOccurrences(of: "date: 2026-", with: "date: 2025-")
        text += "\nA sentence added at the end.\n"
        try Data(text.utf8).write(to: file)
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [file.path])))
        #expect(!snapshot.wasFullBuild)
        #expect(!snapshot.linkedInPlace, "a new title, date and tags move the page in its lists")
        #expect(snapshot.reloadedFiles.contains("content/posts/2026/\(first)/index.en.md"))
        #expect(snapshot.reloadedFiles.count <= 2, "only the post and its translation are read again")
        Self.expectSameAsBuild(snapshot, site, "after an edit")

        // A new post in a new folder, with a ref to the edited post from it.
        let newFile = site.appending(path: "content/posts/2026/zz-new/index.en.md")
        try FileManager.default.createDirectory(at: newFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\ntitle: \"New\"\ndate: 2026-05-30\ntags: [Fresh]\n---\n\nSee [the other]({{< ref \"posts/2026/\(first)\" >}}).\n".utf8).write(to: newFile)
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [newFile.deletingLastPathComponent().path])))
        Self.expectSameAsBuild(snapshot, site, "after a new post")

        // The edited post's slug changes: the ref in the new post follows it.
        text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "title: \"", with: "slug: \"moved-here\"\ntitle: \"")
        try Data(text.utf8).write(to: file)
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [file.path])))
        Self.expectSameAsBuild(snapshot, site, "after a slug change")

        // A deleted post.
        try FileManager.default.removeItem(at: file)
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [file.path])))
        Self.expectSameAsBuild(snapshot, site, "after a deletion")

        // The config: everything again.
        let config = site.appending(path: "config.toml")
        let configText = try String(contentsOf: config, encoding: .utf8)
        try Data(configText.replacingOccurrences(of: "title = \"", with: "title = \"Renamed ").utf8).write(to: config)
        snapshot = try Self.snapshot(session.update(SiteSession.Change(paths: [config.path])))
        #expect(snapshot.wasFullBuild)
        Self.expectSameAsBuild(snapshot, site, "after a config edit")

        // Nothing the build reads.
        #expect({ if case .unchanged = session.update(SiteSession.Change(paths: [site.path + "/public/x.html", site.path + "/notes.txt"])) { true } else { false } }())
    }
}
