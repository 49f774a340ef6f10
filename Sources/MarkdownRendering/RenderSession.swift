import ContentParsing
import SiteCore

/// The state of one body render: the context and the diagnostics found so far. Belongs to one
/// `BodyRenderer.render` call.
final class RenderSession {
    let markdown: MarkdownRenderer
    let context: RenderContext
    let source: SourceFile
    /// Whether the feed form is wanted; when not, it is the page form and costs nothing.
    let wantsFeed: Bool
    private(set) var diagnostics: [Diagnostic] = []
    private var lineIndex: LineIndex?

    init(markdown: MarkdownRenderer, context: RenderContext, source: SourceFile, wantsFeed: Bool) {
        self.markdown = markdown
        self.context = context
        self.source = source
        self.wantsFeed = wantsFeed
    }

    /// Markdown text with a token for every shortcode, and each token's HTML in both forms.
    struct Prepared {
        var markdown: String
        var outputs: [Forms]

    }

    func report(_ severity: Severity, code: String, message: String, offset: Int) {
        if lineIndex == nil { lineIndex = LineIndex(source.text) }
        diagnostics.append(lineIndex!.diagnostic(
            severity, code: code, message: message, path: source.path, offset: offset))
    }

    /// Expands every shortcode of `nodes` and puts a token in its place. Tokens are numbered
    /// from 0 within each prepared text.
    func prepare(_ nodes: [BodyNode]) -> Prepared {
        var text = ""
        var outputs: [Forms] = []
        for node in nodes {
            switch node {
            case .text(let markdown, _):
                text += markdown
            case .shortcode(let call):
                let html = expand(call)
                text += ShortcodeToken.token(outputs.count)
                outputs.append(html)
            }
        }
        return Prepared(markdown: text, outputs: outputs)
    }

    /// Renders nodes as a Markdown document of their own (a shortcode's inner content): its
    /// headings get ids of their own, and `<!--more-->` in it is just a comment. One parse
    /// gives both forms: only the shortcodes inside differ between them.
    func renderFragment(_ nodes: [BodyNode]) -> Forms {
        let prepared = prepare(nodes)
        let (document, inventory) = markdown.parseWithInventory(prepared.markdown)
        var ids = HeadingIDGenerator()
        let marks = HeadingAnnotator.annotate(inventory.headings, markdown: prepared.markdown, ids: &ids)
        var outputs = prepared.outputs
        let taskLists = decorate(document, inventory, outputs: &outputs)
        let forms = document.withRenderedHTML {
            HTMLAssembler.assemble($0, marks: marks, outputs: outputs, feed: wantsFeed).forms
        }
        return taskLists ? TaskListItems.finish(forms, feed: wantsFeed) : forms
    }

    /// Markdown images and task list items in their forms for readers (`ImageTags`,
    /// `TaskListItems`): tokens in the tree, their HTML appended to `outputs`. True when the
    /// page form needs `TaskListItems.finish`.
    func decorate(_ document: CmarkDocument, _ inventory: CmarkDocument.Inventory, outputs: inout [Forms]) -> Bool {
        ImageTags.decorate(inventory.images, in: document, outputs: &outputs, session: self)
        return TaskListItems.decorate(inventory.taskItems, outputs: &outputs)
    }

    /// Nodes as written, with nested shortcodes expanded (Hugo's `.Inner` of `{{< >}}`).
    func expandRaw(_ nodes: [BodyNode]) -> Forms {
        var page = ""
        var feed = ""
        for node in nodes {
            switch node {
            case .text(let raw, _):
                page += raw
                feed += raw
            case .shortcode(let call):
                let html = expand(call)
                page += html.page
                feed += html.feed
            }
        }
        return Forms(page: page, feed: wantsFeed ? feed : page)
    }

    /// A Markdown snippet (a caption) as HTML without a lone `<p>` around it.
    func renderSnippet(_ text: String) -> String {
        HugoText.trimShortHTML(markdown.renderHTML(text))
    }

    /// One shortcode's HTML in both forms: on pages the theme's own template when it has one,
    /// else the built-in; feeds keep the built-ins' plain forms. Unknown ones render nothing
    /// (the parser has reported them).
    func expand(_ call: ShortcodeCall) -> Forms {
        let isBuiltIn = BuiltinShortcodes.names.contains(call.name)
        let themeFirst = isBuiltIn ? context.themeShortcodeNames.contains(call.name) : true
        var themed: String?
        var themedInner: Forms?
        if themeFirst {
            themedInner = call.inner.map {
                call.isMarkdownForm ? renderFragment($0).map(HugoText.trimShortHTML) : expandRaw($0)
            }
            themed = context.themeShortcode(call, themedInner?.page, context)
        }
        if let themed, !isBuiltIn {
            // Only the theme knows this shortcode: feeds get its output too, with the inner
            // content in its feed form.
            guard wantsFeed, let inner = themedInner, !inner.isSame else { return Forms(themed) }
            return Forms(page: themed, feed: context.themeShortcode(call, inner.feed, context) ?? themed)
        }
        guard isBuiltIn else { return .empty }
        BuiltinShortcodes.checkArguments(call, session: self)
        let builtIn: Forms
        switch call.name {
        case "admonition":
            builtIn = BuiltinShortcodes.admonition(call, session: self)
        case "youtube":
            builtIn = BuiltinShortcodes.youtube(call, session: self)
        case "figure":
            builtIn = BuiltinShortcodes.figure(call, session: self)
        case "ref", "relref":
            builtIn = Forms(BuiltinShortcodes.reference(call, absolute: call.name == "ref", session: self))
        default:
            builtIn = .empty
        }
        if let themed { return Forms(page: themed, feed: builtIn.feed) }
        return builtIn
    }
}

extension Forms {
    func map(_ transform: (String) -> String) -> Forms {
        let page = transform(self.page)
        return Forms(page: page, feed: isSame ? page : transform(feed))
    }
}

extension ShortcodeCall {
    /// A named argument, or else the positional one at `position`.
    func argument(_ name: String, position: Int) -> ShortcodeArgument? {
        if let named = named(name) { return named }
        let positional = positional
        return position < positional.count ? positional[position] : nil
    }

    /// The value of `argument(name, position)` when it is not empty.
    func value(_ name: String, position: Int? = nil) -> String? {
        let found = position.map { self.argument(name, position: $0) } ?? named(name)
        guard let value = found?.value, !value.isEmpty else { return nil }
        return value
    }
}
