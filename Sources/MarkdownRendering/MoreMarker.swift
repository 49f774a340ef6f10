import CCmarkGFM
import SiteCore

/// Hugo's summary divider `<!--more-->`. Only the first one at the top level of a body counts
/// (one inside a shortcode is rendered with the shortcode, as an ordinary comment). It is
/// replaced in the tree by a marker that never reaches the output, so it does not turn into
/// `<!-- raw HTML omitted -->` when `unsafe` is off.
enum MoreMarker {
    static let divider = "<!--more-->"
    static let marker = "\u{E002}"

    enum Placement {
        /// On a line of its own: the summary is everything before it.
        case block
        /// Inside a paragraph: the summary runs to the end of that paragraph.
        case inline
    }

    /// Replaces the first divider of the document with the marker.
    /// `html`: the document's raw HTML blocks and inlines (`CmarkDocument.Inventory.html`).
    static func mark(_ html: [OpaquePointer]) -> Placement? {
        for node in html {
            guard let literal = CmarkDocument.literal(of: node),
                  literal.trimmingGoWhitespace() == divider
            else { continue }
            if CmarkDocument.type(of: node) == CMARK_NODE_HTML_BLOCK {
                CmarkDocument.replace(node, with: CmarkDocument.makeCustomBlock(marker))
                return .block
            }
            CmarkDocument.replace(node, with: CmarkDocument.makeCustomInline(marker))
            return .inline
        }
        return nil
    }

    /// Splits rendered HTML at the marker: the body without it, the summary, and whether
    /// anything but white space follows the summary.
    static func split(_ html: String, placement: Placement) -> (body: String, summary: String, hasRest: Bool)? {
        guard let range = ByteSearch.range(of: marker, in: html) else { return nil }
        let before = html[..<range.lowerBound]
        var after = html[range.upperBound...]
        switch placement {
        case .block:
            if after.first == "\n" { after = after.dropFirst() }
            return (String(before) + after, before.trimmingGoWhitespace(), !after.isGoBlank)
        case .inline:
            var summary = String(before)
            var rest = after
            let afterOffset = html.utf8.distance(from: html.utf8.startIndex, to: after.startIndex)
            if let close = ByteSearch.range(of: "</p>", in: html, from: afterOffset) {
                summary += after[..<close.upperBound]
                rest = after[close.upperBound...]
            }
            return (String(before) + after, summary.trimmingGoWhitespace(), !rest.isGoBlank)
        }
    }
}
