import CodeHighlighting
import Foundation

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

    func highlight(_ html: String) -> String {
        guard ByteSearch.offset(of: #"<pre><code class="language-"#, in: html) != nil else { return html }
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2)
            var copied = 0
            var from = 0
            while let start = Self.find(Self.opening, in: bytes, from: from) {
                from = start + Self.opening.count
                guard let block = block(in: bytes, at: start) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                out.append(contentsOf: block.html)
                copied = block.end
                from = block.end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
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
              let codeEnd = Self.find(Self.closing, in: bytes, from: codeStart),
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
            guard let (decoded, length) = entities.first(where: { rest.starts(with: $0.name) }).map({ ($0.byte, $0.name.count) })
            else { return nil }
            out.append(decoded)
            index += length
        }
        return out
    }

    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&#39;", "'"),
    ].map { (Array($0.0.utf8), UInt8(ascii: $0.1)) }

    /// The index of the first `needle` in `bytes` at or after `from` (memchr, memcmp).
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var offset = from
        while bytes.count - offset >= needle.count {
            guard let hit = memchr(base + offset, Int32(first), bytes.count - offset - needle.count + 1) else { return nil }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, needle, needle.count) == 0 { return index }
            offset = index + 1
        }
        return nil
    }
}
