import Foundation

/// Finds the two inputs on which toml++ 3.4.0 (inside TOMLKit 0.6.0) stops the whole process
/// with a failed assertion instead of reporting an error, so they become ordinary syntax errors:
/// a table header whose first key starts with a character a key cannot start with (`[ä]`,
/// `[.a]`, `[#]`), and a date-time whose `T` is not followed by `HH:MM` (`2024-01-17Tx1:19`).
/// Lines inside multi-line strings are left alone. Found by `make fuzz` (FuzzFrontMatter).
enum TOMLPreflight {
    static func check(_ text: String) -> StructuredDataError? {
        var inMultilineString = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let delimiters = line.components(separatedBy: "\"\"\"").count - 1 + line.components(separatedBy: "'''").count - 1
            defer { if delimiters % 2 == 1 { inMultilineString.toggle() } }
            if inMultilineString { continue }
            if let problem = tableHeaderProblem(line) ?? dateTimeProblem(line) {
                return StructuredDataError(message: problem.message, line: index + 1, column: problem.column)
            }
        }
        return nil
    }

    private static func tableHeaderProblem(_ line: Substring) -> (message: String, column: Int)? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("[") else { return nil }
        let afterBrackets = trimmed.drop { $0 == "[" }.drop { $0 == " " || $0 == "\t" }
        guard let first = afterBrackets.first else { return nil }
        let isKeyStart = first.isASCII && (first.isLetter || first.isNumber || first == "_" || first == "-")
            || first == "\"" || first == "'"
        if isKeyStart { return nil }
        let column = line.distance(from: line.startIndex, to: afterBrackets.startIndex) + 1
        return ("a table name cannot start with '\(first)' (use letters, digits, '_', '-', or quotes)", column)
    }

    private static let dateTime = try! NSRegularExpression(pattern: #"=\s*\d{4}-\d{2}-\d{2}[Tt](?!\d{2}:\d{2})"#)

    private static func dateTimeProblem(_ line: Substring) -> (message: String, column: Int)? {
        let text = String(line)
        let range = NSRange(text.startIndex..., in: text)
        guard let match = dateTime.firstMatch(in: text, range: range), let swiftRange = Range(match.range, in: text) else {
            return nil
        }
        let valueStart = text[swiftRange].firstIndex { $0.isNumber } ?? swiftRange.lowerBound
        return ("date-time must have a time like 11:19:02 after 'T'", text.distance(from: text.startIndex, to: valueStart) + 1)
    }
}
