import Foundation

extension ContentDate {
    /// An example of the preferred form, for diagnostics.
    public static let example = "2024-01-17T11:19:02+02:00"

    /// Parses a date the way Hugo accepts it, keeping the written offset and text:
    /// - RFC 3339: `2024-01-17T11:19:02+02:00`, `…Z`, with fractional seconds, without seconds,
    ///   `+0200` or `+02` offsets, without an offset (read as UTC, `hasOffset == false`);
    /// - a space instead of `T`, with or without a space before the offset:
    ///   `2024-01-17 11:19:02 +0200`, `2024-01-17 11:19:02 -07:00 MST`;
    /// - a date alone: `2024-01-17` (midnight UTC);
    /// - RFC 1123 / RFC 822 forms: `Wed, 17 Jan 2024 11:19:02 +0200`, `17 Jan 2024`.
    /// Returns nil when the text is none of these or names an impossible day or time.
    public static func parse(_ text: String) -> ContentDate? {
        // Most dates come without surrounding space: then no Foundation trimming.
        let edges = (text.utf8.first, text.utf8.last)
        let untrimmed = edges.0.map { $0 > 0x20 && $0 < 0x7F } == true && edges.1.map { $0 > 0x20 && $0 < 0x7F } == true
        let trimmed = untrimmed ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
        var scanner = DateScanner(trimmed)
        let fields = scanner.isoDate() ?? {
            scanner = DateScanner(trimmed)
            return scanner.rfcDate()
        }()
        guard let fields, let date = fields.date() else { return nil }
        return ContentDate(
            date: date, offsetSeconds: fields.offsetSeconds ?? 0,
            hasOffset: fields.offsetSeconds != nil, text: trimmed)
    }
}

/// The calendar fields of a written date, before they become a `Date`.
struct DateFields {
    var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0
    var nanoseconds = 0
    /// nil when no offset was written.
    var offsetSeconds: Int?

    func date() -> Date? {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        // By arithmetic from 1583 on (the Gregorian calendar as Foundation's has it there);
        // earlier years through Foundation, which switches to the Julian calendar.
        guard year >= 1583 else { return calendarDate() }
        let seconds = Self.daysFromCivil(year: year, month: month, day: day) * 86_400
            + hour * 3600 + minute * 60 + min(second, 59)
        let extra = Double(second == 60 ? 1 : 0) + Double(nanoseconds) / 1_000_000_000
        return Date(timeIntervalSince1970: TimeInterval(seconds)).addingTimeInterval(extra - Double(offsetSeconds ?? 0))
    }

    /// Days since 1970-01-01 of a day of the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The same through Foundation's calendar (every year; the only way before 1583).
    func calendarDate() -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59))
        guard let utc = calendar.date(from: components) else { return nil }
        let extra = Double(second == 60 ? 1 : 0) + Double(nanoseconds) / 1_000_000_000
        return utc.addingTimeInterval(extra - Double(offsetSeconds ?? 0))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A tiny cursor over the ASCII bytes of a date.
private struct DateScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index >= bytes.count }
    var current: UInt8? { atEnd ? nil : bytes[index] }

    mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    /// Between `minimum` and `maximum` digits as a number.
    mutating func number(minimum: Int, maximum: Int) -> Int? {
        var value = 0
        var count = 0
        while count < maximum, let byte = current, (48...57).contains(byte) {
            value = value * 10 + Int(byte - 48)
            count += 1
            index += 1
        }
        return count >= minimum ? value : nil
    }

    mutating func skipSpaces() -> Bool {
        let start = index
        while current == 32 || current == 9 { index += 1 }
        return index > start
    }

    mutating func word() -> String {
        let start = index
        while let byte = current, (65...90).contains(byte) || (97...122).contains(byte) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `YYYY-MM-DD[(T| +)HH:MM[:SS[.fff]]][ *][Z|±HH[:MM]|±HHMM][ +ABBR]`
    mutating func isoDate() -> DateFields? {
        var fields = DateFields()
        guard let year = number(minimum: 4, maximum: 4), take(45),
              let month = number(minimum: 1, maximum: 2), take(45),
              let day = number(minimum: 1, maximum: 2)
        else { return nil }
        fields.year = year
        fields.month = month
        fields.day = day
        if atEnd { return fields }
        if !(take(84) || take(116)) {  // T t
            guard skipSpaces() else { return nil }
        }
        guard time(into: &fields) else { return nil }
        _ = skipSpaces()
        if atEnd { return fields }
        if current == 43 || current == 45 || current == 90 || current == 122 {
            guard let offset = numericOffset() else { return nil }
            fields.offsetSeconds = offset
            _ = skipSpaces()
        }
        return zoneName(into: &fields) ? fields : nil
    }

    /// `[Mon, ]DD Mon YYYY[ HH:MM[:SS]][ zone]`
    mutating func rfcDate() -> DateFields? {
        var fields = DateFields()
        let start = index
        let first = word()
        if first.isEmpty {
            index = start
        } else {
            guard Self.weekdays.contains(first.lowercased()), take(44) else { return nil }
            _ = skipSpaces()
        }
        guard let day = number(minimum: 1, maximum: 2), skipSpaces(),
              let month = Self.months.firstIndex(of: word().lowercased()), skipSpaces(),
              let year = number(minimum: 2, maximum: 4)
        else { return nil }
        fields.day = day
        fields.month = month + 1
        fields.year = year < 100 ? 2000 + year : year
        if atEnd { return fields }
        guard skipSpaces(), time(into: &fields) else { return nil }
        _ = skipSpaces()
        if atEnd { return fields }
        if current == 43 || current == 45 {
            guard let offset = numericOffset() else { return nil }
            fields.offsetSeconds = offset
            _ = skipSpaces()
        }
        return zoneName(into: &fields) ? fields : nil
    }

    /// `HH:MM[:SS[.fff]]`
    mutating func time(into fields: inout DateFields) -> Bool {
        guard let hour = number(minimum: 1, maximum: 2), take(58),
              let minute = number(minimum: 2, maximum: 2)
        else { return false }
        fields.hour = hour
        fields.minute = minute
        if take(58) {
            guard let second = number(minimum: 2, maximum: 2) else { return false }
            fields.second = second
            if take(46) || take(44) {
                var digits = 0
                var nanos = 0
                while let byte = current, (48...57).contains(byte) {
                    if digits < 9 { nanos = nanos * 10 + Int(byte - 48) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return false }
                for _ in min(digits, 9)..<9 { nanos *= 10 }
                fields.nanoseconds = nanos
            }
        }
        return true
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH`, in seconds east of UTC.
    mutating func numericOffset() -> Int? {
        if take(90) || take(122) { return 0 }
        let sign = take(45) ? -1 : (take(43) ? 1 : 0)
        guard sign != 0, let hours = number(minimum: 2, maximum: 2), hours <= 23 else { return nil }
        var minutes = 0
        if take(58) {
            guard let value = number(minimum: 2, maximum: 2) else { return nil }
            minutes = value
        } else if let value = number(minimum: 2, maximum: 2) {
            minutes = value
        }
        guard minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// An optional zone abbreviation at the end (`MST`, `UTC`); `UTC`/`GMT` alone count as an offset.
    mutating func zoneName(into fields: inout DateFields) -> Bool {
        if atEnd { return true }
        let name = word()
        guard !name.isEmpty, name.count <= 5, name == name.uppercased() else { return false }
        _ = skipSpaces()
        guard atEnd else { return false }
        if fields.offsetSeconds == nil, name == "UTC" || name == "GMT" || name == "Z" {
            fields.offsetSeconds = 0
        }
        return true
    }

    static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
