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
        let parts = date.components
        let month = (monthNames[language] ?? monthNames["en"]!)[(parts.month ?? 1) - 1]
        switch language {
        case "de": return "\(parts.day ?? 1). \(month) \(parts.year ?? 0)"
        default: return "\(month) \(parts.day ?? 1), \(parts.year ?? 0)"
        }
    }

    /// RFC 3339 with the written offset: `2023-08-09T10:24:31+02:00`.
    public static func iso8601(_ date: ContentDate) -> String {
        let parts = date.components
        let offset = date.offsetSeconds
        let zone: String
        if offset == 0 {
            zone = "Z"
        } else {
            let sign = offset < 0 ? "-" : "+"
            let minutes = abs(offset) / 60
            zone = String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
        }
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 1, parts.day ?? 1,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) + zone
    }
}
