import Foundation
import CCmarkGFM
/// Markdown images on pages: `decoding="async"`, and the image's `width`/`height` when the site
/// can read its file (so the page does not jump when it arrives). Feeds keep cmark's plain tag.
///
/// Each image node becomes a token (as a shortcode does) whose two forms are the tag cmark
/// writes for it, with and without the attributes: cmark still escapes the `src` and the alt
/// text, and still leaves out unsafe links.
enum ImageTags {
    /// Replaces the document's images by tokens numbered from `outputs.count`, and appends
    /// their HTML to `outputs`.
    static func decorate(
        _ images: [OpaquePointer], in document: CmarkDocument, outputs: inout [Forms], session: RenderSession
    ) {
        let shortcodes = outputs
        for image in images {
            var tag = document.renderHTML(of: image)
            guard tag.hasSuffix(" />") else { continue }
            let size = CmarkDocument.url(of: image).flatMap { session.context.imageSize($0) }
            tag.removeLast(3)
            var pageTag = tag
            // An image without alt text that is all of a link (`[![](logo.png)](https://…)`)
            // leaves the link without a name for screen readers: the page names it by the
            // link's host.
            if let link = CmarkDocument.parent(of: image), CmarkDocument.type(of: link) == CMARK_NODE_LINK,
               CmarkDocument.firstChild(of: link) == image, CmarkDocument.lastChild(of: link) == image,
               let range = pageTag.range(of: " alt=\"\""),
               let host = CmarkDocument.url(of: link).flatMap({ URLComponents(string: $0)?.host }), !host.isEmpty {
                pageTag.replaceSubrange(range, with: " alt=\"\(HTMLEscaping.escape(host))\"")
            }
            let page = pageTag + (size?.attributes ?? "") + " decoding=\"async\" />"
            var forms = Forms(page: page, feed: tag + " />")
            // A shortcode in the alt text (or the src) is put back here: the assembler does
            // not look inside a token's HTML.
            if !shortcodes.isEmpty {
                let page = ShortcodeToken.substitute(forms.page, shortcodes, feed: false).page
                let feed = ShortcodeToken.substitute(forms.feed, shortcodes, feed: session.wantsFeed)
                forms = Forms(page: page, feed: session.wantsFeed ? feed.feed : page)
            } else if !session.wantsFeed {
                forms = Forms(page)
            }
            forms.isInline = true
            let token = CmarkDocument.makeCustomInline(ShortcodeToken.token(outputs.count))
            guard CmarkDocument.replace(image, with: token) else { continue }
            outputs.append(forms)
        }
    }
}
