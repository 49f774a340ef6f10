/// Turns cmark-gfm's HTML into the body's final forms in one pass over its bytes: each heading
/// marker becomes the heading's id attribute (`HeadingAnnotator`), and each shortcode token its
/// HTML (`ShortcodeToken`), in the page form and, when wanted, the feed form. One pass, one
/// String per form: the HTML is neither copied nor checked as UTF-8 once per step.
enum HTMLAssembler {
    struct Result {
        var forms: Forms
        /// Per heading mark: its inner HTML (shortcodes in their page form).
        var innerHTML: [String]
    }

    private static let markerStart = Array(HeadingAnnotator.markerStart.utf8)
    private static let markerEnd = Array(HeadingAnnotator.markerEnd.utf8)

    static func assemble(
        _ html: UnsafeBufferPointer<UInt8>, marks: [HeadingAnnotator.Mark], outputs: [Forms], feed: Bool
    ) -> Result {
        let twoForms = feed && outputs.contains { !$0.isSame }
        var page: [UInt8] = []
        var feedBytes: [UInt8] = []
        page.reserveCapacity(html.count + outputs.reduce(0) { $0 + $1.page.utf8.count } + marks.count * 24)
        if twoForms { feedBytes.reserveCapacity(page.capacity) }
        var inner = Array(repeating: "", count: marks.count)
        var copied = 0
        var index = 0
        // Heading markers start with U+E000's first byte, tokens with `Z`: only those bytes stop
        // the scan.
        let markerFirst: UInt8 = 0xEE, tokenFirst = UInt8(ascii: "Z")
        while let found = nextCandidate(in: html, from: index) {
            index = found
            let byte = html[index]
            if byte == markerFirst, let (number, contentStart) = heading(in: html, at: index), number < marks.count {
                let mark = marks[number]
                let openTag = Array("<h\(mark.level)>".utf8)
                copy(html, copied..<index, to: &page, and: &feedBytes, twoForms)
                copied = index
                if page.suffix(openTag.count).elementsEqual(openTag) && (!twoForms || feedBytes.suffix(openTag.count).elementsEqual(openTag)) {
                    let opening = HeadingAnnotator.openingTag(mark).utf8
                    page.removeLast(openTag.count)
                    page.append(contentsOf: opening)
                    if twoForms {
                        feedBytes.removeLast(openTag.count)
                        feedBytes.append(contentsOf: opening)
                    }
                    let closeTag = Array("</h\(mark.level)>".utf8)
                    if let close = firstIndex(of: closeTag, in: html, from: contentStart) {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: html[contentStart..<close]), as: UTF8.self)
                        inner[number] = ShortcodeToken.substitute(text, outputs, feed: false).page
                    }
                    index = contentStart
                    copied = contentStart
                    continue
                }
                index += 1
                continue
            }
            if byte == tokenFirst, let (number, end) = ShortcodeToken.match(html, at: index), number < outputs.count {
                copy(html, copied..<index, to: &page, and: &feedBytes, twoForms)
                index = ShortcodeToken.put(outputs[number], tokenEnd: end, in: html, page: &page, feed: &feedBytes, twoForms: twoForms)
                copied = index
                continue
            }
            index += 1
        }
        copy(html, copied..<html.count, to: &page, and: &feedBytes, twoForms)
        let pageHTML = String(decoding: page, as: UTF8.self)
        return Result(
            forms: twoForms ? Forms(page: pageHTML, feed: String(decoding: feedBytes, as: UTF8.self)) : Forms(pageHTML),
            innerHTML: inner)
    }

    /// The index of the next byte at or after `start` that may begin a heading marker (0xEE,
    /// U+E000's first byte) or a shortcode token (`Z`).
    private static func nextCandidate(in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let count = html.count
        while index < count {
            let byte = html[index]
            if byte == 0xEE || byte == UInt8(ascii: "Z") { return index }
            index += 1
        }
        return nil
    }

    /// Appends `html[range]` to the page bytes, and to the feed bytes when there are two forms.
    private static func copy(
        _ html: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to page: inout [UInt8], and feed: inout [UInt8], _ twoForms: Bool
    ) {
        guard !range.isEmpty else { return }
        let stretch = UnsafeBufferPointer(rebasing: html[range])
        page.append(contentsOf: stretch)
        if twoForms { feed.append(contentsOf: stretch) }
    }

    /// A heading marker at `index`: its number and the index after it.
    private static func heading(in html: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Int)? {
        guard html[index...].starts(with: markerStart) else { return nil }
        var cursor = index + markerStart.count
        var number = 0
        let digits = cursor
        while cursor < html.count, html[cursor] >= 0x30, html[cursor] <= 0x39, cursor - digits < 9 {
            number = number * 10 + Int(html[cursor] - 0x30)
            cursor += 1
        }
        guard cursor > digits, html[cursor...].starts(with: markerEnd) else { return nil }
        return (number, cursor + markerEnd.count)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
