/// Hugo's table of contents: a tree built from every heading of the page, written as nested
/// lists for a range of levels, byte for byte as Hugo's `tableofcontents.Root.ToHTML` does
/// (including the empty `<li>` Hugo writes for a skipped level).
struct TableOfContents {
    struct Entry {
        var id = ""
        /// The heading's inner HTML.
        var html = ""
        var isEmpty = true
        var children: [Entry] = []
    }

    private(set) var rows: [Entry] = []
    private var row = -1

    /// Adds headings in document order.
    mutating func add(level: Int, id: String, html: String) {
        if level == 1 || row == -1 { row += 1 }
        add(Entry(id: id, html: html, isEmpty: false), row: row, depth: level - 1)
    }

    private mutating func add(_ entry: Entry, row: Int, depth: Int) {
        while rows.count <= row { rows.append(Entry()) }
        if depth == 0 {
            rows[row] = entry
            return
        }
        Self.append(entry, to: &rows[row], depth: depth)
    }

    private static func append(_ entry: Entry, to parent: inout Entry, depth: Int) {
        if depth <= 1 {
            parent.children.append(entry)
            return
        }
        if parent.children.isEmpty { parent.children.append(Entry()) }
        append(entry, to: &parent.children[parent.children.count - 1], depth: depth - 1)
    }

    /// `<nav id="TableOfContents">…</nav>` for `startLevel...stopLevel` (`stopLevel` -1: no limit).
    func html(startLevel: Int, stopLevel: Int, ordered: Bool = false) -> String {
        var writer = Writer(startLevel: startLevel, stopLevel: stopLevel, ordered: ordered)
        writer.output += "<nav id=\"TableOfContents\">"
        writer.writeHeadings(level: 1, indent: 0, rows)
        writer.output += "</nav>"
        return writer.output
    }

    private struct Writer {
        let startLevel: Int
        let stopLevel: Int
        let ordered: Bool
        var output = ""

        mutating func writeHeadings(level: Int, indent: Int, _ entries: [Entry]) {
            if level < startLevel {
                for entry in entries { writeHeadings(level: level + 1, indent: indent, entry.children) }
                return
            }
            if stopLevel != -1 && level > stopLevel { return }
            let hasChildren = !entries.isEmpty
            if hasChildren {
                output += "\n"
                writeIndent(indent + 1)
                output += ordered ? "<ol>\n" : "<ul>\n"
            }
            for entry in entries { writeHeading(level: level + 1, indent: indent + 2, entry) }
            if hasChildren {
                writeIndent(indent + 1)
                output += ordered ? "</ol>" : "</ul>"
                output += "\n"
                writeIndent(indent)
            }
        }

        mutating func writeHeading(level: Int, indent: Int, _ entry: Entry) {
            writeIndent(indent)
            output += "<li>"
            if !entry.isEmpty {
                output += "<a href=\"#\(entry.id)\">\(entry.html)</a>"
            }
            writeHeadings(level: level, indent: indent, entry.children)
            output += "</li>\n"
        }

        mutating func writeIndent(_ count: Int) {
            for _ in 0..<max(0, count) { output += "  " }
        }
    }
}
