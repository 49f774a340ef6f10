import SiteCore

/// Finds the front matter at the top of a content file as Hugo does: `---` (YAML), `+++`
/// (TOML) or a JSON object, after optional blank lines.
public enum FrontMatterSplitter {
    /// Splits `source.text`. A block whose closing delimiter is missing is reported
    /// (`frontmatter.unterminated`, at the opening line) and the whole file is read as body.
    public static func split(_ source: SourceFile) -> (block: FrontMatterBlock, diagnostics: [Diagnostic]) {
        let bytes = Array(source.text.utf8)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        // Hugo skips a byte order mark and white space before the front matter.
        while start < bytes.count, [32, 9, 10, 13].contains(bytes[start]) {
            if bytes[start] == 10 { line += 1 }
            start += 1
        }
        guard start < bytes.count else { return (.bodyOnly(source.text), []) }

        switch bytes[start] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            let delimiter = bytes[start] == UInt8(ascii: "-") ? "---" : "+++"
            let format: FrontMatterFormat = delimiter == "---" ? .yaml : .toml
            let firstEnd = lineEnd(bytes, from: start)
            guard isDelimiterLine(bytes[start..<firstEnd], delimiter) else {
                return (.bodyOnly(source.text), [])
            }
            let rawOffset = min(firstEnd + 1, bytes.count)
            var cursor = rawOffset
            var cursorLine = line + 1
            while cursor < bytes.count {
                let end = lineEnd(bytes, from: cursor)
                if isDelimiterLine(bytes[cursor..<end], delimiter) {
                    let bodyOffset = min(end + 1, bytes.count)
                    let block = FrontMatterBlock(
                        format: format, raw: source.text.slice(utf8: rawOffset..<cursor), rawOffset: rawOffset,
                        rawStartLine: line + 1, openingLine: line,
                        body: source.text.slice(utf8: bodyOffset..<bytes.count), bodyOffset: bodyOffset,
                        bodyStartLine: end < bytes.count ? cursorLine + 1 : cursorLine)
                    return (block, [])
                }
                cursor = end + 1
                cursorLine += 1
            }
            return (.bodyOnly(source.text), [unterminated(source, offset: start, "'\(delimiter)'", "a closing '\(delimiter)' line")])

        case UInt8(ascii: "{"):
            guard let close = matchingBrace(bytes, from: start) else {
                return (.bodyOnly(source.text), [unterminated(source, offset: start, "'{'", "the closing '}'")])
            }
            var bodyOffset = close + 1
            var bodyLine = line + bytes[start...close].filter { $0 == 10 }.count
            var probe = bodyOffset
            while probe < bytes.count, bytes[probe] == 32 || bytes[probe] == 9 || bytes[probe] == 13 { probe += 1 }
            if probe < bytes.count, bytes[probe] == 10 {
                bodyOffset = probe + 1
                bodyLine += 1
            } else if probe == bytes.count {
                bodyOffset = probe
            }
            let block = FrontMatterBlock(
                format: .json, raw: source.text.slice(utf8: start..<(close + 1)), rawOffset: start, rawStartLine: line,
                openingLine: line, body: source.text.slice(utf8: bodyOffset..<bytes.count), bodyOffset: bodyOffset,
                bodyStartLine: bodyLine)
            return (block, [])

        default:
            return (.bodyOnly(source.text), [])
        }
    }

    private static func unterminated(_ source: SourceFile, offset: Int, _ opener: String, _ missing: String) -> Diagnostic {
        LineIndex(source.text).diagnostic(
            .error, code: "frontmatter.unterminated",
            message: "front matter opened with \(opener) is never closed: \(missing) is missing",
            path: source.path, offset: offset)
    }

    /// Index of the `\n` ending the line that starts at `start`, or the end of the text.
    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 10 { index += 1 }
        return index
    }

    /// A line that is the delimiter, with trailing white space allowed.
    private static func isDelimiterLine(_ line: ArraySlice<UInt8>, _ delimiter: String) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 32 || last == 9 || last == 13 { trimmed.removeLast() }
        return trimmed.elementsEqual(delimiter.utf8)
    }

    /// The `}` closing the `{` at `start`, skipping strings.
    private static func matchingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }


}
