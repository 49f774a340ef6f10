import Foundation
import SiteCore
import TOMLKit

/// TOML text to `ParamValue` through TOMLKit. Date-times become text again, as written
/// (`2024-01-17T11:19:02+02:00`), so the offset is kept.
enum TOMLConversion {
    static func parse(_ text: String) throws(StructuredDataError) -> StructuredData {
        if let problem = TOMLPreflight.check(text) { throw problem }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            var message = error.description
            if let first = message.first { message = first.lowercased() + message.dropFirst() }
            throw StructuredDataError(
                message: message, line: max(error.source.begin.line, 1),
                column: max(error.source.begin.column, 1))
        } catch {
            throw StructuredDataError(message: "\(error)", line: 1, column: 1)
        }
        return StructuredData(value: value(table), keyLines: keyLines(text))
    }

    static func value(_ item: TOMLValueConvertible) -> ParamValue {
        switch item.type {
        case .string: return .string(item.string ?? "")
        case .int: return item.int.map(ParamValue.int) ?? .null
        case .double: return item.double.map(ParamValue.double) ?? .null
        case .bool: return item.bool.map(ParamValue.bool) ?? .null
        case .date: return item.date.map { .string(text($0)) } ?? .null
        case .time: return item.time.map { .string(text($0)) } ?? .null
        case .dateTime: return item.dateTime.map { .string(text($0)) } ?? .null
        case .array:
            guard let array = item.array else { return .array([]) }
            return .array(array.map { value($0) })
        case .table:
            guard let table = item.table else { return .table([:]) }
            var result: [String: ParamValue] = [:]
            for (key, child) in table { result[key] = value(child) }
            return .table(result)
        }
    }

    static func text(_ date: TOMLDate) -> String {
        pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }

    static func text(_ time: TOMLTime) -> String {
        var result = pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
        if time.nanoSecond > 0 {
            var fraction = pad(time.nanoSecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            result += "." + fraction
        }
        return result
    }

    static func text(_ dateTime: TOMLDateTime) -> String {
        var result = text(dateTime.date) + "T" + text(dateTime.time)
        if let offset = dateTime.offset?.offset {
            if offset == 0 {
                result += "Z"
            } else {
                let magnitude = abs(offset)
                result += (offset < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
            }
        }
        return result
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The line of each top-level key: `key = …` lines before the first table header, and the
    /// first segment of each `[table]` / `[[array]]` header.
    static func keyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        var inHeaderSection = false
        var multiline: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if let delimiter = multiline {
                if line.contains(delimiter) { multiline = nil }
                continue
            }
            if line.hasPrefix("[") {
                inHeaderSection = true
                let inner = line.drop { $0 == "[" || $0 == " " || $0 == "\t" }
                if let key = firstKey(inner), lines[key] == nil { lines[key] = index + 1 }
            } else if !inHeaderSection, !line.hasPrefix("#"), let key = firstKey(line), lines[key] == nil {
                if line.contains("=") { lines[key] = index + 1 }
            }
            for delimiter in ["\"\"\"", "'''"] {
                let parts = line.components(separatedBy: delimiter)
                if parts.count % 2 == 0 { multiline = delimiter }
            }
        }
        return lines
    }

    /// The first segment of a (possibly dotted, possibly quoted) TOML key at the start of `text`.
    private static func firstKey(_ text: Substring) -> String? {
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" {
            let rest = text.dropFirst()
            guard let end = rest.firstIndex(of: first) else { return nil }
            return String(rest[..<end])
        }
        let key = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return key.isEmpty ? nil : String(key)
    }
}
