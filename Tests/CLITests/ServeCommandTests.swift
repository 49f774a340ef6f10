import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `chronicle serve` as a writer uses it: a running server on a free port, pages, a feed and
/// the 404 page read over HTTP, the reload events a browser page listens to, edits, a broken
/// and a fixed front matter, a save by rename, and a stop by SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    static let post = """
        ---
        title: "Release 1.0"
        date: 2024-05-01T10:00:00+02:00
        tags: [release]
        ---

        The first words of the release.

        ## Details

        Version 1.0.0 is out.
        """

    static let site: [String: String] = [
        "config.toml": """
            baseURL = "https://example.org/"
            title = "Serve test"
            defaultContentLanguage = "en"
            [languages.en]
              languageName = "English"
              weight = 1
            [languages.de]
              languageName = "Deutsch"
              weight = 2
            """,
        "content/posts/2024/release/index.en.md": post,
        "content/posts/2024/release/index.de.md": post.replacingOccurrences(of: "The first words", with: "Die ersten Worte"),
        "content/posts/2024/secret/index.en.md": "---\ntitle: \"Not yet\"\ndate: 2024-06-01\ndraft: true\n---\n\nSecret draft text.\n",
    ]

    /// A running `chronicle serve`, stopped by `stop()`.
    final class Server {
        let process: Process
        let port: UInt16
        let stderr: ChronicleProcess.PipeReader

        init(source: URL, arguments: [String] = []) throws {
            let (process, out, err) = try ChronicleProcess.start(["serve", "--source", source.path, "--port", "0"] + arguments)
            self.process = process
            stderr = ChronicleProcess.PipeReader(err.fileHandleForReading)
            // The first line on standard output says where it serves.
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("serving http://127.0.0.1:"),
                  let port = text.dropFirst("serving http://127.0.0.1:".count).split(separator: "/").first.flatMap({ UInt16($0) })
            else {
                process.terminate()
                throw POSIXError(.EPROTO)
            }
            self.port = port
        }

        /// Sends SIGTERM; the exit status and how long the server took to end.
        func stop() -> (status: Int32, seconds: Double, stderr: String) {
            let start = Date()
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            let seconds = Date().timeIntervalSince(start)
            return (process.terminationStatus, seconds, String(decoding: stderr.wait(), as: UTF8.self))
        }
    }

    static func makeSite() throws -> URL {
        let root = try ChronicleProcess.temporaryFolder()
        try ChronicleProcess.write(site, into: root)
        return root
    }

    @Test func servesEditsFailsRecoversAndStops() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Server(source: root)
        var stopped: (status: Int32, seconds: Double, stderr: String)?
        defer { if stopped == nil { _ = server.stop() } }
        let port = server.port

        // A page, with the reload script and the headers a preview needs.
        let page = try RawHTTP.get("/posts/2024/release/", port: port)
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-cache")
        #expect(page.text.contains("The first words of the release."))
        #expect(page.text.contains("<script src=\"/_chronicle/reload.js\" defer></script></body>"))
        let etag = try #require(page.headers["etag"])
        let again = try RawHTTP.get("/posts/2024/release/", port: port, headers: ["If-None-Match": etag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        let german = try RawHTTP.get("/de/posts/2024/release/", port: port)
        #expect(german.text.contains("Die ersten Worte"))

        // A feed, and the site's 404 page for a path that is not there.
        let feed = try RawHTTP.get("/index.xml", port: port)
        #expect(feed.status == 200)
        #expect(feed.headers["content-type"] == "application/rss+xml; charset=utf-8")
        #expect(feed.text.contains("<title>Release 1.0</title>"))
        let missing = try RawHTTP.get("/no/such/page/", port: port)
        #expect(missing.status == 404)
        #expect(missing.text.contains("404"))
        #expect(missing.text.contains("<html"))
        // A folder without its slash is redirected; the script itself is served.
        let folder = try RawHTTP.get("/posts/2024/release", port: port)
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/posts/2024/release/")
        let script = try RawHTTP.get("/_chronicle/reload.js", port: port)
        #expect(script.status == 200)
        #expect(script.text.contains("EventSource(\"/_chronicle/events\")"))

        let events = try EventListener(port: port)
        #expect(events.wait(for: "hello", after: 0) != nil)

        // An edit: the reload event, then the new text.
        let file = root.appending(path: "content/posts/2024/release/index.en.md")
        var seen = events.count
        try Data(Self.post.replacingOccurrences(of: "The first words", with: "The edited words").utf8).write(to: file)
        let reload = try #require(events.wait(for: "reload", after: seen))
        #expect(reload.data.contains("content/posts/2024/release/index.en.md"))
        #expect(try RawHTTP.get("/posts/2024/release/", port: port).text.contains("The edited words of the release."))

        // Broken front matter: an error event with the diagnostic; the last good page stays.
        seen = events.count
        try Data(Self.post.replacingOccurrences(of: "date: 2024-05-01T10:00:00+02:00", with: "date: [oops").utf8).write(to: file)
        let failure = try #require(events.wait(for: "error", after: seen))
        #expect(failure.data.contains("content/posts/2024/release/index.en.md"))
        #expect(failure.data.contains("\"severity\":\"error\""))
        // The YAML parser notices the open '[' on the next line; the overlay shows that line.
        #expect(failure.data.contains("\"line\":4"))
        #expect(failure.data.contains("\"sourceLine\":\"tags: [release]\""))
        #expect(failure.data.contains("\"stale\":true"))
        let stale = try RawHTTP.get("/posts/2024/release/", port: port)
        #expect(stale.status == 200)
        #expect(stale.text.contains("The edited words of the release."))
        // A page opened now learns of the failure as soon as it connects.
        let late = try EventListener(port: port)
        #expect(late.wait(for: "error", after: 0) != nil)

        // Fixed: a reload, and the overlay's state is gone for new pages.
        seen = events.count
        try Data(Self.post.replacingOccurrences(of: "The first words", with: "The fixed words").utf8).write(to: file)
        #expect(events.wait(for: "reload", after: seen) != nil)
        #expect(try RawHTTP.get("/posts/2024/release/", port: port).text.contains("The fixed words of the release."))
        let fresh = try EventListener(port: port)
        #expect(fresh.wait(for: "hello", after: 0) != nil)
        usleep(200_000)
        #expect(fresh.wait(for: "error", after: 0, timeout: 0.1) == nil)

        // Saved the way editors save: a scratch file written, then renamed onto the post.
        seen = events.count
        let scratch = root.appending(path: "content/posts/2024/release/.index.en.md.swp")
        try Data(Self.post.replacingOccurrences(of: "The first words", with: "The renamed words").utf8).write(to: scratch)
        #expect(rename(scratch.path, file.path) == 0)
        #expect(events.wait(for: "reload", after: seen) != nil)
        #expect(try RawHTTP.get("/posts/2024/release/", port: port).text.contains("The renamed words of the release."))

        // A new post in a new folder is found and served.
        seen = events.count
        try ChronicleProcess.write(["content/posts/2024/new-one/index.en.md": "---\ntitle: \"Brand new\"\ndate: 2024-07-01\n---\n\nNew text.\n"], into: root)
        #expect(events.wait(for: "reload", after: seen) != nil)
        #expect(try RawHTTP.get("/posts/2024/new-one/", port: port).text.contains("New text."))
        #expect(try RawHTTP.get("/", port: port).text.contains("Brand new"))

        let result = server.stop()
        stopped = result
        #expect(result.status == 0)
        #expect(result.seconds < 1)
        #expect(result.stderr.contains("rebuilt in"))
        #expect(result.stderr.contains("build failed: 1 error(s)"))
    }

    /// Requests that try to leave the built site or read drafts, and a foreign Host (DNS
    /// rebinding) get 400, 403 or 404, never a file.
    @Test func refusesPathsOutsideTheSiteAndForeignHosts() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try ChronicleProcess.write(["static/ok.txt": "static file\n"], into: root)
        let server = try Server(source: root)
        defer { _ = server.stop() }
        let port = server.port
        #expect(try RawHTTP.get("/ok.txt", port: port).text == "static file\n")

        let attempts = [
            "/../config.toml", "/../../../../etc/passwd", "/%2e%2e/config.toml", "/%2E%2E/%2e%2e/etc/passwd",
            "/posts/%2e%2e/%2e%2e/config.toml", "/ok.txt%00.html", "/%00", "/..%5cconfig.toml", "/posts\\..\\config.toml",
            "//etc/passwd", "/etc/passwd", "/content/posts/2024/secret/index.en.md", "/config.toml",
            "http://evil.example/ok.txt", "/" + String(repeating: "a", count: 5_000), "/posts/2024/secret/",
            "/%zz", "/%c0%ae%c0%ae/config.toml",
        ]
        for target in attempts {
            let response = try RawHTTP.get(target, port: port)
            #expect([400, 403, 404].contains(response.status), "\(target.prefix(60)): \(response.status)")
            #expect(!response.text.contains("baseURL"), "\(target.prefix(60)) leaked the config")
            #expect(!response.text.contains("root:"), "\(target.prefix(60)) leaked /etc/passwd")
            #expect(!response.text.contains("Secret draft text"), "\(target.prefix(60)) leaked a draft")
        }
        for host in ["evil.example", "evil.example:\(port)", "localhost.evil.example", ""] {
            let response = try RawHTTP.get("/ok.txt", port: port, host: host)
            #expect([400, 403].contains(response.status), "Host '\(host)': \(response.status)")
            #expect(!response.text.contains("static file"))
        }
        for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"] {
            #expect(try RawHTTP.get("/ok.txt", port: port, host: host).status == 200, "Host '\(host)'")
        }
        #expect(try RawHTTP.get("/ok.txt", port: port, method: "POST").status == 405)
    }

    @Test func aPortInUseIsAClearErrorAtOnce() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Server(source: root)
        defer { _ = server.stop() }
        let start = Date()
        let second = try ChronicleProcess.run(["serve", "--source", root.path, "--port", String(server.port)])
        #expect(second.status == 1)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(server.port): the address is already in use"))
        #expect(Date().timeIntervalSince(start) < 5)
        let badAddress = try ChronicleProcess.run(["serve", "--source", root.path, "--bind", "999.1.1.1"])
        #expect(badAddress.status == 1)
        #expect(badAddress.stderr.contains("'999.1.1.1' is not an IPv4 address"))
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let root = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try Server(source: root, arguments: ["--drafts"])
        defer { _ = server.stop() }
        #expect(try RawHTTP.get("/posts/2024/secret/", port: server.port).text.contains("Secret draft text."))
    }
}
