@testable import ContentParsing
import Foundation
import Testing

@Suite struct ContentDateTests {
    @Test func keepsTheWrittenOffset() throws {
        let date = try #require(ContentDate.parse("2024-01-17T11:19:02+02:00"))
        #expect(date.offsetSeconds == 7200)
        #expect(date.hasOffset)
        #expect(date.text == "2024-01-17T11:19:02+02:00")
        #expect(date.date == Date(timeIntervalSince1970: 1_705_483_142))
        #expect(date.components.hour == 11)
        #expect(date.components.day == 17)
    }

    @Test(arguments: [
        ("2024-01-17T09:19:02Z", 0, true),
        ("2024-01-17T09:19:02z", 0, true),
        ("2024-01-17T11:19:02+02:00", 7200, true),
        ("2024-01-17T04:19:02-05:00", -18000, true),
        ("2024-01-17T11:19+02:00", 7200, true),
        ("2024-01-17T11:19:02.123456789+02:00", 7200, true),
        ("2024-01-17 11:19:02 +0200", 7200, true),
        ("2024-01-17 11:19:02 +02:00", 7200, true),
        ("2024-01-17 11:19:02+02:00", 7200, true),
        ("2024-01-17T11:19:02+0200", 7200, true),
        ("2024-01-17 11:19:02 +0200 CEST", 7200, true),
        ("2024-01-17 09:19:02 UTC", 0, true),
        ("Wed, 17 Jan 2024 11:19:02 +0200", 7200, true),
        ("2024-01-17T09:19:02", 0, false),
        ("2024-01-17 09:19:02", 0, false),
    ])
    func acceptsHugoForms(_ text: String, _ offset: Int, _ hasOffset: Bool) throws {
        let date = try #require(ContentDate.parse(text), "\(text)")
        #expect(date.offsetSeconds == offset)
        #expect(date.hasOffset == hasOffset)
        #expect(date.text == text)
        // All of them are the same instant, give or take the seconds left out.
        #expect(abs(date.date.timeIntervalSince1970 - 1_705_483_142) < 3, "\(text)")
    }

    @Test func readsADateAloneAsMidnightUTC() throws {
        let date = try #require(ContentDate.parse("2024-01-17"))
        #expect(date.date == Date(timeIntervalSince1970: 1_705_449_600))
        #expect(!date.hasOffset)
        #expect(try #require(ContentDate.parse("17 Jan 2024")).date == date.date)
    }

    @Test func keepsFractionalSeconds() throws {
        let date = try #require(ContentDate.parse("2024-01-17T11:19:02.5+02:00"))
        #expect(date.date.timeIntervalSince1970 == 1_705_483_142.5)
    }

    @Test func trimsSurroundingWhiteSpace() throws {
        #expect(try #require(ContentDate.parse("  2024-01-17T11:19:02+02:00 ")).text == "2024-01-17T11:19:02+02:00")
    }

    @Test(arguments: [
        "yesterday", "", "2024", "2024-13-01", "2024-02-30", "2023-02-29", "2024-01-17T25:00:00Z",
        "2024-01-17T11:60:00Z", "2024-01-17T11:19:02+25:00", "2024-01-17T11:19:02 nonsense",
        "2024-01-17T", "2024/01/17", "17.01.2024",
    ])
    func rejectsWhatHugoRejects(_ text: String) {
        #expect(ContentDate.parse(text) == nil, "\(text)")
    }

    @Test func acceptsALeapDay() {
        #expect(ContentDate.parse("2024-02-29") != nil)
        #expect(ContentDate.parse("2000-02-29") != nil)
        #expect(ContentDate.parse("1900-02-29") == nil)
    }
}

/// `ContentDate.civil` computes calendar fields by arithmetic; it must agree with Foundation's
/// Gregorian calendar in the written offset, which it replaced on the hot path.
@Suite struct CivilTimeTests {
    @Test func agreesWithTheCalendarOnManyDatesAndOffsets() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        // Fixed points first (leap days, year ends, the epoch, far future), then random ones.
        var seconds: [TimeInterval] = [0, -1, 951_782_400, 951_868_799, 1_709_164_800, 1_704_067_199, 4_102_444_800, -5_000_000_000, 253_402_300_799]
        for _ in 0..<3000 { seconds.append(TimeInterval(Int64.random(in: -12_000_000_000...32_000_000_000, using: &generator))) }
        for second in seconds {
            for offset in [0, 3600, 7200, -18_000, 19_800, -34_200, 50_400, -43_200] {
                let date = ContentDate(date: Date(timeIntervalSince1970: second + 0.75), offsetSeconds: offset, hasOffset: true, text: "")
                let expected = date.components
                let civil = date.civil
                #expect(civil.year == expected.year && civil.month == expected.month && civil.day == expected.day
                    && civil.hour == expected.hour && civil.minute == expected.minute && civil.second == expected.second
                    && civil.weekday == expected.weekday, "\(second) \(offset): \(civil) vs \(expected)")
                checked += 1
            }
        }
        #expect(checked > 20_000)
    }
}

/// Dates are made by arithmetic from 1583 on; Foundation's calendar must agree.
@Suite struct DateFieldsTests {
    @Test func agreesWithTheCalendar() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var fields = DateFields()
            fields.year = Int.random(in: 1583...9999, using: &generator)
            fields.month = Int.random(in: 1...12, using: &generator)
            fields.day = Int.random(in: 1...DateFields.daysIn(month: fields.month, year: fields.year), using: &generator)
            fields.hour = Int.random(in: 0...23, using: &generator)
            fields.minute = Int.random(in: 0...59, using: &generator)
            fields.second = Int.random(in: 0...60, using: &generator)
            fields.nanoseconds = Int.random(in: 0..<1_000_000_000, using: &generator)
            fields.offsetSeconds = [nil, 0, 7200, -18_000, 19_800].randomElement(using: &generator)!
            #expect(fields.date() == fields.calendarDate(), "\(fields)")
        }
    }
}
