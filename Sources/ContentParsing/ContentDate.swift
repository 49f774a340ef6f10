import Foundation

/// A date as an author wrote it in front matter, with the offset kept.
/// `2024-01-17T11:19:02+02:00` stays `+02:00` when printed and in feeds.
public struct ContentDate: Sendable, Hashable, Comparable {
    /// The point in time.
    public var date: Date
    /// The written offset from UTC in seconds (`+02:00` -> 7200); 0 for `Z` or no offset.
    public var offsetSeconds: Int
    /// Whether the author wrote an offset (or `Z`). Without one, Hugo reads the time as UTC.
    public var hasOffset: Bool
    /// The text as written.
    public var text: String

    public init(date: Date, offsetSeconds: Int, hasOffset: Bool, text: String) {
        self.date = date
        self.offsetSeconds = offsetSeconds
        self.hasOffset = hasOffset
        self.text = text
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool { lhs.date < rhs.date }

    /// The calendar fields in the written offset's time zone, by arithmetic (Howard Hinnant's
    /// days-from-civil inverse): no `Calendar` per call. Years before the Gregorian reform are
    /// left to `Calendar`, which switches to the Julian calendar there.
    public var civil: CivilTime {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let local = Int(seconds) + offsetSeconds
        var days = local / 86_400
        var secondOfDay = local % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // 1583-01-01 is day -141427.
        guard days >= -141_427 else {
            let parts = components
            return CivilTime(
                year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0,
                minute: parts.minute ?? 0, second: parts.second ?? 0, weekday: parts.weekday ?? 1)
        }
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1970-01-01 was a Thursday (weekday 5, Sunday being 1).
        let weekday = ((days % 7 + 7) % 7 + 4) % 7 + 1
        return CivilTime(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60, weekday: weekday)
    }

    /// The calendar fields in the written offset's time zone.
    public var components: DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }
}

/// A date's calendar fields as written (in its own offset); `weekday` 1 is Sunday.
public struct CivilTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var weekday: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.weekday = weekday
    }
}
