import CCmarkGFM
import Foundation

/// Brings cmark-gfm's extended autolinks (linkify) in line with Hugo's goldmark:
/// - `www.` links get `https://`, Hugo's default `linkifyProtocol` (cmark writes `http://`);
/// - a link that ends in `\` right before a line break does not swallow the backslash: the
///   backslash and the break make a hard line break, as CommonMark reads them.
enum AutolinkFixer {
    /// `links`: the document's link nodes (`CmarkDocument.Inventory.links`).
    static func fix(_ links: [OpaquePointer]) {
        for link in links {
            guard let text = cmark_node_first_child(link), text == cmark_node_last_child(link),
                  CmarkDocument.type(of: text) == CMARK_NODE_TEXT,
                  let literalPointer = cmark_node_get_literal(text),
                  let urlPointer = cmark_node_get_url(link)
            else { continue }
            // Compared as C strings first: most links are written ones, `[text](url)`, and are
            // left alone without making Strings of them.
            let isWWW = strncmp(urlPointer, "http://", 7) == 0 && strcmp(urlPointer + 7, literalPointer) == 0
            guard isWWW || strcmp(urlPointer, literalPointer) == 0
                || strncmp(urlPointer, "mailto:", 7) == 0 && strcmp(urlPointer + 7, literalPointer) == 0
            else { continue }
            let literal = String(cString: literalPointer)
            let url = String(cString: urlPointer)
            var newLiteral = literal
            var newURL = url
            if literal.hasSuffix("\\"), url.hasSuffix("\\"), let next = cmark_node_next(link),
               CmarkDocument.type(of: next) == CMARK_NODE_SOFTBREAK,
               let lineBreak = cmark_node_new(CMARK_NODE_LINEBREAK) {
                newLiteral.removeLast()
                newURL.removeLast()
                CmarkDocument.replace(next, with: lineBreak)
            }
            if isWWW { newURL = "https://" + newLiteral }
            if newLiteral != literal { CmarkDocument.setLiteral(text, newLiteral) }
            if newURL != url { _ = cmark_node_set_url(link, newURL) }
        }
    }
}
