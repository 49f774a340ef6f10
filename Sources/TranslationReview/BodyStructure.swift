import MarkdownRendering

/// A rendered body cut into sections (by `h1`–`h3` headings at the top level), with the
/// items of each section that translations are compared by, and the relative links and
/// images resolved against the page's URL (so the body can be shown on another page).
struct BodyStructure: Sendable {
    var html: String
    var sections: [BodySection]
    /// Relative `href`/`src` values (by their range in `html`) and the site path they lead to.
    var rewrites: [(range: Range<Int>, value: String)]

    init(html: String, pageURL: String, links: LinkNormalizer) {
        self.html = html
        let bytes = Array(html.utf8)
        var builder = Builder(bytes: bytes, pageURL: pageURL, links: links)
        for token in HTMLTagScanner.tokens(bytes) { builder.take(token) }
        builder.finish()
        sections = builder.sections.filter { $0.level > 0 || $0.hasContent }
        rewrites = builder.rewrites
    }

    /// Walks the tokens once, keeping the open elements.
    private struct Builder {
        let bytes: [UInt8]
        let pageURL: String
        let links: LinkNormalizer
        var sections: [BodySection] = [BodySection(level: 0, heading: "", headingTag: nil, range: 0..<0)]
        var rewrites: [(range: Range<Int>, value: String)] = []
        var stack: [String] = []
        /// Text being collected for a heading or an item's label, until the element at
        /// `depth` closes.
        var captures: [Capture] = []
        /// The open `<pre>` item (its label waits for the code's language and first line).
        var openCode: (section: Int, item: Int, language: String?)?
        var openTable: (section: Int, item: Int, columns: Int, done: Bool)?

        struct Capture {
            enum Target {
                case sectionHeading
                case itemLabel(Int, prefix: String)
                case code(Int)
            }

            var target: Target
            /// The section the heading or item is in.
            var section: Int
            var depth: Int
            var text = ""
        }

        init(bytes: [UInt8], pageURL: String, links: LinkNormalizer) {
            self.bytes = bytes
            self.pageURL = pageURL
            self.links = links
        }

        var current: BodySection {
            get { sections[sections.count - 1] }
            set { sections[sections.count - 1] = newValue }
        }

        mutating func add(_ item: StructureItem) -> Int {
            current.items.append(item)
            current.hasContent = true
            return current.items.count - 1
        }

        mutating func take(_ token: HTMLToken) {
            switch token.kind {
            case .open: open(token)
            case .close: close(token)
            case .text: text(token)
            case .other: break
            }
        }

        mutating func open(_ token: HTMLToken) {
            let depth = stack.count
            let name = token.name
            for attribute in token.attributes where attribute.name == "href" || attribute.name == "src" {
                if let range = attribute.valueRange, let resolved = LinkNormalizer.resolve(attribute.value, pageURL: pageURL) {
                    rewrites.append((range, resolved))
                }
            }
            if let level = Self.headingLevel(name) {
                if depth == 0 && level <= 3 {
                    current.range = current.range.lowerBound..<token.range.lowerBound
                    sections.append(BodySection(
                        level: level, heading: "", headingTag: token.range, range: token.range.lowerBound..<token.range.lowerBound))
                    captures.append(Capture(target: .sectionHeading, section: sections.count - 1, depth: depth))
                } else {
                    let index = add(StructureItem(kind: .heading, key: name, label: name, range: token.range))
                    captures.append(Capture(target: .itemLabel(index, prefix: name + " "), section: sections.count - 1, depth: depth))
                }
            }
            switch name {
            case "details":
                let classes = (token.attribute("class")?.value ?? "").split(separator: " ").map(String.init)
                if let position = classes.firstIndex(of: "admonition") {
                    let type = classes.dropFirst(position + 1).first ?? "admonition"
                    _ = add(StructureItem(kind: .admonition, key: type, label: type, range: token.range))
                }
            case "summary":
                if let last = current.items.indices.last, current.items[last].kind == .admonition,
                   current.items[last].label == current.items[last].key {
                    captures.append(Capture(
                        target: .itemLabel(last, prefix: current.items[last].key + " "), section: sections.count - 1, depth: depth))
                }
            case "a":
                if let href = token.attribute("href") {
                    let target = HTMLEscaping.unescape(href.value)
                    _ = add(StructureItem(kind: .link, key: links.key(target, pageURL: pageURL), label: target, range: token.range))
                }
            case "img":
                if let source = token.attribute("src") {
                    let target = HTMLEscaping.unescape(source.value)
                    _ = add(StructureItem(kind: .image, key: links.key(target, pageURL: pageURL), label: target, range: token.range))
                }
            case "pre":
                let index = add(StructureItem(kind: .codeBlock, key: "pre", label: "code block", range: token.range))
                openCode = (sections.count - 1, index, nil)
                captures.append(Capture(target: .code(index), section: sections.count - 1, depth: depth))
            case "code":
                if stack.last == "pre", let code = openCode, code.language == nil {
                    let classes = (token.attribute("class")?.value ?? "").split(separator: " ")
                    if let language = classes.first(where: { $0.hasPrefix("language-") }) {
                        openCode = (code.section, code.item, String(language.dropFirst("language-".count)))
                    }
                }
            case "table":
                let index = add(StructureItem(kind: .table, key: "table", label: "table", range: token.range))
                openTable = (sections.count - 1, index, 0, false)
            case "th", "td":
                if var table = openTable, !table.done {
                    table.columns += 1
                    openTable = table
                }
            default:
                break
            }
            if !token.isVoid { stack.append(name) }
        }

        mutating func close(_ token: HTMLToken) {
            guard let position = stack.lastIndex(of: token.name) else { return }
            stack.removeSubrange(position...)
            if token.name == "tr", var table = openTable, !table.done {
                table.done = true
                openTable = table
                sections[table.section].items[table.item].label = "table, \(table.columns) column\(table.columns == 1 ? "" : "s")"
            }
            while let capture = captures.last, stack.count <= capture.depth {
                captures.removeLast()
                finish(capture)
            }
        }

        mutating func finish(_ capture: Capture) {
            let text = Self.collapse(capture.text)
            switch capture.target {
            case .sectionHeading:
                sections[capture.section].heading = text
            case .itemLabel(let index, let prefix):
                sections[capture.section].items[index].label = prefix + "“\(text)”"
            case .code(let index):
                let language = openCode?.section == capture.section && openCode?.item == index ? openCode?.language : nil
                let firstLine = capture.text.split(separator: "\n").first.map { Self.collapse(String($0)) } ?? ""
                let shown = firstLine.count > 40 ? String(firstLine.prefix(40)) + "…" : firstLine
                sections[capture.section].items[index].label = (language.map { "\($0): " } ?? "") + shown
                openCode = nil
            }
        }

        mutating func text(_ token: HTMLToken) {
            let raw = String(decoding: bytes[token.range], as: UTF8.self)
            if !captures.isEmpty {
                let decoded = HTMLEscaping.unescape(raw)
                for index in captures.indices { captures[index].text += decoded }
            }
            if raw.contains(where: { !$0.isWhitespace }) { current.hasContent = true }
            for value in ValueToken.find(in: raw) {
                let kind: TranslationDifference.Kind = value.category == .date ? .date : .version
                let label = value.category == .date && value.text != value.key ? "\(value.text) (\(value.key))" : value.text
                let start = token.range.lowerBound + value.range.lowerBound
                _ = add(StructureItem(
                    kind: kind, key: value.key, label: label,
                    range: start..<(token.range.lowerBound + value.range.upperBound), isText: true))
            }
        }

        mutating func finish() {
            while let capture = captures.popLast() { finish(capture) }
            current.range = current.range.lowerBound..<bytes.count
        }

        static func headingLevel(_ name: String) -> Int? {
            guard name.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()), (1...6).contains(level) else { return nil }
            return level
        }

        static func collapse(_ text: String) -> String {
            text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }
}
