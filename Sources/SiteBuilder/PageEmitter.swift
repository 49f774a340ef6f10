import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore
import Templates

/// A file the emit stage made, or why it could not.
enum Emitted: Sendable {
    case file(OutputFile)
    case problem(Diagnostic)
}

/// The emit stage for one rendered page: its own HTML file (through the theme's `single`
/// template), and what the lists and feeds need of it later — made once here and reused on
/// every list, term page and feed the page appears on.
struct PageEmitter: Sendable {
    let site: LinkedSite
    let templates: TemplateData

    /// What lists and feeds keep of a page once its HTML is written (the body itself is not
    /// kept: at 10,000 posts that would be every page's HTML at once).
    struct ListEntry: Sendable {
        /// The page in a list (`summaries` partial, archive).
        var summary: TemplateValue
        /// The page's `<item>…</item>` in every feed it appears in.
        var feedItemXML: String
        /// Of `_index.md` pages: the body, which introduces their list. "" for others.
        var contentHTML: String
        var date: ContentDate?
    }

    /// The page's HTML file, or the problem when the theme cannot render it; nil for pages
    /// that are not written on their own (list pages, the second page with one URL).
    func single(_ rendered: RenderedPage, summary: [String: TemplateValue]) -> Emitted? {
        let page = site.pages[rendered.index]
        guard site.isWritten[rendered.index] else { return nil }
        let context = templates.pageContext(page, index: rendered.index, body: rendered.body, summary: summary)
        guard let data = site.theme.renderData("single", context) else {
            return .problem(Diagnostic(
                .error, code: "template.missing",
                message: "the theme has no 'single' template (layouts/single.mustache)",
                location: SourceLocation(path: page.file.displayPath)))
        }
        return .file(OutputFile(path: page.outputPath, content: .data(data)))
    }

    /// What lists and feeds need of the page.
    func listEntry(_ rendered: RenderedPage, summary: [String: TemplateValue]) -> ListEntry {
        let page = site.pages[rendered.index]
        guard page.isRegular else {
            return ListEntry(summary: .bool(false), feedItemXML: "", contentHTML: rendered.body.html, date: page.displayDate)
        }
        return ListEntry(
            summary: TemplateData.object(summary), feedItemXML: feedItem(page, rendered: rendered),
            contentHTML: "", date: page.displayDate)
    }

    /// The page as an RSS item, links made absolute (feed readers show it away from the site).
    private func feedItem(_ page: Page, rendered: RenderedPage) -> String {
        let permalink = site.absoluteLink(page.relativeURL)
        let summary = TemplateData.summaryHTML(page, body: rendered.feed.summaryHTML)
        let params = site.config.language(page.language)?.params ?? site.config.params
        let fullText = params.lookup("feed.fullText")?.boolValue ?? false
        return RSSFeed.Item(
            title: page.metadata.title, link: permalink, date: page.displayDate,
            descriptionHTML: AbsoluteLinks.rewrite(summary, base: permalink),
            contentHTML: fullText ? AbsoluteLinks.rewrite(rendered.feed.html, base: permalink) : nil,
            categories: page.metadata.categories + page.metadata.tags, author: page.metadata.author
        ).xml
    }
}
