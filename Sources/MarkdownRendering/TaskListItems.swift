import CCmarkGFM

/// Task list items (`- [x] done`) on pages: `<li class="task-list-item">`, the checkbox inside
/// a `<label>` with the item's text (its accessible name), and `class="contains-task-list"` on
/// the list whose items they are. Feeds keep the plain `<li><input type="checkbox" …> text`.
///
/// Each item's first paragraph gets tokens (as shortcodes do) around its text; the classes of
/// `<li>` and `<ul>`, which cmark writes itself, come from marks in the page form that `finish`
/// turns into them once the body is assembled.
enum TaskListItems {
    /// Marks the item whose `<li>` gets the class, and the first item of a list that gets one.
    static let itemMark = "\u{E003}"
    static let listMark = "\u{E004}"

    /// Puts the tokens in and their HTML in `outputs`; true when any item was changed (then
    /// the page form needs `finish`).
    static func decorate(_ items: [OpaquePointer], outputs: inout [Forms]) -> Bool {
        guard !items.isEmpty else { return false }
        var firstItems = Set<OpaquePointer>()
        for item in items {
            if let list = CmarkDocument.parent(of: item), let first = CmarkDocument.firstChild(of: list) {
                firstItems.insert(first)
            }
        }
        var changed = false
        func put(_ forms: Forms, first: Bool, in paragraph: OpaquePointer) -> Bool {
            var forms = forms
            forms.isInline = true
            let token = CmarkDocument.makeCustomInline(ShortcodeToken.token(outputs.count))
            let added = first ? CmarkDocument.prepend(token, to: paragraph) : CmarkDocument.append(token, to: paragraph)
            if added { outputs.append(forms) }
            return added
        }
        for item in items {
            // An item whose text is not a paragraph keeps cmark's form.
            guard let paragraph = CmarkDocument.firstChild(of: item),
                  CmarkDocument.type(of: paragraph) == CMARK_NODE_PARAGRAPH else { continue }
            let checked = cmark_gfm_extensions_get_tasklist_item_checked(item)
            let input = "<input type=\"checkbox\"\(checked ? " checked=\"\"" : "") disabled=\"\" /> "
            let list = firstItems.remove(item) != nil ? listMark : ""
            guard cmark_node_set_syntax_extension(item, nil) != 0 else { continue }
            _ = put(Forms(page: list + itemMark + "<label>" + input, feed: input), first: true, in: paragraph)
            _ = put(Forms(page: "</label>", feed: ""), first: false, in: paragraph)
            changed = true
        }
        // Lists whose first item is not a task: the mark goes in that item's paragraph.
        for first in firstItems {
            guard let paragraph = CmarkDocument.firstChild(of: first),
                  CmarkDocument.type(of: paragraph) == CMARK_NODE_PARAGRAPH else { continue }
            changed = put(Forms(page: listMark, feed: ""), first: true, in: paragraph) || changed
        }
        return changed
    }

    /// Both forms with the page form finished (the feed form has no marks).
    static func finish(_ forms: Forms, feed: Bool) -> Forms {
        let page = finish(forms.page)
        return feed ? Forms(page: page, feed: forms.feed) : Forms(page)
    }

    /// Turns the marks of `decorate` into the classes of the `<li>` and `<ul>`/`<ol>` tags
    /// before them (cmark writes `<ul>\n<li>` and, in a loose list, `<li>\n<p>`).
    static func finish(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            // Copy up to the next byte that may start a mark in one piece.
            let next = bytes[index...].firstIndex(of: 0xEE) ?? bytes.count
            if next > index {
                out.append(contentsOf: bytes[index..<next])
                index = next
                continue
            }
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80,
                  bytes[index + 2] == 0x83 || bytes[index + 2] == 0x84 else {
                out.append(bytes[index])
                index += 1
                continue
            }
            var isItem = false, isFirst = false
            while index + 2 < bytes.count, bytes[index] == 0xEE, bytes[index + 1] == 0x80,
                  bytes[index + 2] == 0x83 || bytes[index + 2] == 0x84 {
                if bytes[index + 2] == 0x83 { isItem = true } else { isFirst = true }
                index += 3
            }
            classify(&out, item: isItem, list: isFirst)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Adds the classes to the tags that end `out` (`<ul>\n<li>\n<p>`, parts optional).
    private static func classify(_ out: inout [UInt8], item: Bool, list: Bool) {
        var tail: [UInt8] = []
        func take(_ suffix: String) -> Bool {
            let suffix = Array(suffix.utf8)
            guard out.count >= suffix.count, out.suffix(suffix.count).elementsEqual(suffix) else { return false }
            out.removeLast(suffix.count)
            tail.insert(contentsOf: suffix, at: 0)
            return true
        }
        _ = take("<p>")
        _ = take("\n")
        guard out.suffix(4).elementsEqual("<li>".utf8) else {
            out += tail
            return
        }
        out.removeLast(4)
        tail.insert(contentsOf: (item ? "<li class=\"task-list-item\">" : "<li>").utf8, at: 0)
        if list, out.last == UInt8(ascii: "\n") {
            out.removeLast()
            tail.insert(UInt8(ascii: "\n"), at: 0)
            // `<ul>`, `<ol>` or `<ol start="3">`.
            if out.last == UInt8(ascii: ">"), let open = out.lastIndex(of: UInt8(ascii: "<")), out.count - open <= 24 {
                let name = Array(out[(open + 1)..<min(out.count, open + 3)])
                let after = open + 3 < out.count ? out[open + 3] : 0
                if name == Array("ul".utf8) || name == Array("ol".utf8), after == UInt8(ascii: ">") || after == UInt8(ascii: " ") {
                    out.insert(contentsOf: " class=\"contains-task-list\"".utf8, at: open + 3)
                }
            }
        }
        out += tail
    }
}
