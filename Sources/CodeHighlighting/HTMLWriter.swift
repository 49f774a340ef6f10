/// Writes lexed code as HTML: each token in `<span class="…">`, text escaped as cmark-gfm
/// escapes code (`&`, `<`, `>`, `"`, `'`), and with line numbers each line in Chroma's
/// `line` / `ln` / `cl` spans, tokens cut at line ends so no span runs over a line.
enum HTMLWriter {
    static func write(_ code: [UInt8], _ tokens: [Token], lineNumbers: Bool, into out: inout [UInt8]) {
        guard lineNumbers else {
            write(code, tokens, 0..<code.count, into: &out)
            return
        }
        var lineStart = 0
        var number = 1
        var first = 0
        while lineStart < code.count {
            let newline = Bytes.lineEnd(code, from: lineStart)
            let lineEnd = min(code.count, newline + 1)
            append(#"<span class="line"><span class="ln" aria-hidden="true">"#, to: &out)
            appendDecimal(number, to: &out)
            append(#"</span><span class="cl">"#, to: &out)
            while first < tokens.count, tokens[first].end <= lineStart { first += 1 }
            write(code, tokens[first...], lineStart..<lineEnd, into: &out)
            append("</span></span>", to: &out)
            lineStart = lineEnd
            number += 1
        }
    }

    /// Writes `code[range]`, with the parts of `tokens` inside it in spans.
    private static func write(_ code: [UInt8], _ tokens: some Collection<Token>, _ range: Range<Int>, into out: inout [UInt8]) {
        var written = range.lowerBound
        for token in tokens {
            if token.start >= range.upperBound { break }
            let start = max(token.start, range.lowerBound)
            // A token ends before a line's newline: the newline stays outside the span.
            var end = min(token.end, range.upperBound)
            if end > start, code[end - 1] == Bytes.newline, end == range.upperBound { end -= 1 }
            guard end > start else { continue }
            escape(code, written..<start, into: &out)
            append(token.kind.openingTag, to: &out)
            escape(code, start..<end, into: &out)
            append("</span>", to: &out)
            written = end
        }
        escape(code, written..<range.upperBound, into: &out)
    }

    @inline(__always) private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        if number >= 10 { appendDecimal(number / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(number % 10))
    }

    static func escape(_ code: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) {
        guard !range.isEmpty else { return }
        var copied = range.lowerBound
        for index in range {
            let replacement: StaticString
            switch code[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: continue
            }
            out.append(contentsOf: code[copied..<index])
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            copied = index + 1
        }
        out.append(contentsOf: code[copied..<range.upperBound])
    }
}
