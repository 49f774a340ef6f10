import SiteCore

/// Turns a page body into Markdown text and shortcode calls (DESIGN.md §6), reporting every
/// problem and going on after each.
///
/// Diagnostics, all errors, at the opening `{{` of the tag concerned:
/// - `shortcode.unknown`: a name the catalog does not know; the call (with its inner content)
///   is left out of the nodes and listed in `unknown`.
/// - `shortcode.unclosed`: a `paired` shortcode without its closing tag; it becomes a call
///   without inner content and what followed it stays in place.
/// - `shortcode.mismatched`: a closing tag that closes nothing open, or does not match the
///   shortcode that is open; it is dropped.
/// - `shortcode.unexpected-close`: a closing tag of a `standalone` shortcode when none is open.
/// - `shortcode.syntax`: a tag without its `>}}`, an unbalanced quote, a tag without a name.
/// - `shortcode.argument`: named and positional arguments mixed, a bad argument name, a name
///   without a value.
/// - `shortcode.nesting`: shortcodes nested more than `maximumDepth` deep (once per file); the
///   deeper tags stay text, so rendering never recurses without bound.
public enum ShortcodeParser {
    /// How deep shortcodes may nest.
    public static let maximumDepth = 100

    public struct Result: Sendable {
        public var nodes: [BodyNode]
        /// Calls of shortcodes the catalog does not know; they are not in `nodes`.
        public var unknown: [ShortcodeCall]
        public var diagnostics: [Diagnostic]
    }

    /// Parses `body`, which starts at UTF-8 offset `bodyOffset` of `source.text`. Offsets in
    /// the result are offsets into `source.text`.
    public static func parse(
        _ body: String, bodyOffset: Int = 0, source: SourceFile,
        catalog: ShortcodeCatalog = .builtIn, lineIndex: LineIndex? = nil
    ) -> Result {
        let bytes = Array(body.utf8)
        let (lexemes, problems) = ShortcodeLexer.lex(bytes, baseOffset: bodyOffset)
        var builder = TreeBuilder(text: body, bytes: bytes, baseOffset: bodyOffset, catalog: catalog)
        for case .tag(let tag) in lexemes where tag.role == .close { builder.closedNames.insert(tag.name) }
        for problem in problems {
            builder.report(problem.code, problem.message, at: problem.offset)
        }
        for lexeme in lexemes { builder.add(lexeme) }
        builder.finish()

        var diagnostics: [Diagnostic] = []
        if !builder.problems.isEmpty {
            let index = lineIndex ?? LineIndex(source.text)
            diagnostics = builder.problems.map {
                index.diagnostic(.error, code: $0.code, message: $0.message, path: source.path, offset: bodyOffset + $0.offset)
            }
        }
        return Result(nodes: builder.root, unknown: builder.unknown, diagnostics: diagnostics)
    }
}

/// Nests tags into calls with a stack of open shortcodes.
private struct TreeBuilder {
    struct Frame {
        var tag: ShortcodeTag
        var nodes: [BodyNode] = []
        /// `either` or unknown: without a closing tag it is simply a call without inner content.
        var tentative: Bool
        var unknown: Bool
    }

    /// The body, and its bytes.
    let text: String
    let bytes: [UInt8]
    let baseOffset: Int
    let catalog: ShortcodeCatalog
    var root: [BodyNode] = []
    var unknown: [ShortcodeCall] = []
    var problems: [ShortcodeProblem] = []
    var stack: [Frame] = []
    /// Names that have a closing tag somewhere in the body: only those can pair.
    var closedNames: Set<String> = []
    /// Per name, opening tags left as text for nesting too deep, whose closing tags go too.
    var tooDeep: [String: Int] = [:]
    var reportedDepth = false

    init(text: String, bytes: [UInt8], baseOffset: Int, catalog: ShortcodeCatalog) {
        self.text = text
        self.bytes = bytes
        self.baseOffset = baseOffset
        self.catalog = catalog
    }

    mutating func report(_ code: String, _ message: String, at offset: Int) {
        problems.append(ShortcodeProblem(code: code, message: message, offset: offset))
    }

    mutating func add(_ lexeme: ShortcodeLexeme) {
        switch lexeme {
        case .text(let start, let end):
            emit(.text(text.slice(utf8: start..<end), offset: baseOffset + start))
        case .literal(let text, let start):
            emit(.text(text, offset: baseOffset + start))
        case .tag(let tag):
            switch tag.role {
            case .open, .selfClosing: open(tag)
            case .close: close(tag)
            }
        }
    }

    private mutating func open(_ tag: ShortcodeTag) {
        let kind = catalog.kind(of: tag.name)
        if kind == nil {
            report("shortcode.unknown", "unknown shortcode '\(tag.name)'", at: tag.start)
        }
        if tag.role == .selfClosing {
            let paired = kind == .paired
            place(call(tag, inner: paired ? [] : nil, innerSource: paired ? "" : nil), unknown: kind == nil)
        } else if kind == .standalone || (kind != .paired && !closedNames.contains(tag.name)) {
            // Without a closing tag anywhere, an `either` or unknown shortcode stands alone.
            place(call(tag, inner: nil, innerSource: nil), unknown: kind == nil)
        } else if stack.count >= ShortcodeParser.maximumDepth {
            if !reportedDepth {
                report(
                    "shortcode.nesting",
                    "shortcodes nested more than \(ShortcodeParser.maximumDepth) deep; '\(tag.name)' and what it encloses are left as text",
                    at: tag.start)
                reportedDepth = true
            }
            tooDeep[tag.name, default: 0] += 1
            emit(.text(text.slice(utf8: tag.start..<tag.end), offset: baseOffset + tag.start))
        } else {
            stack.append(Frame(tag: tag, tentative: kind != .paired, unknown: kind == nil))
        }
    }

    private mutating func close(_ tag: ShortcodeTag) {
        if let skipped = tooDeep[tag.name], skipped > 0 {
            tooDeep[tag.name] = skipped - 1
            emit(.text(text.slice(utf8: tag.start..<tag.end), offset: baseOffset + tag.start))
        } else if let match = stack.lastIndex(where: { $0.tag.name == tag.name }) {
            while stack.count - 1 > match { unwind(stack.removeLast()) }
            let frame = stack.removeLast()
            let innerSource = text.slice(utf8: frame.tag.end..<tag.start)
            place(call(frame.tag, inner: frame.nodes, innerSource: innerSource), unknown: frame.unknown)
        } else if let open = stack.last(where: { !$0.tentative }) {
            report(
                "shortcode.mismatched",
                "closing tag '\(tag.closingText)' does not match open shortcode '\(open.tag.name)'", at: tag.start)
        } else if catalog.kind(of: tag.name) == .standalone {
            report(
                "shortcode.unexpected-close",
                "unexpected closing tag '\(tag.closingText)': shortcode '\(tag.name)' takes no closing tag",
                at: tag.start)
        } else {
            report(
                "shortcode.mismatched",
                "closing tag '\(tag.closingText)' has no matching opening tag", at: tag.start)
        }
    }

    mutating func finish() {
        while let frame = stack.popLast() { unwind(frame) }
        unknown.sort { $0.offset < $1.offset }
    }

    /// A shortcode whose closing tag never came: a call without inner content, followed by
    /// what was collected for it.
    private mutating func unwind(_ frame: Frame) {
        if !frame.tentative {
            report("shortcode.unclosed", "unclosed shortcode '\(frame.tag.name)'", at: frame.tag.start)
        }
        place(call(frame.tag, inner: nil, innerSource: nil), unknown: frame.unknown)
        for node in frame.nodes { emit(node) }
    }

    private mutating func place(_ call: ShortcodeCall, unknown isUnknown: Bool) {
        if isUnknown {
            unknown.append(call)
        } else {
            emit(.shortcode(call))
        }
    }

    private mutating func emit(_ node: BodyNode) {
        if stack.isEmpty {
            root.append(node)
        } else {
            stack[stack.count - 1].nodes.append(node)
        }
    }

    private func call(_ tag: ShortcodeTag, inner: [BodyNode]?, innerSource: String?) -> ShortcodeCall {
        ShortcodeCall(
            name: tag.name, arguments: tag.arguments, isMarkdownForm: tag.isMarkdownForm,
            inner: inner, innerSource: innerSource, offset: baseOffset + tag.start)
    }
}
