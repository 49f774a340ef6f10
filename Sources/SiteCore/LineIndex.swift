/// Turns UTF-8 byte offsets into 1-based line and column numbers for one text.
public struct LineIndex: Sendable {
    public let text: String
    /// UTF-8 offset of the first byte of each line.
    private let lineStarts: [Int]

    public init(_ text: String) {
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line of a UTF-8 offset.
    public func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// 1-based line and column (in characters) of a UTF-8 offset.
    public func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        let line = line(ofOffset: offset)
        let start = lineStarts[line - 1]
        // Only this line's bytes: a large file with many diagnostics must not be copied for each.
        let utf8 = text.utf8
        let end = min(max(offset, start), utf8.count)
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: end - start)
        let column = String(decoding: utf8[lower..<upper], as: UTF8.self).count + 1
        return (line, column)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        let end = line < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line] - 1)
            : utf8.endIndex
        return String(text[start..<end])
    }

    /// A location for a UTF-8 offset in this text.
    public func location(path: String, offset: Int) -> SourceLocation {
        let (line, column) = position(ofOffset: offset)
        return SourceLocation(path: path, line: line, column: column)
    }

    /// A diagnostic at a UTF-8 offset, carrying the source line for the caret display.
    public func diagnostic(
        _ severity: Severity, code: String, message: String, path: String, offset: Int
    ) -> Diagnostic {
        let location = location(path: path, offset: offset)
        return Diagnostic(
            severity, code: code, message: message, location: location,
            sourceLine: lineText(location.line ?? 1))
    }
}
