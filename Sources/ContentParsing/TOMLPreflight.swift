import Foundation

/// Finds the two inputs on which toml++ 3.4.0 (inside TOMLKit 0.6.0) stops the whole process
/// with a failed assertion instead of reporting an error, so they become ordinary syntax errors:
/// a table header whose first key starts with a character a key cannot start with (`[ä]`,
/// `[.a]`, `[#]`) or that has no name at all (`[` alone on its line), and a date-time whose
/// time is incomplete (`2024-01-17Tx1:19`, `2024-01-17T11:x`, `…02+,`) or that is no date after its year
/// (`2021----04 1`), and a `}` where an array expects a value (`[ }`). Lines inside multi-line strings and
/// arrays are left alone; a byte order mark before the first line is skipped, as toml++ skips it.
/// Found by `make fuzz` (FuzzFrontMatter).
enum TOMLPreflight {
    static func check(_ text: String) -> StructuredDataError? {
        // toml++ skips a byte order mark at the start, so what follows it is the first line.
        if text.hasPrefix("\u{FEFF}"), var problem = check(String(text.dropFirst())) {
            if problem.line == 1 { problem.column += 1 }
            return problem
        } else if text.hasPrefix("\u{FEFF}") {
            return nil
        }
        var inMultilineString = false
        // The arrays and inline tables open at the end of the line, outside strings.
        var open: [Character] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let delimiters = line.components(separatedBy: "\"\"\"").count - 1 + line.components(separatedBy: "'''").count - 1
            defer { if delimiters % 2 == 1 { inMultilineString.toggle() } }
            if inMultilineString { continue }
            if let problem = dateTimeProblem(line) {
                return StructuredDataError(message: problem.message, line: index + 1, column: problem.column)
            }
            // A line that opens with `[` is a header even when string quotes follow on it.
            let isHeader = open.isEmpty && line.unicodeScalars.drop { $0 == " " || $0 == "\t" }.first == "["
            if isHeader, let problem = tableHeaderProblem(line) {
                return StructuredDataError(message: problem.message, line: index + 1, column: problem.column)
            }
            if delimiters > 0 { continue }
            if !isHeader, let column = nesting(line, &open) {
                return StructuredDataError(
                    message: "'}' where the array expects a value or ']'", line: index + 1, column: column)
            }
        }
        return nil
    }

    /// Follows the arrays and inline tables a line opens and closes (outside quotes and comments;
    /// lines inside a multi-line array that start with `[` are values, not table headers). A `}`
    /// where an array expects a value (`[ }`, `[1, }`) makes toml++ abort: its column.
    private static func nesting(_ line: Substring, _ open: inout [Character]) -> Int? {
        for (offset, character) in unquoted(line).enumerated() {
            switch character {
            case "[", "{": open.append(character)
            case "]": if open.last == "[" { open.removeLast() }
            case "}":
                if open.last == "[" { return offset + 1 }
                if open.last == "{" { open.removeLast() }
            default: break
            }
        }
        return nil
    }

    /// On Unicode scalars, as toml++ reads them: as Characters, `[` and a combining mark after
    /// it are one character, and the header would go unseen.
    private static func tableHeaderProblem(_ line: Substring) -> (message: String, column: Int)? {
        let scalars = line.unicodeScalars
        let trimmed = scalars.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "[" else { return nil }
        var opened = trimmed.dropFirst()
        if opened.first == "[" { opened = opened.dropFirst() }  // `[[array.of.tables]]`, no more
        let afterBrackets = opened.drop { $0 == " " || $0 == "\t" }
        let column = scalars.distance(from: scalars.startIndex, to: afterBrackets.startIndex) + 1
        guard let first = afterBrackets.first else { return ("a table header needs a name", column) }
        let isKeyStart = first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "_" || first == "-")
            || first == "\"" || first == "'"
        if isKeyStart { return nil }
        return ("a table name cannot start with '\(first.escaped(asASCII: false))' (use letters, digits, '_', '-', or quotes)", column)
    }

    /// A date at the start of a value, followed by `T`/`t` or a space and a digit (so toml++ reads
    /// a time next), whose time is not complete.
    private static let dateStart = try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z_.:-])\d{4}-\d{2}-\d{2}(?=[Tt]|\s\d)"#)
    private static let completeTime = try! NSRegularExpression(
        pattern: #"^(?:[Tt]|\s)\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?(?![0-9A-Za-z:.+-])"#)

    /// A value that starts like a year and a dash but is no date (`2021----04 1`): toml++ takes it
    /// for a date-time and aborts on what follows. A bare key may look like that (`2021-x = 1`),
    /// so only what follows the `=` is looked at (or a line without one that is no header).
    private static let brokenDate = try! NSRegularExpression(pattern: #"(?<![0-9A-Za-z_.:-])\d{4}-(?!\d{2}-\d{2}(?![0-9]))"#)

    private static func dateTimeProblem(_ line: Substring) -> (message: String, column: Int)? {
        let text = unquoted(line)
        let whole = NSRange(text.startIndex..., in: text)
        let values: Range<String.Index>? = if let equals = text.firstIndex(of: "=") {
            text.index(after: equals)..<text.endIndex
        } else if text.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("[") {
            nil
        } else {
            text.startIndex..<text.endIndex
        }
        if let values, let match = brokenDate.firstMatch(in: text, range: NSRange(values, in: text)),
           let range = Range(match.range, in: text) {
            return ("a value that starts like a year is no date: dates are written like 2024-01-17",
                    text.distance(from: text.startIndex, to: range.lowerBound) + 1)
        }
        for match in dateStart.matches(in: text, range: whole) {
            guard let dateRange = Range(match.range, in: text) else { continue }
            let rest = String(text[dateRange.upperBound...])
            if completeTime.firstMatch(in: rest, range: NSRange(rest.startIndex..., in: rest)) == nil {
                return ("a date-time needs a complete time like 11:19:02+02:00 after the date",
                        text.distance(from: text.startIndex, to: dateRange.lowerBound) + 1)
            }
        }
        return nil
    }

    /// The line with quoted text blanked out and without its comment, columns unchanged.
    private static func unquoted(_ line: Substring) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in line {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                result.append(" ")
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                result.append(" ")
            case "#":
                return result
            default:
                result.append(character)
            }
        }
        return result
    }
}
