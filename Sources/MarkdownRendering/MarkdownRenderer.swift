import CCmarkGFM
import ContentParsing

/// Turns Markdown into HTML with cmark-gfm, with the options Hugo's `[markup]` section sets:
/// tables, strikethrough, autolinks (linkify), task lists, footnotes, smart punctuation
/// (typographer) and raw HTML only when `unsafe` is set (otherwise cmark writes
/// `<!-- raw HTML omitted -->`, as Hugo does).
///
/// Parses and renders on many threads at once (see `CmarkConcurrency` for the one step of a parse
/// that cmark-gfm cannot run for two extension sets at once).
public struct MarkdownRenderer: Sendable {
    public var markup: MarkupConfig

    public init(markup: MarkupConfig = MarkupConfig()) {
        self.markup = markup
    }

    /// The cmark option bits for this configuration.
    public var cmarkOptions: Int32 {
        var options = Int32(CMARK_OPT_DEFAULT)
        if markup.unsafe { options |= Int32(CMARK_OPT_UNSAFE) }
        if markup.typographer { options |= Int32(CMARK_OPT_SMART) }
        if markup.footnote { options |= Int32(CMARK_OPT_FOOTNOTES) }
        // Table alignment as a style, as goldmark writes it for HTML5 (not the old align=).
        options |= Int32(CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES)
        return options
    }

    /// The cmark-gfm syntax extensions this configuration attaches.
    public var extensionNames: [String] {
        var names: [String] = []
        if markup.table { names.append("table") }
        if markup.strikethrough { names.append("strikethrough") }
        if markup.linkify { names.append("autolink") }
        if markup.taskList { names.append("tasklist") }
        return names
    }

    /// Parses Markdown into a document tree.
    public func parse(_ markdown: String) -> CmarkDocument {
        parseWithInventory(markdown).document
    }

    /// Parses Markdown, and returns with the tree what the renderer looks for in it (taken
    /// before any change, in one walk).
    func parseWithInventory(_ markdown: String) -> (document: CmarkDocument, inventory: CmarkDocument.Inventory) {
        let document = CmarkDocument(markdown: markdown, options: cmarkOptions, extensions: extensionNames)
        let inventory = document.inventory()
        if markup.linkify { AutolinkFixer.fix(inventory.links) }
        return (document, inventory)
    }

    /// Markdown to HTML, nothing added.
    public func renderHTML(_ markdown: String) -> String {
        parse(markdown).renderHTML()
    }
}
