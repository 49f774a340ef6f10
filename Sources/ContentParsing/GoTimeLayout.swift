import SiteCore

/// A Go time layout made of letters, digits and `_` (`2006`, `Jan`, `Monday`, `01`), as a
/// `[permalinks]` token may be one in Hugo 0.111 (`:2006` is the year). Parsed as Go's
/// `nextStdChunk` reads layouts (Go 1.20, which has `002` and `__2` for the day of the year);
/// the time-zone chunks (`MST`, `Z07…`) are not supported.
struct GoTimeLayout: Sendable, Hashable {
    enum Chunk: Sendable, Hashable {
        case literal(String)
        case longMonth, month, numMonth, zeroMonth
        case longWeekday, weekday
        case day, underDay, zeroDay
        case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
        case longYear, year
        case zeroYearDay, underYearDay
        case pm(upper: Bool)
    }

    let chunks: [Chunk]

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Nil when the text has no layout chunk (Go would print it as it is), or a time-zone one.
    init?(_ text: String) {
        let characters = Array(text)
        var chunks: [Chunk] = []
        var literal = ""
        var index = 0
        var hasField = false
        func has(_ word: String) -> Bool {
            let word = Array(word)
            return index + word.count <= characters.count && Array(characters[index..<(index + word.count)]) == word
        }
        while index < characters.count {
            var found: (Chunk, Int)?
            switch characters[index] {
            case "J" where has("January"): found = (.longMonth, 7)
            case "J" where has("Jan"): found = (.month, 3)
            case "M" where has("Monday"): found = (.longWeekday, 6)
            case "M" where has("Mon"): found = (.weekday, 3)
            case "M" where has("MST"): return nil
            case "Z" where has("Z07"): return nil
            case "0" where has("002"): found = (.zeroYearDay, 3)
            case "0" where index + 1 < characters.count && ("1"..."6").contains(characters[index + 1]):
                let kinds: [Chunk] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                found = (kinds[Int(String(characters[index + 1]))! - 1], 2)
            case "1": found = has("15") ? (.hour, 2) : (.numMonth, 1)
            case "2": found = has("2006") ? (.longYear, 4) : (.day, 1)
            case "_" where has("_2006"):
                literal.append("_")
                found = (.longYear, 5)
            case "_" where has("_2"): found = (.underDay, 2)
            case "_" where has("__2"): found = (.underYearDay, 3)
            case "3": found = (.hour12, 1)
            case "4": found = (.minute, 1)
            case "5": found = (.second, 1)
            case "P" where has("PM"): found = (.pm(upper: true), 2)
            case "p" where has("pm"): found = (.pm(upper: false), 2)
            default: break
            }
            guard let (chunk, length) = found else {
                literal.append(characters[index])
                index += 1
                continue
            }
            if !literal.isEmpty { chunks.append(.literal(literal)) }
            literal = ""
            chunks.append(chunk)
            // Hugo tells a layout by formatting its reference time, 2019-11-09 23:01:42: `PM`
            // and `pm` print themselves then, so alone they do not make one.
            if case .pm = chunk {} else { hasField = true }
            index += length
        }
        guard hasField else { return nil }
        if !literal.isEmpty { chunks.append(.literal(literal)) }
        self.chunks = chunks
    }

    func format(_ time: CivilTime) -> String {
        var text = ""
        for chunk in chunks {
            switch chunk {
            case .literal(let literal): text += literal
            case .longMonth: text += Self.monthNames[time.month - 1]
            case .month: text += Self.monthNames[time.month - 1].prefix(3)
            case .numMonth: text += String(time.month)
            case .zeroMonth: text += Self.padded(time.month, 2)
            case .longWeekday: text += Self.weekdayNames[time.weekday - 1]
            case .weekday: text += Self.weekdayNames[time.weekday - 1].prefix(3)
            case .day: text += String(time.day)
            case .underDay: text += time.day < 10 ? " \(time.day)" : String(time.day)
            case .zeroDay: text += Self.padded(time.day, 2)
            case .hour: text += Self.padded(time.hour, 2)
            case .hour12: text += String(Self.hour12(time.hour))
            case .zeroHour12: text += Self.padded(Self.hour12(time.hour), 2)
            case .minute: text += String(time.minute)
            case .zeroMinute: text += Self.padded(time.minute, 2)
            case .second: text += String(time.second)
            case .zeroSecond: text += Self.padded(time.second, 2)
            case .longYear: text += Self.padded(time.year, 4)
            case .year: text += Self.padded(time.year % 100, 2)
            case .zeroYearDay: text += Self.padded(Self.yearDay(time), 3)
            case .underYearDay:
                let day = String(Self.yearDay(time))
                text += String(repeating: " ", count: 3 - day.count) + day
            case .pm(let upper): text += time.hour >= 12 ? (upper ? "PM" : "pm") : (upper ? "AM" : "am")
            }
        }
        return text
    }

    private static func hour12(_ hour: Int) -> Int {
        let value = hour % 12
        return value == 0 ? 12 : value
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The day of the year, 1 to 366.
    static func yearDay(_ time: CivilTime) -> Int {
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][time.month - 1]
        let leap = time.year % 4 == 0 && (time.year % 100 != 0 || time.year % 400 == 0)
        return before + time.day + (leap && time.month > 2 ? 1 : 0)
    }
}
