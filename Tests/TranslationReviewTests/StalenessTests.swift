import Foundation
import Testing
import TranslationReview

@Suite struct StalenessTests {
    @Test("a translation whose other language has a later lastmod is stale, whatever the file times say")
    func staleByLastmod() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("A", lastmod: "2024-05-02T09:00:00+02:00", "Text.\n"),
            "content/posts/a/index.de.md": ReviewSite.post("A", lastmod: "2024-04-01T09:00:00+02:00", "Text.\n"),
        ])
        defer { site.remove() }
        // The files say the opposite: lastmod wins.
        try site.touch("content/posts/a/index.en.md", "2024-01-01T00:00:00Z")
        try site.touch("content/posts/a/index.de.md", "2024-06-01T00:00:00Z")
        let review = try site.review()
        let group = try #require(review.group(id: "posts/a"))
        #expect(group.state == .stale)
        #expect(group.evidence == .lastmod)
        #expect(group.stale.map(\.path) == ["content/posts/a/index.de.md"])
        #expect(group.stale.first?.message == "English changed 2024-05-02 after Deutsch 2024-04-01 (lastmod)")
        #expect(review.summary == "1 group: 0 complete, 0 missing, 1 stale")
    }

    @Test("without lastmod, in a git work tree, the last commit of each file decides")
    func staleByGitHistory() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("A", "Version 1.\n"),
            "content/posts/a/index.de.md": ReviewSite.post("A", "Version 1.\n"),
            "content/posts/b/index.en.md": ReviewSite.post("B", "Same.\n"),
            "content/posts/b/index.de.md": ReviewSite.post("B", "Gleich.\n"),
        ])
        defer { site.remove() }
        try site.git(["init", "-q"])
        try site.git(["add", "."])
        try site.git(["commit", "-q", "-m", "first"], date: "2024-04-01T12:00:00Z")
        try site.write("content/posts/a/index.en.md", ReviewSite.post("A", "Version 2.\n"))
        try site.git(["commit", "-q", "-am", "English changed"], date: "2024-05-02T12:00:00Z")

        let review = try site.review()
        let group = try #require(review.group(id: "posts/a"))
        #expect(group.evidence == .git)
        #expect(group.stale.map(\.path) == ["content/posts/a/index.de.md"])
        #expect(group.stale.first?.message == "English changed 2024-05-02 after Deutsch 2024-04-01 (git)")
        #expect(review.group(id: "posts/b")?.state == .complete)
        // The files were all written just now: without git the group looks complete.
        #expect(try site.review(history: ChangeHistory()).group(id: "posts/a")?.state == .complete)
    }

    @Test("a file changed in the work tree since its last commit counts at its file time")
    func uncommittedChangeCountsAtFileTime() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("A", "One.\n"),
            "content/posts/a/index.de.md": ReviewSite.post("A", "Eins.\n"),
        ])
        defer { site.remove() }
        try site.git(["init", "-q"])
        try site.git(["add", "."])
        try site.git(["commit", "-q", "-m", "first"], date: "2024-04-01T12:00:00Z")
        try site.write("content/posts/a/index.de.md", ReviewSite.post("A", "Zwei.\n"))
        try site.touch("content/posts/a/index.de.md", "2024-06-10T08:00:00Z")
        let group = try #require(try site.review().group(id: "posts/a"))
        #expect(group.stale.map(\.message) == ["Deutsch changed 2024-06-10 after English 2024-04-01 (git)"])
    }

    @Test("outside git, the files' modification times decide")
    func staleByFileTime() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("A", "Text.\n"),
            "content/posts/a/index.de.md": ReviewSite.post("A", "Text.\n"),
        ])
        defer { site.remove() }
        try site.touch("content/posts/a/index.en.md", "2024-05-02T10:00:00Z")
        try site.touch("content/posts/a/index.de.md", "2024-04-01T10:00:00Z")
        let review = try site.review()
        let group = try #require(review.group(id: "posts/a"))
        #expect(group.evidence == .fileTime)
        #expect(group.stale.first?.message == "English changed 2024-05-02 after Deutsch 2024-04-01 (file time)")
        #expect(group.stale.first?.language == "de")
    }

    @Test("changes less than an hour apart count as one; the same day shows the times")
    func closeChangesAreNotStale() throws {
        let site = try ReviewSite([
            "content/posts/a/index.en.md": ReviewSite.post("A", "Text.\n"),
            "content/posts/a/index.de.md": ReviewSite.post("A", "Text.\n"),
            "content/posts/b/index.en.md": ReviewSite.post("B", "Text.\n"),
            "content/posts/b/index.de.md": ReviewSite.post("B", "Text.\n"),
        ])
        defer { site.remove() }
        try site.touch("content/posts/a/index.en.md", "2024-05-02T10:40:00Z")
        try site.touch("content/posts/a/index.de.md", "2024-05-02T10:00:00Z")
        try site.touch("content/posts/b/index.en.md", "2024-05-02T08:00:00Z")
        try site.touch("content/posts/b/index.de.md", "2024-05-02T14:30:00Z")
        let review = try site.review()
        #expect(review.group(id: "posts/a")?.state == .complete)
        #expect(review.group(id: "posts/b")?.stale.map(\.message) == [
            "Deutsch changed 2024-05-02 14:30 UTC after English 2024-05-02 08:00 UTC (file time)",
        ])
    }

    @Test("a page in one language only is missing the other; translationKey joins pages of different paths")
    func missingLanguage() throws {
        let site = try ReviewSite([
            "content/posts/only-en.md": ReviewSite.post("Only English", "Text.\n"),
            "content/posts/nur-de/index.de.md": ReviewSite.post("Nur Deutsch", "Text.\n"),
            "content/posts/hello.en.md": ReviewSite.post("Hello", key: "greeting", "Hi.\n"),
            "content/posts/hallo.de.md": ReviewSite.post("Hallo", key: "greeting", "Hallo.\n"),
            "content/posts/_index.de.md": "---\ntitle: Beiträge\n---\n",
        ])
        defer { site.remove() }
        let review = try site.review(history: ChangeHistory(fileTime: { _ in Date(timeIntervalSince1970: 0) }))
        #expect(review.groups.map(\.key) == ["greeting", "posts/nur-de", "posts/only-en"], "list pages are left out")
        let english = try #require(review.group(id: "posts/only-en"))
        #expect(english.state == .missing)
        #expect(english.missingLanguages == ["de"])
        #expect(english.missingMessage == "no Deutsch page")
        #expect(english.pages.map(\.path) == ["content/posts/only-en.md"])
        #expect(review.group(id: "posts/nur-de")?.missingMessage == "no English page")
        let greeting = try #require(review.group(id: "greeting"))
        #expect(greeting.state == .complete)
        #expect(greeting.pages.map(\.url) == ["/posts/hello/", "/de/posts/hallo/"])
    }
}
