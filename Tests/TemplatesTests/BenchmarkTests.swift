import Foundation
import Mustache
import Templates
import Testing

/// Not a test: a measurement, run on request, that asserts nothing about time.
///
///     TEMPLATES_BENCHMARK=1 swift test -c release --scratch-path .build-templates --filter BenchmarkTests
///
/// Renders the theme's list page (20 summaries, each with the `post-meta` partial, indented)
/// with both engines and prints the time per page and the ratio.
@Suite struct BenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["TEMPLATES_BENCHMARK"] != nil

    static func listPage() -> TemplateValue {
        func summary(_ n: Int) -> TemplateValue {
            [
                "title": .string("Post number \(n): \"quotes\" & <angles>"), "url": .string("../posts/post-\(n)/"),
                "summary": .string(
                    "<p>This is the summary of post \(n). It has <em>some</em> HTML and runs for a while, as summaries do.</p>"),
                "truncated": .bool(n % 2 == 0), "author": "Jane Doe", "authorLink": "https://jane.example/",
                "tags": [["name": "swift", "url": "../tags/swift/"], ["name": "web", "url": "../tags/web/"]],
                "date": .string("\(n) May 2024"), "dateISO": .string("2024-05-\(n)T00:00:00Z"),
            ]
        }
        let menu: [TemplateValue] = (0..<4).map { n in
            ["name": .string("Item \(n)"), "url": .string("../item\(n)/"), "external": false, "children": [], "hasChildren": false]
        }
        let site: TemplateValue = [
            "title": "My Blog & Notes", "description": "Thoughts on <code> & life", "home": "../", "archives": "../archives/",
            "language": ["code": "en", "name": "English"],
            "languages": [
                ["code": "en", "name": "English", "url": "../", "current": true],
                ["code": "de", "name": "Deutsch", "url": "../de/", "current": false],
            ],
            "multilingual": true, "menu": .list(menu), "menuHasArchives": false, "year": 2025, "assets": "../",
        ]
        var t: [String: TemplateValue] = [:]
        for key in ["archives", "noPosts", "poweredBy", "menu", "languages", "pages", "newer", "older", "by", "readMore"] {
            t[key] = .string(key.capitalized)
        }
        return [
            "title": "Posts", "url": "../posts/", "site": site, "t": .object(TemplateObject(t)), "language": "en",
            "permalink": "https://example.org/posts/", "feedURL": "../posts/index.xml", "isPost": false, "isTerm": false,
            "content": "<p>All the posts.</p>\n", "pages": .list((1...20).map(summary)), "hasPager": true,
            "pager": [
                "prev": "../posts/", "next": "../posts/page/3/",
                "numbers": .list((1...5).map { n in ["number": .int(n), "url": "../page/", "current": .bool(n == 2), "gap": false] }),
            ],
        ]
    }

    @Test(.enabled(if: enabled)) func listPageTenThousandTimes() throws {
        let sources = try ThemeDifferentialTests.themeTemplates()
        var ours = TemplateLibrary()
        var theirs = MustacheLibrary()
        for (name, source) in sources {
            ours.register(try Template(source), named: name)
            theirs.register(try MustacheTemplate(string: source), named: name)
        }
        let page = Self.listPage()
        let anyPage = Engines.any(page)
        #expect(ours.render("list", page) == theirs.render(anyPage, withTemplate: "list"))

        let iterations = 10_000
        let clock = ContinuousClock()
        var sink = 0
        let theirTime = clock.measure {
            for _ in 0..<iterations { sink &+= theirs.render(anyPage, withTemplate: "list")!.utf8.count }
        }
        let ourStringTime = clock.measure {
            for _ in 0..<iterations { sink &+= ours.render("list", page)!.utf8.count }
        }
        var buffer: [UInt8] = []
        let ourBufferTime = clock.measure {
            for _ in 0..<iterations {
                buffer.removeAll(keepingCapacity: true)
                _ = ours.render("list", page, into: &buffer)
                sink &+= buffer.count
            }
        }
        func perPage(_ duration: Duration) -> String {
            let micros = Double(duration.components.seconds) * 1e6 / Double(iterations)
                + Double(duration.components.attoseconds) / 1e12 / Double(iterations)
            return String(format: "%.1f µs/page", micros)
        }
        func ratio(_ duration: Duration) -> String {
            String(format: "%.1fx faster", theirTime / duration)
        }
        print(
            """
            list page, \(buffer.count) bytes, \(iterations) renders (checksum \(sink)):
              swift-mustache ([String: Any] -> String): \(perPage(theirTime))
              Templates (TemplateValue -> String):      \(perPage(ourStringTime)), \(ratio(ourStringTime))
              Templates (TemplateValue -> [UInt8]):     \(perPage(ourBufferTime)), \(ratio(ourBufferTime))
            """)
    }
}
