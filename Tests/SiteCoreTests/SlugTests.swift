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
    ])
    func urlizesAsHugoDoes(input: String, expected: String) {
        #expect(Slug.urlize(input) == expected)
    }
}
