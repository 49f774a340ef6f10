import MarkdownRendering
import Testing

/// Markdown images on pages: decoded off the main thread, and with the size of their file
/// when the site knows it (no layout shift); feeds keep the plain tag.
@Suite struct ImageTagTests {
    private let context = RenderContext(language: "en", imageSize: { source in
        ["cow.png": ImageSize(width: 640, height: 480), "/images/wide.jpg": ImageSize(width: 1920, height: 600)][source]
    })

    @Test func givesLocalImagesTheirSize() {
        let output = Fixture.render(
            Fixture.document("![A *cow*](cow.png \"The cow\") and ![wide](/images/wide.jpg)\n"), context: context)
        #expect(output.body.html == "<p><img src=\"cow.png\" alt=\"A cow\" title=\"The cow\" width=\"640\" height=\"480\" decoding=\"async\" /> and <img src=\"/images/wide.jpg\" alt=\"wide\" width=\"1920\" height=\"600\" decoding=\"async\" /></p>\n")
        #expect(output.feed.html == "<p><img src=\"cow.png\" alt=\"A cow\" title=\"The cow\" /> and <img src=\"/images/wide.jpg\" alt=\"wide\" /></p>\n")
    }

    /// An image without alt text that is all of a link would leave the link nameless: the page
    /// names it by the link's host; an image with text beside it in the link stays as written.
    @Test func namesAnImageLinkWithoutAltTextByItsHost() {
        let output = Fixture.render(
            Fixture.document("[![](cow.png)](https://xubium.example/a?b=c) [![](cow.png) text](https://other.example/)\n"), context: context)
        #expect(output.body.html == "<p><a href=\"https://xubium.example/a?b=c\"><img src=\"cow.png\" alt=\"xubium.example\" width=\"640\" height=\"480\" decoding=\"async\" /></a> <a href=\"https://other.example/\"><img src=\"cow.png\" alt=\"\" width=\"640\" height=\"480\" decoding=\"async\" /> text</a></p>\n")
        #expect(output.feed.html.contains("<img src=\"cow.png\" alt=\"\" />"))
    }

    @Test func leavesTheSizeOfOtherImagesOpen() {
        let html = Fixture.render(Fixture.document("![remote](https://example.org/a.png)\n"), context: context).body.html
        #expect(html == "<p><img src=\"https://example.org/a.png\" alt=\"remote\" decoding=\"async\" /></p>\n")
    }

    @Test func keepsCmarksEscapingAndItsCheckOfLinks() {
        let html = Fixture.render(
            Fixture.document("![a \"b\" <c>](cow.png) ![x](javascript:alert(1))\n"), context: context).body.html
        #expect(html == "<p><img src=\"cow.png\" alt=\"a “b” &lt;c&gt;\" width=\"640\" height=\"480\" decoding=\"async\" /> <img src=\"\" alt=\"x\" decoding=\"async\" /></p>\n")
    }

    @Test func sizesImagesInLinksHeadingsAndAltTexts() {
        let html = Fixture.render(Fixture.document("## See ![c](cow.png)\n\n[![outer ![inner](x.png)](cow.png)](https://example.org)\n"), context: context).body.html
        #expect(html == "<h2 id=\"see-ccowpng\">See <img src=\"cow.png\" alt=\"c\" width=\"640\" height=\"480\" decoding=\"async\" /></h2>\n<p><a href=\"https://example.org\"><img src=\"cow.png\" alt=\"outer inner\" width=\"640\" height=\"480\" decoding=\"async\" /></a></p>\n")
    }

    @Test func putsShortcodesInTheAltTextBack() {
        let ref = Fixture.call("ref", [Fixture.positional("posts/a.md")])
        let context = RenderContext(language: "en", resolveReference: { _, _, _ in "/posts/a/" })
        let output = Fixture.render(Fixture.document([.text("![see "), .call(ref), .text("](cow.png)\n")]), context: context)
        #expect(output.body.html == "<p><img src=\"cow.png\" alt=\"see /posts/a/\" decoding=\"async\" /></p>\n")
        #expect(output.feed.html == "<p><img src=\"cow.png\" alt=\"see /posts/a/\" /></p>\n")
    }
}
