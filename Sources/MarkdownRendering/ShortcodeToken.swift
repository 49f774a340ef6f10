/// Placeholders that stand in for shortcodes while cmark runs. They are plain letters and
/// digits, so Markdown leaves them alone wherever they are (text, link targets, headings).
enum ShortcodeToken {
    static let prefix = "ZZCHRSC"
    static let suffix = "ZZ"
    private static let prefixBytes = Array(prefix.utf8)
    private static let suffixBytes = Array(suffix.utf8)

    static func token(_ number: Int) -> String { "\(prefix)\(number)\(suffix)" }

    /// Puts each shortcode's HTML back. A token alone in a paragraph replaces the whole
    /// `<p>…</p>` (as Hugo unwraps block shortcodes); anywhere else just the token is replaced.
    static func substitute(_ html: String, _ outputs: [Int: String]) -> String {
        guard !outputs.isEmpty, ByteSearch.offset(of: prefix, in: html) != nil else { return html }
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + outputs.values.reduce(0) { $0 + $1.utf8.count })
        var index = 0
        while index < bytes.count {
            if bytes[index] == prefixBytes[0], let (number, end) = match(bytes, at: index),
               let output = outputs[number] {
                let wrapped = result.count >= 3 && result.suffix(3).elementsEqual("<p>".utf8)
                    && bytes[end...].starts(with: "</p>".utf8)
                if wrapped {
                    result.removeLast(3)
                    result.append(contentsOf: output.utf8)
                    index = end + 4
                    // A shortcode that renders nothing leaves no empty line behind.
                    if output.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                } else {
                    result.append(contentsOf: output.utf8)
                    index = end
                }
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Removes tokens (for heading ids).
    static func strip(_ text: String) -> String {
        guard text.contains(prefix) else { return text }
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
    private static func match(_ bytes: [UInt8], at start: Int) -> (Int, Int)? {
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
