import Foundation
import Testing
@testable import TranslationReview

@Suite struct ValueTokenTests {
    func keys(_ text: String) -> [String] { ValueToken.find(in: text).map(\.key) }

    @Test("a day is the same day in either language's way of writing it")
    func datesAreNormalised() {
        #expect(keys("on May 1, 2024 and 2024-05-01T10:00:00+02:00") == ["2024-05-01", "2024-05-01"])
        #expect(keys("am 1. Mai 2024 und am 01.05.2024") == ["2024-05-01", "2024-05-01"])
        #expect(keys("Release 29th December 2023") == ["2023-12-29"])
        #expect(keys("am 29. Dezember 2023") == ["2023-12-29"])
    }

    @Test("versions and release names are tokens; counting numbers are not")
    func versions() {
        #expect(keys("Update 2024-01e to 25.0.3, v28.0.1 and v3.19 (2026.03), CVE-2023-34108") ==
            ["2024-01e", "25.0.3", "28.0.1", "3.19", "2026.03", "CVE-2023-34108"])
        #expect(keys("80 changes in 3 days, 1,5 GB") == [])
    }
}
