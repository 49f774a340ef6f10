import MarkdownRendering

/// One section of a rendered body as the side-by-side view shows it: the real HTML, with
/// relative links and images pointing where they do on the page itself, and each
/// difference flagged in place (`⚠ 3` before an element only this language has, `≠ 4`
/// before one whose value differs; a version or date wrapped in `<mark>`), numbered as the
/// row's list of differences.
enum MarkedBody {
    static func html(_ structure: BodyStructure, section: BodySection, markers: [DifferenceMarker]) -> String {
        let bytes = Array(structure.html.utf8)
        let range = section.range
        var edits: [(start: Int, end: Int, text: String)] = []
        for rewrite in structure.rewrites where range.contains(rewrite.range.lowerBound) {
            edits.append((rewrite.range.lowerBound, rewrite.range.upperBound, rewrite.value))
        }
        // Marks on one place come once each (a difference marks each language at most once).
        for marker in markers where range.contains(marker.range.lowerBound) || (marker.range.isEmpty && marker.range.lowerBound == range.lowerBound) {
            let kind = marker.change == .onlyIn ? "tr-only" : "tr-differs"
            let flag = "<span class=\"tr-flag \(kind)\" title=\"\(HTMLEscaping.escape(marker.message))\">"
                + "\(marker.change == .onlyIn ? "⚠" : "≠") \(marker.number)</span>"
            if marker.isText {
                edits.append((marker.range.lowerBound, marker.range.lowerBound, "<mark class=\"tr-mark \(kind)\">"))
                edits.append((marker.range.upperBound, marker.range.upperBound, "</mark>" + flag))
            } else {
                edits.append((marker.range.lowerBound, marker.range.lowerBound, flag))
                if !marker.range.isEmpty {
                    // Outline the element itself: an attribute right after the tag name.
                    var nameEnd = marker.range.lowerBound + 1
                    while nameEnd < marker.range.upperBound, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                    edits.append((nameEnd, nameEnd, " data-tr=\"\(marker.change.rawValue)\""))
                }
            }
        }
        edits.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var output: [UInt8] = []
        output.reserveCapacity(range.count + edits.count * 80)
        var cursor = range.lowerBound
        for edit in edits where edit.start >= cursor && edit.end <= range.upperBound {
            output += bytes[cursor..<edit.start]
            output += Array(edit.text.utf8)
            cursor = edit.end
        }
        output += bytes[cursor..<range.upperBound]
        return String(decoding: output, as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
