import Foundation

/// When one language of a group last changed, and what says so.
public struct ChangeTime: Sendable, Hashable {
    public var date: Date
    public var evidence: ChangeEvidence
    /// The offset to show the time in: `lastmod`'s written one, UTC otherwise.
    public var offsetSeconds: Int

    public init(date: Date, evidence: ChangeEvidence, offsetSeconds: Int = 0) {
        self.date = date
        self.evidence = evidence
        self.offsetSeconds = offsetSeconds
    }

    /// `2024-05-02`, or `2024-05-02 10:15` (plus ` UTC` unless from `lastmod`) with the time.
    public func formatted(withTime: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        guard withTime else { return day }
        return day + String(format: " %02d:%02d", parts.hour ?? 0, parts.minute ?? 0) + (evidence == .lastmod ? "" : " UTC")
    }

    /// RFC 3339 in UTC, for JSON.
    public var iso8601: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
