import Foundation
import SiteCore
import Testing
@testable import ContentParsing

/// Token expansion as Hugo 0.111 does it (each expectation checked with `hugo` 0.111.3).
@Suite struct PermalinkPatternTests {
    static func expand(_ pattern: String, date: CivilTime? = nil, sections: [String] = ["posts"], title: String = "T",
                       slug: String? = nil, filename: String = "f") throws -> String {
        let parsed = try PermalinkPattern.parse(pattern).get()
        return parsed.expand(PermalinkPattern.Subject(
            date: date, section: sections.first ?? "", sections: sections, title: title, slug: slug, filename: filename))
    }

    static let march = CivilTime(year: 2024, month: 3, day: 5, hour: 22, minute: 7, second: 9, weekday: 3)

    @Test func datesAndTheirGoLayouts() throws {
        #expect(try Self.expand("/:year/:month/:day/:monthname/:weekday/:weekdayname/:yearday/", date: Self.march)
            == "/2024/03/05/march/2/tuesday/65/")
        #expect(try Self.expand("/:2006/:Jan-:02/:06/:Monday/:15h:04/:3PM/:002/", date: Self.march)
            == "/2024/mar-05/24/tuesday/22h07/10pm/065/")
        // No date: Go's zero time, 0001-01-01, a Monday.
        #expect(try Self.expand("/:year/:month/:weekdayname/:2006/") == "/1/01/monday/0001/")
    }

    @Test func sectionsAndSlices() throws {
        let sections = ["posts", "sub", "deep"]
        #expect(try Self.expand("/:sections/", sections: sections) == "/posts/sub/deep/")
        #expect(try Self.expand("/:sections[1:]/x/:sections[:1]/:sections[last]/:sections[:last]/", sections: sections)
            == "/sub/deep/x/posts/deep/posts/sub/")
        #expect(try Self.expand("/a/:sections[1:]/b/", sections: ["posts"]) == "/a/b/")
    }

    @Test func titlesSlugsAndFilenames() throws {
        #expect(try Self.expand("/:title/:slug/:slugorfilename/", title: "Hällo Wörld") == "/hällo-wörld/hällo-wörld/f/")
        #expect(try Self.expand("/:title/:slug/:slugorfilename/", title: "T", slug: "My Slug") == "/t/my-slug/my-slug/")
        // `+` is read as a space after expansion (Hugo unescapes the path as a query).
        #expect(try Self.expand("/:title", title: "U2F + WebAuthn") == "/u2f--webauthn/")
        #expect(try Self.expand("/Lit Eral/:filename.html", filename: "Name") == "/lit-eral/name.html/")
    }

    @Test func refusesWhatHugoRefuses() {
        #expect(PermalinkPattern.parse("/:year/:contentbasename/") == .failure(.unknownToken(":contentbasename", offset: 7)))
        #expect(PermalinkPattern.parse("/:Year/") == .failure(.unknownToken(":Year", offset: 1)))
        #expect(PermalinkPattern.parse("/:pm/") == .failure(.unknownToken(":pm", offset: 1)))
        #expect(PermalinkPattern.parse("/a//:slug/") == .failure(.emptySegment))
        #expect((try? PermalinkPattern.parse("/a/:slug//").get()) == nil)
        #expect((try? PermalinkPattern.parse("/a/:slug/").get()) != nil)
    }
}
