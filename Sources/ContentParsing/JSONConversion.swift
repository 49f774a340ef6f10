import Foundation
import SiteCore

/// JSON text to `ParamValue` through `JSONSerialization`, keeping integers, numbers and
/// booleans apart. The text is checked against RFC 8259 first (`JSONStrictness`).
enum JSONConversion {
    static func parse(_ text: String) throws(StructuredDataError) -> StructuredData {
        // JSONSerialization takes trailing commas, comments, NaN…: what JSON (and Hugo) refuses
        // is refused first, at its place.
        if let problem = JSONStrictness.firstProblem(in: text) {
            let (line, column) = position(ofUTF8Offset: problem.offset, in: text)
            throw StructuredDataError(message: problem.message, line: line, column: column)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw convert(error, text: text)
        }
        let root = value(object)
        guard case .table = root else {
            throw StructuredDataError(
                message: "expected an object ('{ \"key\": value }'), found \(root.kindDescription)",
                line: 1, column: 1)
        }
        return StructuredData(value: root, keyLines: keyLines(text))
    }

    static func value(_ object: Any) -> ParamValue {
        switch object {
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            let type = String(cString: number.objCType)
            if type == "c" || type == "B" { return .bool(number.boolValue) }
            if type == "d" || type == "f" { return .double(number.doubleValue) }
            return .int(number.intValue)
        case let array as [Any]:
            return .array(array.map(value))
        case let table as [String: Any]:
            return .table(table.mapValues(value))
        default:
            return .null
        }
    }

    /// `JSONSerialization` says `Invalid value around character 19.`: the offset becomes a line
    /// and column, the rest the message.
    private static func convert(_ error: Error, text: String) -> StructuredDataError {
        let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String)
            ?? (error as NSError).localizedDescription
        var message = description
        var offset = 0
        if let range = description.range(of: " around character ") {
            message = String(description[..<range.lowerBound])
            let digits = description[range.upperBound...].prefix { $0.isNumber }
            offset = Int(digits) ?? 0
        }
        // For a bad word (`tru`) the offset is just after it: point at its start instead.
        let bytes = Array(text.utf8)
        offset = min(offset, bytes.count)
        while offset > 0, case let byte = bytes[offset - 1],
              (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) {
            offset -= 1
        }
        if message.hasSuffix(".") { message.removeLast() }
        if missingComma(before: offset, in: bytes) { message = "expected ',' before this value" }
        if let first = message.first { message = first.lowercased() + message.dropFirst() }
        let (line, column) = position(ofUTF8Offset: offset, in: text)
        return StructuredDataError(message: message, line: line, column: column)
    }

    /// Whether a value starts at `offset` right after another value (`"a": 1 "b": 2`).
    private static func missingComma(before offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset < bytes.count else { return false }
        let valueStarts: [UInt8] = Array("\"{[-0123456789tfn".utf8)
        guard valueStarts.contains(bytes[offset]) else { return false }
        var previous = offset - 1
        while previous >= 0, [32, 9, 10, 13].contains(bytes[previous]) { previous -= 1 }
        guard previous >= 0, previous < offset - 1 else { return false }
        let valueEnds: [UInt8] = Array("\"}]0123456789el".utf8)
        return valueEnds.contains(bytes[previous])
    }

    private static func position(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The line of each key of the outermost object.
    static func keyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        let bytes = Array(text.utf8)
        var depth = 0
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: "\""):
                let start = index + 1
                let startLine = line
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                }
                let end = min(index, bytes.count)
                var next = index + 1
                while next < bytes.count, [32, 9, 10, 13].contains(bytes[next]) { next += 1 }
                if depth == 1, next < bytes.count, bytes[next] == UInt8(ascii: ":") {
                    let raw = String(decoding: bytes[start..<end], as: UTF8.self)
                    let key = (try? JSONSerialization.jsonObject(
                        with: Data("\"\(raw)\"".utf8), options: [.fragmentsAllowed])) as? String ?? raw
                    if lines[key] == nil { lines[key] = startLine }
                }
            default:
                break
            }
            index += 1
        }
        return lines
    }
}
