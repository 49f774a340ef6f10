import CCmarkGFM
import CCmarkGate
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed cmark-gfm document: owns its parser (whose extension list the HTML renderer needs)
/// and its node tree, and frees both when it goes away.
///
/// Not `Sendable`: one document belongs to one render call. Documents are parsed and rendered
/// on many threads at once; only `cmark_parser_finish` runs inside the gate of
/// `CmarkConcurrency` (with parsers of the same extension set, or alone).
public final class CmarkDocument {
    private static let extensionsRegistered: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// A bit for each core extension, by address: a parser's gate key is the set of its
    /// attached extensions (the same set, the same special characters).
    private static let extensionBits: [(address: UInt, bit: UInt64)] = {
        _ = extensionsRegistered
        let names = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
        return names.enumerated().compactMap { index, name in
            guard let syntax = cmark_find_syntax_extension(name) else { return nil }
            return (UInt(bitPattern: Int(bitPattern: syntax)), UInt64(1) << UInt64(index))
        }
    }()

    private let parser: OpaquePointer
    let root: OpaquePointer
    let options: Int32

    init(markdown: String, options: Int32, extensions: [String]) {
        _ = CmarkConcurrency.mode  // the self-test, once, before the first parse
        self.options = options
        (parser, root) = Self.parse(markdown, options: options, extensions: extensions)
        cmark_consolidate_text_nodes(root)
    }

    /// A parser with `extensions` attached, fed `markdown` and finished (the finish in the gate).
    private static func parse(_ markdown: String, options: Int32, extensions: [String]) -> (parser: OpaquePointer, root: OpaquePointer) {
        _ = extensionsRegistered
        let parser = cmark_parser_new(options)!
        var key: UInt64 = 0
        for name in extensions {
            guard let syntax = cmark_find_syntax_extension(name) else { continue }
            cmark_parser_attach_syntax_extension(parser, syntax)
            let address = UInt(bitPattern: Int(bitPattern: syntax))
            // An extension registered by someone else: its parsers share the gate with no one.
            key |= extensionBits.first { $0.address == address }?.bit ?? CHRONICLE_CMARK_GATE_EXCLUSIVE
        }
        var text = markdown
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        let gate = chronicle_cmark_gate_shared()
        chronicle_cmark_gate_enter(gate, key)
        let root = cmark_parser_finish(parser)!
        chronicle_cmark_gate_leave(gate)
        return (parser, root)
    }

    /// `markdown` as HTML, for `CmarkConcurrency`'s self-test (which runs before the first
    /// document is made, so it cannot make one).
    static func selfTestHTML(_ markdown: String, extensions: [String]) -> String {
        let (parser, root) = parse(markdown, options: Int32(CMARK_OPT_DEFAULT), extensions: extensions)
        defer {
            cmark_node_free(root)
            cmark_parser_free(parser)
        }
        guard let html = cmark_render_html(root, Int32(CMARK_OPT_DEFAULT), cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Calls `body` with the document's HTML as UTF-8 bytes (cmark's own buffer, freed after:
    /// no String is made of it). Safe to call from several threads for different documents.
    func withRenderedHTML<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(root, options, extensions) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { free(html) }
        return html.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: strlen(html)))
        }
    }

    /// The document as HTML. Safe to call from several threads for different documents.
    public func renderHTML() -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(root, options, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    // MARK: - Tree access for the renderer

    static func type(of node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    static func literal(of node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    static func setLiteral(_ node: OpaquePointer, _ text: String) {
        _ = cmark_node_set_literal(node, text)
    }

    static func parent(of node: OpaquePointer) -> OpaquePointer? { cmark_node_parent(node) }
    static func firstChild(of node: OpaquePointer) -> OpaquePointer? { cmark_node_first_child(node) }
    static func url(of node: OpaquePointer) -> String? { cmark_node_get_url(node).map { String(cString: $0) } }

    /// One node and its children as HTML (an image: its `<img … />` tag).
    func renderHTML(of node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Puts `child` last inside `parent`; when cmark refuses, `child` is freed.
    @discardableResult
    static func append(_ child: OpaquePointer, to parent: OpaquePointer) -> Bool {
        guard cmark_node_append_child(parent, child) != 0 else {
            cmark_node_free(child)
            return false
        }
        return true
    }
    static func lastChild(of node: OpaquePointer) -> OpaquePointer? { cmark_node_last_child(node) }
    static func headingLevel(of node: OpaquePointer) -> Int { Int(cmark_node_get_heading_level(node)) }
    static func startLine(of node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
    static func startColumn(of node: OpaquePointer) -> Int { Int(cmark_node_get_start_column(node)) }
    static func endLine(of node: OpaquePointer) -> Int { Int(cmark_node_get_end_line(node)) }

    /// A custom inline node whose text cmark prints verbatim (also without UNSAFE).
    static func makeCustomInline(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        _ = cmark_node_set_on_enter(node, text)
        _ = cmark_node_set_on_exit(node, "")
        return node
    }

    /// A custom block node whose text cmark prints verbatim on a line of its own.
    static func makeCustomBlock(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        _ = cmark_node_set_on_enter(node, text)
        _ = cmark_node_set_on_exit(node, "")
        return node
    }

    /// Puts `child` first inside `parent`; when cmark refuses (the parent cannot hold it), `child`
    /// is freed, since no tree owns it (FuzzPage found such leaks).
    @discardableResult
    static func prepend(_ child: OpaquePointer, to parent: OpaquePointer) -> Bool {
        guard cmark_node_prepend_child(parent, child) != 0 else {
            cmark_node_free(child)
            return false
        }
        return true
    }

    /// Puts `replacement` where `node` was and frees `node`; when cmark refuses, `node` stays
    /// and `replacement` is freed.
    @discardableResult
    static func replace(_ node: OpaquePointer, with replacement: OpaquePointer) -> Bool {
        guard cmark_node_replace(node, replacement) != 0 else {
            cmark_node_free(replacement)
            return false
        }
        cmark_node_free(node)
        return true
    }
}

extension CmarkDocument {
    /// What the renderer looks for in a parsed tree, found in one walk (four walks cost as
    /// much as a tenth of cmark's parse).
    struct Inventory {
        /// Links, headings, and raw HTML blocks and inlines, in document order.
        var links: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        var html: [OpaquePointer] = []
        /// Images (not those in another image's alt text), and task list items (`- [ ] …`), in document order.
        var images: [OpaquePointer] = []
        var taskItems: [OpaquePointer] = []
        /// How deep block quotes, lists, emphasis and links nest at most (a deeply nested
        /// document renders, but no author means 10,000 levels).
        var maximumNesting = 0
    }

    /// cmark-gfm's task list extension, whose items render `<li><input type="checkbox" …`.
    nonisolated(unsafe) static let tasklist: OpaquePointer? = {
        _ = extensionsRegistered
        return cmark_find_syntax_extension("tasklist")
    }()

    /// Walks the tree once. Take it before changing the tree: the steps that change it (links
    /// fixed, heading markers, the summary marker) only touch nodes of their own list.
    func inventory() -> Inventory {
        var inventory = Inventory()
        guard let iterator = cmark_iter_new(root) else { return inventory }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        var imageDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if event == CMARK_EVENT_ENTER {
                    depth += 1
                    inventory.maximumNesting = max(inventory.maximumNesting, depth)
                    if type == CMARK_NODE_LINK { inventory.links.append(node) }
                    if type == CMARK_NODE_IMAGE {
                        // An image in another's alt text is part of that one's tag.
                        if imageDepth == 0 { inventory.images.append(node) }
                        imageDepth += 1
                    }
                } else if event == CMARK_EVENT_EXIT {
                    depth -= 1
                    if type == CMARK_NODE_IMAGE { imageDepth -= 1 }
                }
            case CMARK_NODE_HEADING:
                if event == CMARK_EVENT_ENTER { inventory.headings.append(node) }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if event == CMARK_EVENT_ENTER { inventory.html.append(node) }
            case CMARK_NODE_ITEM:
                if event == CMARK_EVENT_ENTER, let tasklist = Self.tasklist, cmark_node_get_syntax_extension(node) == tasklist {
                    inventory.taskItems.append(node)
                }
            default:
                break
            }
        }
        return inventory
    }
}
