import Testing
@testable import SiteCore

@Suite struct PlainSlugTests {
    @Test(arguments: ["my-post", "release-2026-05", "a", "2026", "x1-y2"])
    func acceptsPlainSlugs(slug: String) {
        #expect(Slug.isPlain(slug))
    }

    @Test(arguments: ["", "My-Post", "my_post", "my post", "-post", "post-", "my--post", "über", "a.b", "a/b"])
    func rejectsEverythingElse(slug: String) {
        #expect(!Slug.isPlain(slug))
    }

    @Test(arguments: [
        ("My Post", "my-post"),
        ("Über uns: Größe!", "ueber-uns-groesse"),
        ("Café crème", "cafe-creme"),
        ("my_post--draft", "my-post-draft"),
        ("  --Release 2026.05--  ", "release-2026-05"),
        ("!!!", ""),
    ])
    func suggestsThePlainForm(input: String, expected: String) {
        #expect(Slug.plain(input) == expected)
        #expect(expected.isEmpty || Slug.isPlain(Slug.plain(input)))
    }
}
