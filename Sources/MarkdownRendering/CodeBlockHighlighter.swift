import CodeHighlighting

/// Highlights the fenced code blocks of a rendered body (its page form): each
/// `<pre><code class="language-x">…</code></pre>` that cmark-gfm wrote for a language
/// `CodeHighlighter` knows becomes
/// `<div class="highlight"><pre tabindex="0"><code class="language-x" data-lang="x">…</code></pre></div>`
/// with the code in spans. Blocks in other languages, plain fences and blocks whose text holds
/// markup (a shortcode's HTML, raw HTML written to look like a code block) stay as they are.
struct CodeBlockHighlighter {
    var highlighter: CodeHighlighter

    init(lineNumbers: Bool) {
        highlighter = CodeHighlighter(lineNumbers: lineNumbers)
    }

    private static let opening = Array(#"<pre><code class="language-"#.utf8)
    private static let closing = Array("</code></pre>".utf8)

    /// `html` with its code blocks highlighted. Costs one memmem search when it has none; else
    /// the text around the blocks is copied as slices of `html` (no second UTF-8 validation of the
    /// page, which a String made from bytes would need).
    func highlight(_ html: String) -> String {
        var html = html
        let blocks = html.withUTF8 { bytes -> [(range: Range<Int>, html: String)] in
            var blocks: [(range: Range<Int>, html: String)] = []
            var from = 0
            while let start = Self.find(Self.opening, Self.openingShifts, in: bytes, from: from) {
                from = start + Self.opening.count
                guard let block = block(in: bytes, at: start) else { continue }
                blocks.append((start..<block.end, String(decoding: block.html, as: UTF8.self)))
                from = block.end
            }
            return blocks
        }
        guard !blocks.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + blocks.reduce(0) { $0 + $1.html.utf8.count - $1.range.count })
        let utf8 = html.utf8
        var copied = utf8.startIndex
        for block in blocks {
            let start = utf8.index(utf8.startIndex, offsetBy: block.range.lowerBound)
            result += html[copied..<start]
            result += block.html
            copied = utf8.index(utf8.startIndex, offsetBy: block.range.upperBound)
        }
        result += html[copied...]
        return result
    }

    /// The highlighted form of the code block at `start` and the index after its `</pre>`; nil
    /// when it is not one to highlight.
    private func block(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (html: [UInt8], end: Int)? {
        let nameStart = start + Self.opening.count
        var nameEnd = nameStart
        while nameEnd < bytes.count, bytes[nameEnd] != UInt8(ascii: "\"") {
            // Letters, digits, `+`, `-`, `_`, `#`, `.`: names with markup or entities are not known.
            guard bytes[nameEnd] != UInt8(ascii: "&"), bytes[nameEnd] != UInt8(ascii: "<") else { return nil }
            nameEnd += 1
        }
        let codeStart = nameEnd + 2
        guard codeStart <= bytes.count, bytes[nameEnd + 1] == UInt8(ascii: ">") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
        guard CodeHighlighter.knows(name),
              let codeEnd = Self.find(Self.closing, Self.closingShifts, in: bytes, from: codeStart),
              let code = Self.unescape(UnsafeBufferPointer(rebasing: bytes[codeStart..<codeEnd])),
              let inner = highlighter.highlight(code, language: name)
        else { return nil }
        var html: [UInt8] = []
        html.reserveCapacity(inner.count + 120)
        html.append(contentsOf: #"<div class="highlight"><pre tabindex="0"><code class="language-"#.utf8)
        html.append(contentsOf: name.utf8)
        html.append(contentsOf: #"" data-lang=""#.utf8)
        html.append(contentsOf: name.utf8)
        html.append(contentsOf: #"">"#.utf8)
        html.append(contentsOf: inner)
        html.append(contentsOf: "</code></pre></div>".utf8)
        return (html, codeEnd + Self.closing.count)
    }

    /// The code as written: cmark-gfm's escapes undone. nil when the text holds a tag or an
    /// entity cmark does not write (it is not a code block as cmark renders one).
    static func unescape(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "<") { return nil }
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                index += 1
                continue
            }
            let rest = UnsafeBufferPointer(rebasing: text[index...])
            guard let entity = entities.first(where: { rest.starts(with: $0.name) }) else { return nil }
            let (decoded, length) = (entity.byte, entity.name.count)
            out.append(decoded)
            index += length
        }
        return out
    }

    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&#39;", "'"),
    ].map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }

    /// The index of the first `needle` in `bytes` at or after `from`: Horspool's search, which
    /// looks at about one byte in 27 for the opening tag (a memchr for the first byte would stop at every tag).
    private static func find(_ needle: [UInt8], _ skip: [Int], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let last = needle.count - 1
        var position = from
        while position + last < bytes.count {
            let byte = bytes[position + last]
            if byte == needle[last] {
                var index = last - 1
                while index >= 0, bytes[position + index] == needle[index] { index -= 1 }
                if index < 0 { return position }
            }
            position += skip[Int(byte)]
        }
        return nil
    }

    /// Horspool's shifts for `needle`, by the byte under its last position.
    private static func shifts(_ needle: [UInt8]) -> [Int] {
        var skip = Array(repeating: needle.count, count: 256)
        for (index, byte) in needle.dropLast().enumerated() { skip[Int(byte)] = needle.count - 1 - index }
        return skip
    }

    private static let openingShifts = shifts(opening)
    private static let closingShifts = shifts(closing)
}
