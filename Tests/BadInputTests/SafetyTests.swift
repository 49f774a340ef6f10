import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteBuilder
import SiteCore
import Testing

/// What a build must never do, whatever the content says: write outside the output folder,
/// let markup from front matter into a page or feed, or pass raw HTML without `unsafe`.
@Suite struct SafetyTests {
    // MARK: - Nothing outside the output folder

    /// Every way a page can name a path: `url`, `slug`, `aliases`, taxonomy terms, each trying
    /// `..`, `%2e%2e`, backslashes, absolute URLs and `//host`. The files are then written
    /// with `OutputWriter` (as `chronicle build` would without the errors) into an output
    /// folder three levels down, so that a climb out would land inside the test's folder.
    @Test func nothingIsWrittenOutsideTheOutputFolder() throws {
        let attempts: [(String, String)] = [
            ("url", "../../../../escaped-url/"), ("url", "/../../escaped-url2/"),
            ("url", "%2e%2e/%2e%2e/%2e%2e/escaped-pct/"), ("url", "..%2f..%2f..%2fescaped-pct2/"),
            ("url", "/a/../../../../escaped-mid/"), ("url", "https://evil.example/escaped-abs/"),
            ("url", "//evil.example/escaped-host/"), ("url", "file:///tmp/escaped-file/"),
            ("url", "'..\\..\\..\\escaped-bs'"), ("url", "/%2E%2E/%2E%2E/escaped-upper/x.html"),
            ("slug", "../../../escaped-slug"), ("slug", "%2e%2e/%2e%2e/escaped-slug-pct"), ("slug", ".."),
            ("slug", "https://evil.example/escaped-slug-abs"),
            ("aliases", "[\"../../../../escaped-alias/\", \"/%2e%2e/%2e%2e/escaped-alias-pct/\"]"),
            ("aliases", "[\"https://evil.example/escaped-alias-abs/\", \"..\\\\..\\\\escaped-alias-bs\"]"),
            ("aliases", "[\"//evil.example/escaped-alias-host/\", \"/ok/../../../escaped-alias-mid/\"]"),
            ("tags", "[\"../../../escaped-tag\", \"%2e%2e/%2e%2e/escaped-tag-pct\"]"),
            ("categories", "[\"..\", \"../escaped-cat\", \"a//escaped-cat2\"]"),
        ]
        var files: [String: String] = [:]
        for (index, (key, value)) in attempts.enumerated() {
            files["content/posts/p\(index).md"] = "---\ntitle: Attempt \(index)\n\(key): \(value)\n---\n\nBody \(index).\n"
        }
        let site = try BadSite(files)
        defer { site.remove() }
        let result = site.build()
        #expect(result.hasErrors)
        #expect(result.diagnostics.filter { $0.code == "url.outside" }.count >= attempts.count)
        for file in result.files {
            #expect(OutputWriter.isSafe(file.path), "\(file.path)")
            #expect(!file.path.contains("escaped"), "\(file.path)")
        }
        let output = site.url("a/b/c/public")
        try OutputWriter(output: output).write(result.files)
        #expect(FileManager.default.fileExists(atPath: output.appending(path: "good/index.html").path))

        // Every file under the test folder is either a source file or inside the output.
        let root = site.root.resolvingSymlinksInPath().path
        let walker = try #require(FileManager.default.enumerator(atPath: root))
        var outside: [String] = []
        while let relative = walker.nextObject() as? String {
            let isSource = relative == "config.toml" || relative.hasPrefix("content")
            let isOutput = relative.hasPrefix("a/b/c/public/") || ["a", "a/b", "a/b/c", "a/b/c/public"].contains(relative)
            if !isSource && !isOutput { outside.append(relative) }
        }
        #expect(outside == [])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped-file"))
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appending(path: "escaped-url").path))
    }

    @Test func writerRefusesPathsThatLeaveTheOutputAndKeepsThePreviousOutput() throws {
        let site = try BadSite()
        defer { site.remove() }
        let writer = OutputWriter(output: site.output)
        try writer.write([OutputFile(path: "index.html", text: "first")])
        for bad in ["../escaped.html", "a/../../escaped.html", "/etc/escaped", "a//b.html", "./x.html", "a/\0/b", ""] {
            #expect(throws: OutputWriter.WriteError.self) {
                try writer.write([OutputFile(path: "index.html", text: "second"), OutputFile(path: bad, text: "x")])
            }
        }
        #expect(try String(contentsOf: site.output.appending(path: "index.html"), encoding: .utf8) == "first")
        #expect(!FileManager.default.fileExists(atPath: site.url("escaped.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.") }
        #expect(leftovers == [])
    }

    /// Folders that killed builds left beside the output go with the next successful write;
    /// those of a build still running stay.
    @Test func nextWriteRemovesStagingFoldersOfKilledBuilds() throws {
        let site = try BadSite()
        defer { site.remove() }
        let dead = site.url(".public.building-2147483000-12345")
        let deadOld = site.url(".public.old-2147483001-7")
        let running = site.url(".public.building-\(ProcessInfo.processInfo.processIdentifier)-99")
        for folder in [dead, deadOld, running] {
            try FileManager.default.createDirectory(at: folder.appending(path: "posts"), withIntermediateDirectories: true)
        }
        try OutputWriter(output: site.output).write([OutputFile(path: "index.html", text: "new")])
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(!FileManager.default.fileExists(atPath: deadOld.path))
        #expect(FileManager.default.fileExists(atPath: running.path))
    }

    // MARK: - Escaping

    static let markers = ["<script>t()", "<script>tag()", "<script>cat()", "<script>p()", "<script>a()", "<script>d()", "<script>s()", "<script>site()"]

    /// `<script>` in every text field a page has, and in the site's params: no page, feed or
    /// sitemap contains it as markup, and every XML file still parses.
    @Test func scriptInTitlesTagsAndParamsIsEscapedInHTMLAndXML() throws {
        let page = """
            ---
            title: "<script>t()</script> & <b>bold</b>"
            tags: ["<script>tag()</script>", "plain"]
            categories: ["<script>cat()</script>"]
            author: "<script>a()</script>"
            description: "<script>d()</script>"
            summary: "<script>s()</script>"
            note: "<script>p()</script>"
            date: 2024-01-17T11:19:02+02:00
            ---

            Body text.
            """
        let layout = """
            <!DOCTYPE html><html><head><title>{{title}}</title></head><body>
            <p class="note">{{params.note}}</p><p class="site">{{site.params.motto}}</p>
            {{#tags}}<a href="{{url}}">{{name}}</a>{{/tags}}{{{content}}}</body></html>
            """
        let config = BadSite.config.replacingOccurrences(
            of: "title = \"Bad input\"", with: "title = \"Bad input\"\n[params]\nmotto = \"<script>site()</script>\"")
        for custom in [false, true] {
            var files = ["content/posts/xss.md": page]
            if custom { files["layouts/single.mustache"] = layout }
            let site = try BadSite(files, config: config)
            defer { site.remove() }
            let result = site.build()
            #expect(!result.hasErrors, "\(site.lines(result))")
            let html = try #require(result.text("posts/xss/index.html"))
            #expect(html.contains("&lt;script&gt;t()&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"))
            if custom {
                #expect(html.contains("<p class=\"note\">&lt;script&gt;p()&lt;/script&gt;</p>"))
                #expect(html.contains("<p class=\"site\">&lt;script&gt;site()&lt;/script&gt;</p>"))
                #expect(html.contains("&lt;script&gt;tag()&lt;/script&gt;</a>"))
            }
            var xmlCount = 0
            for file in result.files {
                guard let text = result.text(file.path) else { continue }
                for marker in Self.markers {
                    #expect(!text.contains(marker), "\(marker) in \(file.path)")
                }
                if file.path.hasSuffix(".xml") {
                    xmlCount += 1
                    let parser = XMLParser(data: Data(text.utf8))
                    #expect(parser.parse(), "\(file.path) is well-formed XML")
                }
            }
            #expect(xmlCount >= 4)
            let feed = try #require(result.text("index.xml"))
            #expect(feed.contains("<title>&lt;script&gt;t()&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</title>"))
            #expect(feed.contains("<category>&lt;script&gt;tag()&lt;/script&gt;</category>"))
            let sitemap = try #require(result.text("en/sitemap.xml"))
            #expect(!sitemap.contains("<script"))
        }
    }

    // MARK: - Links that run script

    /// `javascript:`, `vbscript:` and `data:` URLs in every field that becomes a link or an
    /// image source (front matter in YAML, TOML and JSON, config menus), written as browsers
    /// still read them (any case, leading spaces and control characters, tabs and line breaks
    /// inside the scheme): each is an error, and no output file holds one, with the default
    /// theme or a layout that prints the fields from `params`. Safe links in the same fields
    /// are written, so the check sees the fields reach the output.
    @Test func scriptURLsInLinkFieldsNeverReachTheOutput() throws {
        let bad = [
            "javascript:alert(1)", "  JaVaScRiPt:alert(2)", "\\u0001javascript:alert(3)", "java\\tscript:alert(4)",
            "java\\nscript://%0aalert(5)", "vbscript:msgbox(6)", "DATA:text/html;base64,PHNjcmlwdD4=",
        ]
        var files: [String: String] = [:]
        for (index, link) in bad.enumerated() {
            files["content/posts/y\(index).md"] = """
                ---
                title: YAML \(index)
                author: Author \(index)
                authorLink: "\(link)"
                featuredImage: "\(link)"
                featuredImagePreview: "\(link)"
                images: ["/ok-\(index).png", "\(link)"]
                link: "\(link)"
                ---

                Body.
                """
            files["content/posts/t\(index).md"] = """
                +++
                title = "TOML \(index)"
                author = "Author"
                authorLink = "\(link)"
                featuredImage = "\(link)"
                +++

                Body.
                """
            files["content/posts/j\(index).md"] = """
                {"title": "JSON \(index)", "author": "Author", "authorLink": "\(link)", "featuredImage": "\(link)"}

                Body.
                """
        }
        // In the figure shortcode's src, link and attrlink (a real tab inside one scheme).
        let figureLinks = [bad[0], bad[1], bad[5], bad[6], "java\tscript:alert(7)"]
        files["content/posts/figures.md"] = "---\ntitle: Figures\n---\n\n" + figureLinks.map { link in
            "{{< figure src=\"/ok.png\" link=\"\(link)\" attr=\"Someone\" attrlink=\"\(link)\" >}}\n\n{{< figure src=\"\(link)\" >}}\n"
        }.joined(separator: "\n") + "\n{{< figure src=\"/fine.png\" link=\"https://fine.example/\" >}}\n"
        files["content/posts/safe.md"] = """
            ---
            title: Safe
            author: Alice
            authorLink: https://alice.example/
            featuredImage: /safe-cover.png
            link: https://safe-link.example/
            images: [/safe-image.png]
            ---

            Body.
            """
        let menus = bad.enumerated().map { index, link in
            "[[menu.main]]\nname = \"Bad \(index)\"\nurl = \"\(link)\"\nweight = \(index + 2)\n"
        }.joined()
        let config = BadSite.config + "\n[[menu.main]]\nname = \"Safe menu\"\nurl = \"https://safe-menu.example/\"\nweight = 1\n" + menus
        let layout = """
            <!DOCTYPE html><html><body>{{#site.menu}}<a href="{{url}}">{{name}}</a>{{/site.menu}}
            <a href="{{authorLink}}">{{author}}</a><img src="{{featuredImage}}"><img src="{{params.featuredImagePreview}}">
            <a href="{{params.link}}">l</a>{{#params.images}}<img src="{{.}}">{{/params.images}}{{{content}}}</body></html>
            """
        for custom in [false, true] {
            if custom { files["layouts/single.mustache"] = layout }
            let site = try BadSite(files, config: config)
            defer { site.remove() }
            let result = site.build()
            let unsafe = result.diagnostics.filter { $0.code == "url.unsafe" }
            // Per bad link: 5 in YAML, 2 in TOML, 2 in JSON, 1 menu entry; 3 per figure link.
            #expect(unsafe.count == bad.count * 10 + figureLinks.count * 3, "\(site.lines(result))")
            #expect(unsafe.allSatisfy { $0.location.line != nil }, "\(site.lines(result))")
            #expect(result.text("posts/y0/index.html")?.contains("Author 0") == true)
            let safe = try #require(result.text("posts/safe/index.html"))
            #expect(safe.contains("href=\"https://alice.example/\""))
            #expect(safe.contains("src=\"/safe-cover.png\""))
            #expect(safe.contains("href=\"https://safe-menu.example/\""))
            let figures = try #require(result.text("posts/figures/index.html"))
            #expect(figures.contains("<a href=\"https://fine.example/\"><img src=\"/fine.png\""))
            #expect(figures.components(separatedBy: "<img src=\"/ok.png\"").count == figureLinks.count + 1)
            #expect(figures.components(separatedBy: "<figure").count == figureLinks.count + 2)
            if custom {
                #expect(safe.contains("href=\"https://safe-link.example/\""))
                #expect(safe.contains("src=\"/safe-image.png\""))
                #expect(result.text("posts/y0/index.html")?.contains("src=\"/ok-0.png\"") == true)
            }
            for file in result.files {
                guard let text = result.text(file.path) else { continue }
                let folded = String(text.lowercased().unicodeScalars.filter { $0.value > 0x20 }.map(Character.init))
                for scheme in ["javascript:", "vbscript:", "data:text"] {
                    #expect(!folded.contains(scheme), "\(scheme) in \(file.path)")
                }
            }
        }
    }

    @Test(arguments: [
        ("javascript:x", "javascript"), ("JAVASCRIPT:x", "javascript"), (" \u{0}\u{1F}javascript:x", "javascript"),
        ("java\tscr\nipt\r:x", "javascript"), ("vbscript:x", "vbscript"), ("data:,x", "data"), ("Data:image/png,", "data"),
    ])
    func unsafeSchemesAreFoundAsBrowsersReadThem(_ link: String, _ scheme: String) {
        #expect(URLPaths.unsafeScheme(link) == scheme)
    }

    @Test(arguments: [
        "https://example.org/javascript:x", "/javascript:x", "mailto:a@example.org", "javascript", "xjavascript:x",
        "java script:x", "\u{A0}javascript:x", "./data:x", "posts/data:x", "",
    ])
    func otherLinksAreNotUnsafeSchemes(_ link: String) {
        #expect(URLPaths.unsafeScheme(link) == nil)
    }

    // MARK: - Raw HTML

    @Test func rawHTMLPassesOnlyWithUnsafe() throws {
        let body = "---\ntitle: Raw\n---\n\nText <span onclick=\"x()\">inline</span>.\n\n<script>raw()</script>\n\n<div>block</div>\n"
        let safe = try BadSite(["content/posts/raw.md": body])
        defer { safe.remove() }
        let safeResult = safe.build()
        let safeHTML = try #require(safeResult.text("posts/raw/index.html"))
        #expect(!safeHTML.contains("<script>raw()"))
        #expect(!safeHTML.contains("onclick"))
        #expect(!safeHTML.contains("<div>block</div>"))
        #expect(safeHTML.contains("<!-- raw HTML omitted -->"))
        let safeFeed = try #require(safeResult.text("index.xml"))
        #expect(!safeFeed.contains("raw()"))

        let config = BadSite.config + "\n[markup.goldmark.renderer]\nunsafe = true\n"
        let unsafe = try BadSite(["content/posts/raw.md": body], config: config)
        defer { unsafe.remove() }
        let unsafeHTML = try #require(unsafe.build().text("posts/raw/index.html"))
        #expect(unsafeHTML.contains("<script>raw()</script>"))
        #expect(unsafeHTML.contains("<span onclick=\"x()\">inline</span>"))
        #expect(unsafeHTML.contains("<div>block</div>"))
    }
}
