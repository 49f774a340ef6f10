import ContentParsing
import Foundation

/// Dates as readers of each language expect them, in the offset the author wrote.
public enum DateFormatting {
    private static let monthNames: [String: [String]] = [
        "en": ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"],
        "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember"],
    ]

    /// `9. August 2023` in German, `August 9, 2023` in English (and other languages).
    public static func long(_ date: ContentDate, language: String) -> String {
        let parts = date.civil
        let month = (monthNames[language] ?? monthNames["en"]!)[parts.month - 1]
        switch language {
        case "de": return "\(parts.day). \(month) \(parts.year)"
        default: return "\(month) \(parts.day), \(parts.year)"
        }
    }

    /// RFC 3339 with the written offset: `2023-08-09T10:24:31+02:00`.
    public static func iso8601(_ date: ContentDate) -> String {
        let parts = date.civil
        var text = padded(parts.year, 4) + "-" + padded(parts.month, 2) + "-" + padded(parts.day, 2)
        text += "T" + padded(parts.hour, 2) + ":" + padded(parts.minute, 2) + ":" + padded(parts.second, 2)
        let offset = date.offsetSeconds
        if offset == 0 { return text + "Z" }
        let minutes = abs(offset) / 60
        return text + (offset < 0 ? "-" : "+") + padded(minutes / 60, 2) + ":" + padded(minutes % 60, 2)
    }

    /// A number with leading zeros to `width` digits (`%0Nd`).
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(abs(number))
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (number < 0 ? 1 : 0)))
        return (number < 0 ? "-" : "") + zeros + digits
    }
}
