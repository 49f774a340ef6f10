import Foundation
import SiteBuilder
import SiteCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Bad-input cases that cannot be fixture files: large, binary or byte-exact inputs, symbolic
/// links, folders and read errors, all made at run time. Each states its severity and its
/// exact diagnostics, and checks that the good page is still built.
@Suite struct GeneratedInputTests {
    /// The number of `@Test`s below that are bad-input cases with a severity (all but the
    /// 20,000-headings timing), counted by the suite check.
    static let caseCount = 25

    /// Builds `site`, compares the diagnostics and the outcome, and returns the result.
    @discardableResult
    static func expect(
        _ site: BadSite, _ severity: Severity, _ lines: [String],
        readFile: (@Sendable (String) throws -> Data)? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> BuildResult {
        let result = site.build(readFile: readFile)
        #expect(site.lines(result) == lines, sourceLocation: sourceLocation)
        result.expectOutcome(severity, sourceLocation: sourceLocation)
        return result
    }

    static func timed<T>(_ label: String, _ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = clock.now - start
        print("bad-input timing: \(label): \(elapsed)")
        return (value, elapsed)
    }

    // MARK: - Sizes

    @Test func emptyFileIsAPageWithoutTitleAndAWarning() throws {
        let site = try BadSite()
        defer { site.remove() }
        try site.write("content/posts/empty.md", Data())
        let result = Self.expect(site, .warning, [
            "content/posts/empty.md: warning: file is empty; the page has no title and no content [source.empty]",
        ])
        #expect(result.text("posts/empty/index.html") != nil)
    }

    /// 50 MB of ordinary Markdown (the same section again and again): more than a page may
    /// have (16 MB), so the file is refused at once, before it costs the build a gigabyte of
    /// memory; the rest of the site is built.
    @Test func fiftyMegabyteFileIsRefusedQuickly() throws {
        let section = """
            ## Section

            Some *text* with a [link](https://example.org/) and `code`. Ä ö ü ß and € too.

            - one
            - two

            {{< admonition tip >}}
            Inside.
            {{< /admonition >}}


            """
        let text = "---\ntitle: Huge\n---\n\n" + String(repeating: section, count: 50 * 1_048_576 / section.utf8.count + 1)
        #expect(text.utf8.count > 50 * 1_048_576)
        let site = try BadSite()
        defer { site.remove() }
        try site.write("content/posts/huge.md", text)
        let (result, elapsed) = Self.timed("50 MB file") { site.build() }
        #expect(site.lines(result) == [
            "content/posts/huge.md: error: file is 50.0 MB, more than the 16.0 MB a page may have; skipped [source.too-large]",
        ])
        result.expectOutcome(.error)
        #expect(result.text("posts/huge/index.html") == nil)
        #expect(elapsed < .seconds(30))
    }

    /// 20,000 equal headings in 3.5 MB of Markdown: built in bounded time, the ids made in
    /// linear time (`section`, `section-1`, … `section-19999`; this was quadratic).
    @Test func twentyThousandEqualHeadingsBuildInBoundedTime() throws {
        let section = String(repeating: "Words and *more* words, a [link](/good/) and `code`. ", count: 3) + "\n\n"
        let body = (0..<20_000).map { _ in "## Section\n\n" + section }.joined()
        let text = "---\ntitle: Large\n---\n\n" + body
        #expect(text.utf8.count > 3_000_000)
        let site = try BadSite()
        defer { site.remove() }
        try site.write("content/posts/large.md", text)
        let (result, elapsed) = Self.timed("20,000 headings, 3.5 MB") { site.build() }
        #expect(site.lines(result) == [])
        #expect(result.text(BadSite.goodOutput) != nil)
        let html = try #require(result.text("posts/large/index.html"))
        #expect(html.contains("<h2 id=\"section-19999\">Section</h2>"))
        #expect(elapsed < .seconds(60))
    }

    /// One line of 10 MB (a pasted blob): built, with a warning naming the line.
    @Test func tenMegabyteLineBuildsInBoundedTime() throws {
        let line = String(repeating: "abcdefghij ", count: 10 * 1_048_576 / 11 + 1)
        let site = try BadSite()
        defer { site.remove() }
        try site.write("content/posts/long.md", "---\ntitle: Long line\n---\n\nBefore.\n\(line)\nAfter.\n")
        let (result, elapsed) = Self.timed("10 MB line") { site.build() }
        #expect(site.lines(result) == [
            "content/posts/long.md:6:1: warning: line 6 is \(line.count) characters long; lines this long are hard to read and to edit [source.long-line]",
        ])
        result.expectOutcome(.warning)
        #expect(result.text("posts/long/index.html")?.contains("After.") == true)
        #expect(elapsed < .seconds(120))
    }

    // MARK: - Nesting

    @Test func tenThousandNestedListLevelsDoNotCrash() throws {
        let site = try BadSite()
        defer { site.remove() }
        let deep = String(repeating: "- ", count: 10_000) + "deepest"
        try site.write("content/posts/lists.md", "---\ntitle: Lists\n---\n\n\(deep)\n\n## After\n")
        let (result, elapsed) = Self.timed("10,000 nested lists") { site.build() }
        #expect(site.lines(result) == [
            "content/posts/lists.md: warning: Markdown nested 10000 levels deep; more than 100 levels is rarely meant [markdown.nesting]",
        ])
        result.expectOutcome(.warning)
        let html = try #require(result.text("posts/lists/index.html"))
        #expect(html.contains("deepest"))
        #expect(html.contains("<h2 id=\"after\">After</h2>"))
        #expect(elapsed < .seconds(60))
    }

    @Test func tenThousandNestedBlockQuotesDoNotCrash() throws {
        let site = try BadSite()
        defer { site.remove() }
        let deep = String(repeating: ">", count: 10_000) + " # Deep heading"
        try site.write("content/posts/quotes.md", "---\ntitle: Quotes\n---\n\n\(deep)\n")
        let (result, elapsed) = Self.timed("10,000 nested block quotes") { site.build() }
        #expect(site.lines(result) == [
            "content/posts/quotes.md: warning: Markdown nested 10000 levels deep; more than 100 levels is rarely meant [markdown.nesting]",
        ])
        result.expectOutcome(.warning)
        #expect(result.text("posts/quotes/index.html")?.contains("<h1 id=\"deep-heading\">Deep heading</h1>") == true)
        #expect(elapsed < .seconds(60))
    }

    /// Brackets and emphasis 10,000 deep stay inline text; cmark's inline parser copes.
    @Test func tenThousandNestedInlineDelimitersDoNotCrash() throws {
        let site = try BadSite()
        defer { site.remove() }
        let brackets = String(repeating: "[", count: 10_000) + "x" + String(repeating: "](/a)", count: 10_000)
        let stars = String(repeating: "*", count: 10_000) + "y" + String(repeating: "*", count: 10_000)
        try site.write("content/posts/inline.md", "---\ntitle: Inline\n---\n\n\(brackets)\n\n\(stars)\n\nOK.\n")
        let (result, elapsed) = Self.timed("10,000 nested inline delimiters") { site.build() }
        #expect(site.lines(result) == [
            "content/posts/inline.md: warning: Markdown nested 5000 levels deep; more than 100 levels is rarely meant [markdown.nesting]",
        ])
        result.expectOutcome(.warning)
        #expect(result.text("posts/inline/index.html")?.contains("OK.") == true)
        #expect(elapsed < .seconds(60))
    }

    /// Shortcodes nested 10,000 deep: the first 100 levels render, the rest stay text, one error.
    @Test func tenThousandNestedShortcodesAreCutAtAHundred() throws {
        let site = try BadSite()
        defer { site.remove() }
        let deep = String(repeating: "{{< admonition >}}\n", count: 10_000) + "core\n"
            + String(repeating: "{{< /admonition >}}\n", count: 10_000)
        try site.write("content/posts/boxes.md", "---\ntitle: Boxes\n---\n\n\(deep)")
        let (result, elapsed) = Self.timed("10,000 nested shortcodes") { site.build() }
        #expect(site.lines(result) == [
            "content/posts/boxes.md:105:1: error: shortcodes nested more than 100 deep; 'admonition' and what it encloses are left as text [shortcode.nesting]",
        ])
        result.expectOutcome(.error)
        let html = try #require(result.text("posts/boxes/index.html"))
        #expect(html.components(separatedBy: "<details class=\"admonition note\"").count - 1 == 100)
        #expect(elapsed < .seconds(60))
    }

    // MARK: - Bytes

    @Test func binaryFileNamedMarkdownIsSkippedWithAnError() throws {
        let site = try BadSite()
        defer { site.remove() }
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try site.write("content/posts/image.md", Data(bytes))
        let result = Self.expect(site, .error, [
            "content/posts/image.md: error: file is binary, not text (4104 bytes); skipped [source.binary]",
        ])
        #expect(result.text("posts/image/index.html") == nil)
    }

    @Test func randomBytesWithoutASignatureAreBinaryToo() throws {
        let site = try BadSite()
        defer { site.remove() }
        // A fixed pseudo-random sequence, so the case is the same on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<2000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        try site.write("content/posts/noise.md", Data(bytes))
        Self.expect(site, .error, [
            "content/posts/noise.md: error: file is binary, not text (2000 bytes); skipped [source.binary]",
        ])
    }

    @Test func nulBytesInTextAreReadAsReplacementCharacters() throws {
        let site = try BadSite()
        defer { site.remove() }
        var bytes = Array("---\ntitle: Nul\n---\n\nA line with a NUL here: ".utf8)
        bytes += [0, 0]
        bytes += Array(" and text after it, long enough to be a normal paragraph of prose.\n".utf8)
        try site.write("content/posts/nul.md", Data(bytes))
        let result = Self.expect(site, .warning, [
            "content/posts/nul.md:5:25: warning: NUL byte (and 1 more) in the text; read as U+FFFD [source.nul]",
        ])
        #expect(result.text("posts/nul/index.html")?.contains("here: \u{FFFD}\u{FFFD} and text") == true)
    }

    @Test func invalidUTF8BytesAreReadAsWindows1252AndTheRestStaysUTF8() throws {
        let site = try BadSite()
        defer { site.remove() }
        // UTF-8 text (ä, €) with one Latin-1 byte pasted in: only that byte is Windows-1252.
        var bytes = Array("---\ntitle: Grüße\n---\n\nSchön: ".utf8)
        bytes += [0xE4]  // 'ä' in Latin-1
        bytes += Array("rger, 5 €.\n".utf8)
        try site.write("content/posts/latin.md", Data(bytes))
        let result = Self.expect(site, .warning, [
            "content/posts/latin.md:5:8: warning: byte 0xE4 is not UTF-8; read as Windows-1252 [source.encoding]",
        ])
        let html = try #require(result.text("posts/latin/index.html"))
        #expect(html.contains("Schön: ärger, 5 €."))
        #expect(html.contains("Grüße"))
    }

    @Test func wholeFileInWindows1252IsDecoded() throws {
        let site = try BadSite()
        defer { site.remove() }
        let text = "---\ntitle: Übersicht\n---\n\n“Quotes” – and ß, € and é.\n"
        let bytes = try #require(text.data(using: .windowsCP1252))
        try site.write("content/posts/cp1252.md", bytes)
        let result = Self.expect(site, .warning, [
            "content/posts/cp1252.md:2:8: warning: byte 0xDC is not UTF-8 (and 6 more bytes); read as Windows-1252 [source.encoding]",
        ])
        let html = try #require(result.text("posts/cp1252/index.html"))
        #expect(html.contains("Übersicht"))
        #expect(html.contains("“Quotes” – and ß, € and é."))
    }

    @Test func byteOrderMarkIsIgnoredWithAWarning() throws {
        let site = try BadSite()
        defer { site.remove() }
        try site.write("content/posts/bom.md", Data([0xEF, 0xBB, 0xBF]) + Data("---\ntitle: BOM\n---\n\nText.\n".utf8))
        let result = Self.expect(site, .warning, [
            "content/posts/bom.md: warning: file starts with a byte order mark; ignored [source.bom]",
        ])
        // The front matter is still found behind the mark.
        #expect(result.text("posts/bom/index.html")?.contains("<title>BOM") == true)
    }

    @Test func mixedLineEndingsAreReadAsLF() throws {
        let site = try BadSite()
        defer { site.remove() }
        try site.write("content/posts/mixed.md", "---\r\ntitle: Mixed\n---\r\n\r\nOne\nTwo\r\n\r\n## Three\n")
        let result = Self.expect(site, .warning, [
            "content/posts/mixed.md: warning: file mixes CRLF and LF line endings; read as LF [source.line-endings]",
        ])
        let html = try #require(result.text("posts/mixed/index.html"))
        #expect(html.contains("<h2 id=\"three\">Three</h2>"))
        #expect(!html.contains("\r"))
    }

    @Test func configWithByteOrderMarkAndLatin1IsReadWithWarnings() throws {
        var config = Data([0xEF, 0xBB, 0xBF]) + Data(BadSite.config.utf8)
        config += Data("\n[params]\nauthor = \"J".utf8) + Data([0xF6]) + Data("rg\"\n".utf8)
        let site = try BadSite([:], config: nil)
        defer { site.remove() }
        try site.write("config.toml", config)
        let result = Self.expect(site, .warning, [
            "config.toml: warning: file starts with a byte order mark; ignored [source.bom]",
            "config.toml:9:12: warning: byte 0xF6 is not UTF-8; read as Windows-1252 [source.encoding]",
        ])
        #expect(result.config?.params["author"]?.stringValue == "Jörg")
    }

    // MARK: - Files that are not files

    @Test func symbolicLinkLoopIsAnError() throws {
        let site = try BadSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("content/posts"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url("content/posts/a.md").path, withDestinationPath: "b.md")
        try FileManager.default.createSymbolicLink(atPath: site.url("content/posts/b.md").path, withDestinationPath: "a.md")
        Self.expect(site, .error, [
            "content/posts/a.md: error: symbolic link to 'b.md' is a loop; skipped [content.symlink-loop]",
            "content/posts/b.md: error: symbolic link to 'a.md' is a loop; skipped [content.symlink-loop]",
        ])
    }

    @Test func folderLinkBackToItsParentIsReadOnce() throws {
        let site = try BadSite(["content/posts/one.md": "---\ntitle: One\n---\n\nOne.\n"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.url("content/posts/again").path, withDestinationPath: "..")
        let result = Self.expect(site, .error, [
            "content/posts/again: error: folder is a symbolic link loop; skipped [content.symlink-loop]",
        ])
        #expect(result.pages.filter { $0.file.relativePath.hasSuffix("one.md") }.count == 1)
    }

    @Test func symbolicLinkToAFileOutsideTheContentFolderIsNotFollowed() throws {
        let site = try BadSite()
        defer { site.remove() }
        try site.write("secret.md", "---\ntitle: Secret\n---\n\nPRIVATE\n")
        try FileManager.default.createDirectory(at: site.url("content/posts"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url("content/posts/leak.md").path, withDestinationPath: "../../secret.md")
        let result = Self.expect(site, .error, [
            "content/posts/leak.md: error: symbolic link to '../../secret.md' points outside the content folder; not followed [content.symlink-outside]",
        ])
        #expect(result.text("posts/leak/index.html") == nil)
        #expect(!result.files.contains { $0.path.contains("leak") })
    }

    @Test func symbolicLinkToAFolderOutsideTheContentFolderIsNotFollowed() throws {
        let site = try BadSite()
        defer { site.remove() }
        try site.write("elsewhere/post.md", "---\ntitle: Elsewhere\n---\n\nPRIVATE\n")
        try FileManager.default.createSymbolicLink(atPath: site.url("content/elsewhere").path, withDestinationPath: site.url("elsewhere").path)
        let result = Self.expect(site, .error, [
            "content/elsewhere: error: symbolic link to '$SITE/elsewhere' points outside the content folder; not followed [content.symlink-outside]",
        ])
        #expect(!result.pages.contains { $0.metadata.title == "Elsewhere" })
    }

    @Test func bundleResourceLinkedFromOutsideIsNotCopied() throws {
        let site = try BadSite(["content/posts/bundle/index.md": "---\ntitle: Bundle\n---\n\nText.\n"])
        defer { site.remove() }
        try site.write("private.key", "SECRET KEY\n")
        try FileManager.default.createSymbolicLink(
            atPath: site.url("content/posts/bundle/key.txt").path, withDestinationPath: "../../../private.key")
        let result = Self.expect(site, .error, [
            "content/posts/bundle/key.txt: error: symbolic link to '../../../private.key' points outside the content folder; not followed [content.symlink-outside]",
        ])
        #expect(result.text("posts/bundle/index.html") != nil)
        #expect(!result.files.contains { $0.path.hasSuffix("key.txt") })
    }

    @Test func symbolicLinkInsideTheContentFolderIsFollowed() throws {
        let site = try BadSite(["content/posts/real.md": "---\ntitle: Real\n---\n\nReal text.\n"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.url("content/linked.md").path, withDestinationPath: "posts/real.md")
        try FileManager.default.createSymbolicLink(atPath: site.url("content/gone.md").path, withDestinationPath: "posts/nothing.md")
        let result = Self.expect(site, .error, [
            "content/gone.md: error: symbolic link to 'posts/nothing.md' leads nowhere; skipped [content.symlink-broken]",
        ])
        #expect(result.text("linked/index.html")?.contains("Real text.") == true)
    }

    @Test func folderNamedLikeMarkdownIsReadAsAFolder() throws {
        let site = try BadSite(["content/posts/x.md/inner.md": "---\ntitle: Inner\n---\n\nInner.\n"])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("content/posts/empty.md"), withIntermediateDirectories: true)
        let result = Self.expect(site, .warning, [
            "content/posts/empty.md: warning: 'empty.md' is a folder, not a Markdown file; read as a folder [content.folder-named-md]",
            "content/posts/x.md: warning: 'x.md' is a folder, not a Markdown file; read as a folder [content.folder-named-md]",
        ])
        #expect(result.text("posts/x.md/inner/index.html") != nil)
    }

    @Test func namedPipeIsNotReadAndDoesNotHang() throws {
        let site = try BadSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("content/posts"), withIntermediateDirectories: true)
        #expect(mkfifo(site.url("content/posts/pipe.md").path, 0o644) == 0)
        Self.expect(site, .error, [
            "content/posts/pipe.md: error: not a regular file (a pipe, socket or device); skipped [content.unreadable]",
        ])
    }

    @Test func readErrorFromTheFileSystemIsAnErrorForThatFileOnly() throws {
        let site = try BadSite(["content/posts/unlucky.md": "---\ntitle: Unlucky\n---\n\nText.\n"])
        defer { site.remove() }
        let result = Self.expect(site, .error, [
            "content/posts/unlucky.md: error: cannot read file: Input/output error [source.unreadable]",
        ], readFile: { path in
            if path.hasSuffix("unlucky.md") { throw NSError(domain: NSPOSIXErrorDomain, code: Int(EIO)) }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        })
        #expect(result.text("posts/unlucky/index.html") == nil)
    }

    @Test func fileThatVanishesBeforeItIsReadIsAnError() throws {
        let site = try BadSite(["content/posts/gone.md": "---\ntitle: Gone\n---\n\nText.\n"])
        defer { site.remove() }
        let gone = site.url("content/posts/gone.md").path
        Self.expect(site, .error, [
            "content/posts/gone.md: error: cannot read file: No such file or directory [source.unreadable]",
        ], readFile: { path in
            if path == gone { try? FileManager.default.removeItem(atPath: path) }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        })
    }
}
