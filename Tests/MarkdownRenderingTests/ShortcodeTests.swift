import ContentParsing
@testable import MarkdownRendering
import SiteCore
import Testing

@Suite struct AdmonitionTests {
    private func render(
        _ arguments: [ShortcodeArgument], inner: String = "\nSome **Markdown**.\n",
        context: RenderContext = Fixture.context
    ) -> (html: String, feed: String, diagnostics: [Diagnostic]) {
        let call = Fixture.call("admonition", arguments, inner: [.text(inner, offset: 0)])
        let result = Fixture.render(Fixture.document([.call(call), .text("\n")]), context: context)
        return (result.body.html, result.feed.html, result.diagnostics)
    }

    private func box(_ type: String, _ title: String, open: Bool = true, content: String = "<p>Some <strong>Markdown</strong>.</p>\n") -> String {
        """
        <details class="admonition \(type)"\(open ? " open" : "")>
        <summary class="admonition-title">\(AdmonitionType(rawValue: type)!.icon)\(title)</summary>
        <div class="admonition-content">\(content)</div>
        </details>

        """
    }

    @Test func rendersTheNamedForm() {
        let result = render([
            Fixture.named("type", "warning"), Fixture.named("title", "Wichtig", quoted: true),
            Fixture.named("open", "true"),
        ])
        #expect(result.html == box("warning", "Wichtig"))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func rendersThePositionalForm() {
        let result = render([Fixture.positional("info"), Fixture.positional("Titel", quoted: true), Fixture.positional("true")])
        #expect(result.html == box("info", "Titel"))
    }

    @Test func closesOnlyForAnUnquotedFalse() {
        #expect(render([Fixture.named("type", "tip"), Fixture.named("open", "false")]).html == box("tip", "Tip", open: false))
        #expect(render([Fixture.positional("tip"), Fixture.positional("T"), Fixture.positional("false")]).html
            == box("tip", "T", open: false))
        #expect(render([Fixture.named("type", "tip"), Fixture.named("open", "false", quoted: true)]).html == box("tip", "Tip"))
        #expect(render([Fixture.positional("tip"), Fixture.positional("T"), Fixture.positional("false", quoted: true)]).html
            == box("tip", "T"))
    }

    @Test func defaultsToANoteWithTheLocalizedTitle() {
        let german = RenderContext(language: "de", admonitionTitle: { type in
            ["note": "Hinweis", "warning": "Warnung", "tip": "Tipp"][type] ?? type
        })
        #expect(render([], context: german).html == box("note", "Hinweis"))
        #expect(render([Fixture.positional("warning")], context: german).html == box("warning", "Warnung"))
        #expect(render([Fixture.named("type", "warning"), Fixture.named("title", "", quoted: true)], context: german).html
            == box("warning", "Warnung"))
    }

    @Test(arguments: [
        ("summary", "abstract"), ("tldr", "abstract"), ("hint", "tip"), ("important", "tip"),
        ("check", "success"), ("done", "success"), ("help", "question"), ("faq", "question"),
        ("caution", "warning"), ("attention", "warning"), ("fail", "failure"), ("missing", "failure"),
        ("error", "danger"), ("cite", "quote"), ("bug", "bug"), ("example", "example"), ("INFO", "info"),
    ])
    func resolvesAliases(alias: String, type: String) {
        let result = render([Fixture.positional(alias)])
        #expect(result.html == box(type, AdmonitionType(rawValue: type)!.englishTitle))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func rendersAnUnknownTypeAsANoteWithAWarning() {
        let call = Fixture.call("admonition", [Fixture.positional("sparkle")], inner: [.text("x", offset: 0)])
        let document = Fixture.document([.text("Intro\n\n"), .call(call)])
        let result = Fixture.render(document)
        #expect(result.body.html == "<p>Intro</p>\n" + box("note", "Note", content: "<p>x</p>\n"))
        #expect(result.diagnostics.map(\.formatted) == [
            "content/test.md:3:1: warning: unknown admonition type 'sparkle', rendered as 'note' [shortcode.admonition-type]",
        ])
        #expect(result.diagnostics.first?.sourceLine == "{{< admonition >}}")
    }

    @Test func escapesTheTitle() {
        #expect(render([Fixture.named("title", "Fish & <Chips>", quoted: true)]).html == box("note", "Fish &amp; &lt;Chips&gt;"))
    }

    @Test func rendersNestedShortcodesInside() {
        let inner = Fixture.call("admonition", [Fixture.positional("tip")], inner: [.text("Inner *text*.", offset: 0)])
        let outer = Fixture.call("admonition", [Fixture.positional("warning")], inner: [
            .text("\nOuter.\n\n", offset: 0), .shortcode(inner), .text("\n", offset: 0),
        ])
        let html = Fixture.render(Fixture.document([.call(outer)])).body.html
        #expect(html == """
            <details class="admonition warning" open>
            <summary class="admonition-title">\(AdmonitionType.warning.icon)Warning</summary>
            <div class="admonition-content"><p>Outer.</p>
            <details class="admonition tip" open>
            <summary class="admonition-title">\(AdmonitionType.tip.icon)Tip</summary>
            <div class="admonition-content"><p>Inner <em>text</em>.</p>
            </div>
            </details>
            </div>
            </details>

            """)
    }

    @Test func showsAnIconOfItsOwnForEachType() throws {
        var icons: Set<String> = []
        var shapeBytes = 0
        for type in AdmonitionType.allCases {
            let html = render([Fixture.positional(type.rawValue)]).html
            let start = try #require(html.range(of: "<summary class=\"admonition-title\"><svg class=\"admonition-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\""))
            let end = try #require(html.range(of: "</svg>\(type.englishTitle)</summary>"))
            let svg = String(html[start.upperBound..<end.lowerBound])
            #expect(svg.contains("stroke=\"currentColor\""), "\(type)")
            #expect(svg.contains("<path") || svg.contains("<circle"), "\(type)")
            let shapes = svg[svg.range(of: ">")!.upperBound...]
            shapeBytes += shapes.utf8.count
            icons.insert(String(shapes))
        }
        #expect(icons.count == AdmonitionType.allCases.count)
        #expect(shapeBytes < 3000)
        #expect(!render([Fixture.positional("bug")]).feed.contains("<svg"))
    }

    @Test func becomesABlockquoteInFeeds() {
        #expect(render([Fixture.named("type", "warning"), Fixture.named("title", "Careful", quoted: true)]).feed
            == "<blockquote><p><strong>Careful</strong></p>\n<p>Some <strong>Markdown</strong>.</p>\n</blockquote>\n")
    }

    @Test func rendersTheMarkdownFormLikeTheOther() {
        let call = Fixture.call("admonition", [Fixture.positional("info")], markdownForm: true, inner: [.text("\n*md*\n", offset: 0)])
        #expect(Fixture.render(Fixture.document([.call(call)])).body.html == box("info", "Info", content: "<p><em>md</em></p>\n"))
    }

    @Test func givesInnerHeadingsIDsOfTheirOwn() {
        let call = Fixture.call("admonition", inner: [.text("\n## Setup\n", offset: 0)])
        let body = Fixture.render(Fixture.document([.text("## Setup\n\n"), .call(call)])).body
        #expect(body.html.contains("<h2 id=\"setup\">Setup</h2>\n<details"))
        #expect(body.html.contains("<div class=\"admonition-content\"><h2 id=\"setup\">Setup</h2>"))
        #expect(body.headings.count == 1)
    }
}

@Suite struct MediaShortcodeTests {
    private func render(_ call: ShortcodeCall, context: RenderContext = Fixture.context) -> BodyRenderer.Output {
        Fixture.render(Fixture.document([.text("Text\n\n"), .call(call), .text("\n\nMore\n")]), context: context)
    }

    @Test func linksYouTubeUntilTheReaderClicks() {
        let html = render(Fixture.call("youtube", [Fixture.positional("QiDDczFSeKQ")])).body.html
        #expect(html == """
            <p>Text</p>
            <div class="video-embed"><a class="video-embed-link" href="https://www.youtube.com/watch?v=QiDDczFSeKQ" data-embed="https://www.youtube-nocookie.com/embed/QiDDczFSeKQ?autoplay=1" target="_blank" rel="noopener"><span class="video-embed-title">YouTube video</span><span class="video-embed-note">Loads the video from YouTube (youtube-nocookie.com); YouTube receives your IP address.</span></a></div>
            <p>More</p>

            """)
        #expect(!html.contains("<iframe"))
    }

    @Test func takesNamedYouTubeArguments() {
        let call = Fixture.call("youtube", [
            Fixture.named("id", "abc123"), Fixture.named("title", "Die \"Demo\"", quoted: true), Fixture.named("start", "42"),
            Fixture.named("class", "wide", quoted: true),
        ])
        let html = render(call).body.html
        #expect(html.contains("<div class=\"video-embed wide\"><a class=\"video-embed-link\""))
        #expect(html.contains("href=\"https://www.youtube.com/watch?v=abc123&amp;t=42s\""))
        #expect(html.contains("data-embed=\"https://www.youtube-nocookie.com/embed/abc123?autoplay=1&amp;start=42\""))
        #expect(html.contains("<span class=\"video-embed-title\">Die &quot;Demo&quot;</span>"))
    }

    @Test func saysWhatTheVideoLinkDoesInThePageLanguage() {
        let call = Fixture.call("youtube", [Fixture.positional("QiDDczFSeKQ")])
        let german = render(call, context: RenderContext(language: "de")).body.html
        #expect(german.contains("<span class=\"video-embed-title\">YouTube-Video</span><span class=\"video-embed-note\">Lädt das Video von YouTube (youtube-nocookie.com); YouTube erhält dabei Ihre IP-Adresse.</span>"))
        let themed = RenderContext(language: "fr", themeText: { ["video.title": "Vidéo YouTube", "video.note": "Charge <la> vidéo."][$0] })
        let french = render(call, context: themed).body.html
        #expect(french.contains("<span class=\"video-embed-title\">Vidéo YouTube</span><span class=\"video-embed-note\">Charge &lt;la&gt; vidéo.</span>"))
    }

    @Test func linksYouTubeInFeeds() {
        let call = Fixture.call("youtube", [Fixture.positional("QiDDczFSeKQ")])
        let html = render(call, context: RenderContext(language: "de")).feed.html
        #expect(html == "<p>Text</p>\n<p><a href=\"https://www.youtube.com/watch?v=QiDDczFSeKQ\">YouTube-Video</a></p>\n<p>More</p>\n")
    }

    @Test func reportsAYouTubeCallWithoutID() {
        let result = render(Fixture.call("youtube"))
        #expect(result.body.html == "<p>Text</p>\n<p>More</p>\n")
        #expect(result.diagnostics.map(\.code) == ["shortcode.argument"])
        #expect(result.diagnostics.first?.location.line == 3)
        #expect(result.diagnostics.first?.severity == .error)
    }

    @Test func rendersAFigure() {
        let call = Fixture.call("figure", [
            Fixture.named("src", "images/cow.png", quoted: true), Fixture.named("caption", "The *moo* cow", quoted: true),
            Fixture.named("title", "Cow", quoted: true), Fixture.named("link", "https://mailcow.email", quoted: true),
            Fixture.named("width", "300"), Fixture.named("class", "center", quoted: true),
        ])
        #expect(render(call).body.html == """
            <p>Text</p>
            <figure class="center">
            <a href="https://mailcow.email"><img src="images/cow.png" alt="The moo cow" width="300" loading="lazy" decoding="async"></a>
            <figcaption><h4>Cow</h4><p>The <em>moo</em> cow</p></figcaption>
            </figure>
            <p>More</p>

            """)
    }

    @Test func rendersAPlainFigure() {
        let call = Fixture.call("figure", [Fixture.named("src", "a.png"), Fixture.named("alt", "An \"a\"", quoted: true)])
        #expect(render(call).body.html == "<p>Text</p>\n<figure>\n<img src=\"a.png\" alt=\"An &quot;a&quot;\" loading=\"lazy\" decoding=\"async\">\n</figure>\n<p>More</p>\n")
    }

    @Test func givesAFigureTheSizeOfItsFile() {
        let context = RenderContext(language: "en", imageSize: { $0 == "a.png" ? ImageSize(width: 640, height: 480) : nil })
        let plain = render(Fixture.call("figure", [Fixture.named("src", "a.png")]), context: context)
        #expect(plain.body.html.contains("<img src=\"a.png\" width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\">"))
        #expect(plain.feed.html.contains("<img src=\"a.png\">"))
        // The author's size wins; an unknown file gets none.
        let sized = render(Fixture.call("figure", [Fixture.named("src", "a.png"), Fixture.named("width", "300")]), context: context)
        #expect(sized.body.html.contains("<img src=\"a.png\" width=\"300\" loading=\"lazy\" decoding=\"async\">"))
        let remote = render(Fixture.call("figure", [Fixture.named("src", "https://example.org/a.png")]), context: context)
        #expect(remote.body.html.contains("<img src=\"https://example.org/a.png\" loading=\"lazy\" decoding=\"async\">"))
    }

    @Test func reportsAFigureWithoutSource() {
        let result = render(Fixture.call("figure", [Fixture.named("alt", "x")]))
        #expect(result.diagnostics.map(\.code) == ["shortcode.argument"])
        #expect(result.body.html == "<p>Text</p>\n<p>More</p>\n")
    }
}

@Suite struct ReferenceShortcodeTests {
    private let context = RenderContext(language: "de", resolveReference: { target, language, absolute in
        guard target == "posts/a.md" || target == "/posts/a" else { return nil }
        let path = (language ?? "de") == "de" ? "/posts/a/" : "/en/posts/a/"
        return absolute ? "https://example.org" + path : path
    })

    private func render(_ pieces: [Fixture.Piece]) -> BodyRenderer.Output {
        Fixture.render(Fixture.document(pieces), context: context)
    }

    @Test func resolvesRefAbsoluteAndRelrefRelative() {
        let result = render([
            .text("See [this]("), .call(Fixture.call("ref", [Fixture.positional("posts/a.md", quoted: true)])),
            .text(") and [that]("), .call(Fixture.call("relref", [Fixture.named("path", "/posts/a"), Fixture.named("lang", "en")])),
            .text(").\n"),
        ])
        #expect(result.body.html == "<p>See <a href=\"https://example.org/posts/a/\">this</a> and <a href=\"/en/posts/a/\">that</a>.</p>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func keepsTheAnchor() {
        let result = render([.call(Fixture.call("relref", [Fixture.positional("posts/a.md#setup")])), .text("\n")])
        #expect(result.body.html == "/posts/a/#setup\n")
        let local = render([.text("[x]("), .call(Fixture.call("relref", [Fixture.positional("#setup")])), .text(")\n")])
        #expect(local.body.html == "<p><a href=\"#setup\">x</a></p>\n")
    }

    @Test func reportsAnUnknownTargetAndKeepsBuilding() {
        let result = render([.text("[x]("), .call(Fixture.call("ref", [Fixture.positional("posts/missing.md")])), .text(") after\n")])
        #expect(result.body.html == "<p><a href=\"posts/missing.md\">x</a> after</p>\n")
        #expect(result.diagnostics.map(\.formatted) == [
            "content/test.md:1:5: error: ref target 'posts/missing.md' not found [shortcode.ref]",
        ])
    }
}

@Suite struct ThemeShortcodeTests {
    private let context = RenderContext(language: "en", themeShortcode: { call, inner, context in
        switch call.name {
        case "badge": "<span class=\"badge\">\(inner ?? call.positional.first?.value ?? "")</span>"
        case "lang": context.language
        default: nil
        }
    })

    @Test func asksTheThemeForOtherShortcodes() {
        let raw = Fixture.call("badge", inner: [.text("**raw**", offset: 0)])
        let markdown = Fixture.call("badge", markdownForm: true, inner: [.text("**md**", offset: 0)])
        let body = Fixture.render(Fixture.document([
            .text("A "), .call(raw), .text(" B "), .call(markdown), .text(" C "), .call(Fixture.call("lang")),
            .text(" D "), .call(Fixture.call("nothing")), .text(" E\n"),
        ]), context: context).body
        #expect(body.html == "<p>A <span class=\"badge\">**raw**</span> B <span class=\"badge\"><strong>md</strong></span> C en D  E</p>\n")
    }

    @Test func unwrapsABlockShortcodeFromItsParagraph() {
        let body = Fixture.render(Fixture.document([
            .text("Before\n\n"), .call(Fixture.call("badge", [Fixture.positional("x")])), .text("\n\nAfter\n"),
        ]), context: context).body
        #expect(body.html == "<p>Before</p>\n<span class=\"badge\">x</span>\n<p>After</p>\n")
    }

    @Test func leavesMarkdownAroundTokensAlone() {
        let body = Fixture.render(Fixture.document([
            .text("# Title "), .call(Fixture.call("lang")), .text("\n\n*"), .call(Fixture.call("lang")), .text("*\n"),
        ]), context: context).body
        #expect(body.html == "<h1 id=\"title\">Title en</h1>\n<p><em>en</em></p>\n")
    }
}
