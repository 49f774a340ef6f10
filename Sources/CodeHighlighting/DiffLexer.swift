/// Unified diffs, line by line: file headers, hunk headers, inserted and deleted lines.
enum DiffLexer {
    private static let headers = ScanSpec.bytes("diff ", "index ", "--- ", "+++ ", "new file", "deleted file", "similarity ", "rename ")

    static func lex(_ code: [UInt8], _ range: Range<Int>, into tokens: inout TokenList) {
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = min(Bytes.lineEnd(code, from: lineStart), range.upperBound)
            if let kind = kind(code, lineStart) { tokens.add(kind, lineStart, lineEnd) }
            lineStart = lineEnd + 1
        }
    }

    private static func kind(_ code: [UInt8], _ start: Int) -> TokenKind? {
        if headers.contains(where: { Bytes.matches(code, at: start, $0) }) { return .fileHeader }
        guard start < code.count else { return nil }
        switch code[start] {
        case UInt8(ascii: "@") where start + 1 < code.count && code[start + 1] == UInt8(ascii: "@"): return .hunkHeader
        case UInt8(ascii: "+"), UInt8(ascii: ">"): return .inserted
        case UInt8(ascii: "-"), UInt8(ascii: "<"): return .deleted
        default: return nil
        }
    }
}
