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

    /// The calendar fields in the written offset's time zone.
    public var components: DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }
}
