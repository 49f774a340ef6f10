import SiteCore

/// Placeholders that stand in for shortcodes while cmark runs. They are plain letters and
/// digits, so Markdown leaves them alone wherever they are (text, link targets, headings).
enum ShortcodeToken {
    static let prefix = "ZZCHRSC"
    static let suffix = "ZZ"
    private static let prefixBytes = Array(prefix.utf8)
    private static let suffixBytes = Array(suffix.utf8)

    static func token(_ number: Int) -> String { "\(prefix)\(number)\(suffix)" }

    /// Puts each shortcode's HTML back, in both forms when `feed` is set (else the feed form is
    /// the page form). A token alone in a paragraph replaces the whole `<p>…</p>` (as Hugo
    /// unwraps block shortcodes); anywhere else just the token is replaced.
    static func substitute(_ html: String, _ outputs: [Forms], feed: Bool) -> Forms {
        guard !outputs.isEmpty, ByteSearch.offset(of: prefix, in: html) != nil else { return Forms(html) }
        let twoForms = feed && outputs.contains { !$0.isSame }
        let bytes = Array(html.utf8)
        var page: [UInt8] = []
        var feedBytes: [UInt8] = []
        page.reserveCapacity(bytes.count + outputs.reduce(0) { $0 + $1.page.utf8.count })
        if twoForms { feedBytes.reserveCapacity(page.capacity) }
        var copied = 0
        var index = 0
        while let found = ByteSearch.index(of: prefixBytes[0], in: bytes, from: index) {
            guard let (number, end) = match(bytes, at: found), number < outputs.count else {
                index = found + 1
                continue
            }
            page.append(contentsOf: bytes[copied..<found])
            if twoForms { feedBytes.append(contentsOf: bytes[copied..<found]) }
            index = put(outputs[number], tokenEnd: end, in: bytes, page: &page, feed: &feedBytes, twoForms: twoForms)
            copied = index
        }
        page.append(contentsOf: bytes[copied...])
        let pageHTML = String(decoding: page, as: UTF8.self)
        guard twoForms else { return Forms(pageHTML) }
        feedBytes.append(contentsOf: bytes[copied...])
        return Forms(page: pageHTML, feed: String(decoding: feedBytes, as: UTF8.self))
    }

    /// Appends a shortcode's HTML for the token that ends at `end` in `source`, whose text before
    /// the token is already in `page` (and `feed` with `twoForms`). A token alone in a paragraph
    /// (`<p>` just written, `</p>` next) replaces the whole paragraph, as Hugo unwraps block
    /// shortcodes; anywhere else just the token. Returns where copying `source` resumes.
    static func put<Source: RandomAccessCollection<UInt8>>(
        _ output: Forms, tokenEnd end: Int, in source: Source, page: inout [UInt8], feed: inout [UInt8], twoForms: Bool
    ) -> Int where Source.Index == Int {
        let wrapped = !output.isInline && source[end...].starts(with: "</p>".utf8) && page.suffix(3).elementsEqual("<p>".utf8)
            && (!twoForms || feed.suffix(3).elementsEqual("<p>".utf8))
        guard wrapped else {
            page.append(contentsOf: output.page.utf8)
            if twoForms { feed.append(contentsOf: output.feed.utf8) }
            return end
        }
        page.removeLast(3)
        page.append(contentsOf: output.page.utf8)
        if twoForms {
            feed.removeLast(3)
            feed.append(contentsOf: output.feed.utf8)
        }
        // A shortcode that renders nothing leaves no empty line behind (decided by the page form,
        // so that both forms keep the same lines).
        let next = end + 4
        return output.page.isEmpty && next < source.endIndex && source[next] == UInt8(ascii: "\n") ? next + 1 : next
    }

    /// Removes tokens (for heading ids).
    static func strip(_ text: String) -> String {
        guard ByteSearch.offset(of: prefix, in: text) != nil else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == prefixBytes[0], let (_, end) = match(bytes, at: index) {
                index = end
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The token's number and the index after it, when a token starts at `start`.
    static func match<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> (Int, Int)? where Bytes.Index == Int {
        guard bytes[start...].starts(with: prefixBytes) else { return nil }
        var index = start + prefixBytes.count
        var number = 0
        let digitsStart = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - digitsStart < 9 {
            number = number * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > digitsStart, bytes[index...].starts(with: suffixBytes) else { return nil }
        return (number, index + suffixBytes.count)
    }
}
