import Foundation

/// The patterns `ValueToken.find` tries, in order (dates before the versions they look like).
struct ValuePatterns: @unchecked Sendable {
    let regex: NSRegularExpression
    let category: ValueToken.Category
    /// The compared form from the match and its groups (0: the whole match); nil: not a token.
    let key: @Sendable ([String]) -> String?

    private init(_ pattern: String, _ category: ValueToken.Category, key: @escaping @Sendable ([String]) -> String?) {
        // The patterns are constants of this file.
        regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        self.category = category
        self.key = key
    }

    private static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let germanMonths = [
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "dezember",
    ]

    /// 1–12 for an English or German month name or English abbreviation (`Sept`, `Dec`).
    static func month(_ name: String) -> Int? {
        let lower = name.lowercased()
        if let index = englishMonths.firstIndex(of: lower) ?? germanMonths.firstIndex(of: lower) { return index + 1 }
        switch lower {
        case "jänner": return 1
        case "maerz": return 3
        case "sept": return 9
        default: break
        }
        guard lower.count == 3 else { return nil }
        return englishMonths.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
    }

    static func day(_ year: String, _ month: Int?, _ day: String) -> String? {
        guard let year = Int(year), let month, let day = Int(day), (1...12).contains(month), (1...31).contains(day),
              (1000...2999).contains(year)
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    private static let englishMonth =
        "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
    private static let germanMonth = "(Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"

    static let all: [ValuePatterns] = [
        // 2024-05-01, 2024-05-01T10:00:00+02:00
        ValuePatterns(#"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"#, .date) {
            day($0[1], Int($0[2]), $0[3])
        },
        // 1. Mai 2024
        ValuePatterns(#"\b(\d{1,2})\.\s*"# + germanMonth + #"\s+(\d{4})\b"#, .date) {
            day($0[3], month($0[2]), $0[1])
        },
        // May 1, 2024; May 1st 2024; Dec. 1, 2024
        ValuePatterns(#"\b"# + englishMonth + #"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, .date) {
            day($0[3], month($0[1]), $0[2])
        },
        // 1 May 2024; 29th December 2023; 1st of May 2024
        ValuePatterns(#"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"# + englishMonth + #"\.?,?\s+(\d{4})\b"#, .date) {
            day($0[3], month($0[2]), $0[1])
        },
        // 01.05.2024, 1.5.2024
        ValuePatterns(#"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)"#, .date) {
            day($0[3], Int($0[2]), $0[1])
        },
        // CVE-2023-34108
        ValuePatterns(#"\bCVE-\d{4}-\d{4,}\b"#, .version) { $0[0].uppercased() },
        // 2024-01e, 2023-12 (release names: year and month, a letter or two after)
        ValuePatterns(#"\b(\d{4})-(0[1-9]|1[0-2])([a-z]{0,2})(?![\w-])"#, .version) { $0[0].lowercased() },
        // 25.0.3, v28.0.1, 1.2.3-rc1, 10.0.0.1
        ValuePatterns(#"(?<![\w.])v?(\d+(?:\.\d+){2,}(?:-[0-9a-z]+(?:\.[0-9a-z]+)*|[a-z]\d*)?)(?![\w]|\.\d)"#, .version) {
            $0[1].lowercased()
        },
        // v3.19
        ValuePatterns(#"(?<![\w.])v(\d+\.\d+)(?![\w]|\.\d)"#, .version) { $0[1] },
        // 2026.03 (calendar versions)
        ValuePatterns(#"(?<![\w.])(\d{4}\.\d{1,2})(?![\w]|\.\d)"#, .version) { $0[1] },
    ]
}
