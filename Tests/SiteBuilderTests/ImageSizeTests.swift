import Foundation
import Testing
@testable import SiteBuilder

/// Images on built pages get the size of their file (a bundle resource, or under `static/`),
/// so the page keeps its layout while they load; feeds and remote images stay as written.
@Suite struct ImageSizeTests {
    /// A PNG header of the given size (all the build reads of it).
    private func png(_ width: Int, _ height: Int) -> Data {
        func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(width) + be32(height) + [8, 6, 0, 0, 0])
    }

    private func site(_ body: String, frontMatter: String = "") throws -> TestSite {
        let site = try TestSite([
            "content/posts/a/index.md": "---\ntitle: \"A\"\ndate: 2024-01-01\n\(frontMatter)---\n\(body)\n",
        ])
        try FileManager.default.createDirectory(at: site.root.appending(path: "content/posts/a/img"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.root.appending(path: "static/images"), withIntermediateDirectories: true)
        try png(800, 600).write(to: site.root.appending(path: "content/posts/a/img/cow.png"))
        try png(1200, 630).write(to: site.root.appending(path: "static/images/wide.png"))
        try png(10, 10).write(to: site.root.appending(path: "secret.png"))
        return site
    }

    @Test func sizesMarkdownImagesFromTheBundleAndStatic() throws {
        let site = try site("![Cow](img/cow.png) ![Wide](/images/wide.png) ![Remote](https://example.org/x.png) ![Missing](img/none.png) ![Out](/../secret.png)")
        defer { site.remove() }
        let result = site.build()
        let html = try #require(result.text("posts/a/index.html"))
        #expect(html.contains("<img src=\"img/cow.png\" alt=\"Cow\" width=\"800\" height=\"600\" decoding=\"async\" />"))
        #expect(html.contains("<img src=\"/images/wide.png\" alt=\"Wide\" width=\"1200\" height=\"630\" decoding=\"async\" />"))
        #expect(html.contains("<img src=\"https://example.org/x.png\" alt=\"Remote\" decoding=\"async\" />"))
        #expect(html.contains("<img src=\"img/none.png\" alt=\"Missing\" decoding=\"async\" />"))
        #expect(html.contains("<img src=\"/../secret.png\" alt=\"Out\" decoding=\"async\" />"))
        // Feeds keep the plain tag.
        let feed = try #require(result.text("index.xml"))
        #expect(!feed.contains("decoding"))
    }

    @Test func sizesFigures() throws {
        let site = try site("{{< figure src=\"img/cow.png\" alt=\"Cow\" >}}\n\n{{< figure src=\"/images/wide.png\" width=\"300\" >}}")
        defer { site.remove() }
        let html = try #require(site.build().text("posts/a/index.html"))
        #expect(html.contains("<img src=\"img/cow.png\" alt=\"Cow\" width=\"800\" height=\"600\" loading=\"lazy\" decoding=\"async\">"))
        #expect(html.contains("<img src=\"/images/wide.png\" width=\"300\" loading=\"lazy\" decoding=\"async\">"))
    }

    @Test func givesTemplatesTheFeaturedImageSize() throws {
        let site = try site("Text", frontMatter: "featuredImage: \"/images/wide.png\"\n")
        try site.write("layouts/single.mustache", "{{featuredImage}} {{featuredImageWidth}}x{{featuredImageHeight}}")
        try site.write("content/posts/b/index.md", "---\ntitle: \"B\"\nfeaturedImage: \"img/cow.png\"\n---\nText\n")
        try FileManager.default.createDirectory(at: site.root.appending(path: "content/posts/b/img"), withIntermediateDirectories: true)
        try png(64, 48).write(to: site.root.appending(path: "content/posts/b/img/cow.png"))
        try site.write("content/posts/c/index.md", "---\ntitle: \"C\"\nfeaturedImage: \"https://example.org/c.png\"\n---\nText\n")
        defer { site.remove() }
        let result = site.build()
        #expect(result.text("posts/a/index.html") == "/images/wide.png 1200x630")
        #expect(result.text("posts/b/index.html") == "/posts/b/img/cow.png 64x48")
        #expect(result.text("posts/c/index.html") == "https://example.org/c.png x")
    }
}
