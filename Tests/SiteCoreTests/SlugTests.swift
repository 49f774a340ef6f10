import Foundation
import Testing
@testable import SiteCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("ARM64", "arm64"),
        ("Änderungen", "änderungen"),
        ("single sign on", "single-sign-on"),
        ("Security Advisories", "security-advisories"),
        ("What's up?", "whats-up"),
        ("CVE-2023-34108", "cve-2023-34108"),
        ("  leading and trailing  ", "leading-and-trailing"),
        ("a - b", "a-b"),
        ("C++ & Go", "c++-go"),
        ("Wie schaut's aus", "wie-schauts-aus"),
        ("Mail@Home", "mail@home"),
        // Hugo 0.111 keeps hyphens as written (checked with `hugo` on tags like these).
        ("x -- y", "x--y"),
        ("end-", "end-"),
        ("z + w", "z-+-w"),
        ("-start", "-start"),
        (" - lead", "-lead"),
    ])
    func urlizesAsHugoDoes(input: String, expected: String) {
        #expect(Slug.urlize(input) == expected)
    }
}

/// `Slug.percentEncodedPath` encodes bytes itself; it must agree with Foundation's
/// `addingPercentEncoding(withAllowedCharacters: .urlPathAllowed - "?#")`, which it replaced.
@Suite struct PercentEncodedPathTests {
    static func foundation(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    @Test(arguments: [
        "/posts/2024/a/", "/de/tags/änderungen/", "/a b/", "/100%/", "/x?y#z/", "/emoji-🐄/", "/[x]/{y}/",
        "/\"quote\"/<tag>/", "/tab\there/", "/a+b=c;d,e:f@g!h$i&j'k(l)m*n~o_p.q-r/", "", "/",
    ])
    func agreesWithFoundation(_ path: String) {
        #expect(Slug.percentEncodedPath(path) == Self.foundation(path))
    }

    @Test func agreesWithFoundationOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = Array("abcXYZ019 /%?#[]{}<>\"'`^|\\~!$&()*+,;=:@-._äöüß€🐄\u{301}\t\n").map(String.init)
        for _ in 0..<2000 {
            let path = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Slug.percentEncodedPath(path) == Self.foundation(path), "\(path.debugDescription)")
        }
    }
}
