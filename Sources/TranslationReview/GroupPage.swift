import MarkdownRendering

/// `/_translate/<group>/`: the group's languages side by side (stacked on phones), each
/// the page's real rendered body, cut into sections aligned by heading so that a section
/// of every language sits in one grid row, with the differences listed above each row and
/// flagged in place.
struct GroupPage {
    var group: TranslationGroup
    var review: TranslationReview

    var html: String {
        let escape = HTMLEscaping.escape
        var facts: [String] = []
        if let missing = group.missingMessage { facts.append("Missing: " + escape(missing)) }
        for stale in group.stale {
            facts.append("Stale: " + escape(stale.message) + " — <code>\(escape(stale.path))</code>")
        }
        let differenceCount = group.differences.count
        facts.append(differenceCount == 0
            ? "No structural differences."
            : "\(differenceCount) structural difference\(differenceCount == 1 ? "" : "s"), listed above the section they are in.")
        var body = """
            <header class="top">
            <nav><a href="\(TranslationReview.pathPrefix)">← All translations</a></nav>
            <h1>\(escape(group.title))</h1>
            <p>\(ReviewPage.badge(group.state)) <code class="muted">\(escape(group.key))</code></p>
            <ul class="facts">\(facts.map { "<li>\($0)</li>" }.joined())</ul>
            \(Self.legend)
            </header>
            <main>
            <div class="grid" style="--columns:\(max(1, group.pages.count))">

            """
        for page in group.pages { body += head(page) }
        for (rowIndex, row) in group.rows.enumerated() {
            body += self.row(rowIndex, row)
        }
        body += "</div>\n</main>"
        return ReviewPage.document(title: "Translation: " + group.title, body: body)
    }

    static let legend = """
        <dl class="legend" aria-label="Legend">\
        <div><dt><span class="tr-flag tr-only">⚠ n</span></dt><dd>only in this language: the other lacks it (outlined, dashed); n is its number in the list above the section</dd></div>\
        <div><dt><span class="tr-flag tr-differs">≠ n</span></dt><dd>differs: the other language has another value here</dd></div>\
        <div><dt><span class="gap-icon">∅</span></dt><dd>no matching section in this language</dd></div>\
        </dl>
        """

    private func head(_ page: TranslationPage) -> String {
        let escape = HTMLEscaping.escape
        let changed = page.changed.map { "<div class=\"muted\">changed \($0.formatted()) (\($0.evidence.rawValue))</div>" } ?? ""
        return """
            <div class="col-head" lang="\(escape(page.language))">
            <div><strong>\(escape(page.languageName))</strong> <span class="muted">(\(escape(page.language)))</span></div>
            <div class="page-title">\(escape(page.title))</div>
            <div><a href="\(escape(page.url))" hreflang="\(escape(page.language))">Open the \(escape(page.languageName)) page alone ↗</a></div>
            <div class="muted"><code>\(escape(page.path))</code></div>
            \(changed)
            </div>

            """
    }

    private func row(_ index: Int, _ row: [Int?]) -> String {
        let escape = HTMLEscaping.escape
        var html = ""
        let notes = group.differences.enumerated().filter { $0.element.row == index }
        if !notes.isEmpty {
            html += "<div class=\"notes\" id=\"row-\(index + 1)\" role=\"note\"><ul>"
            for (number, difference) in notes {
                let kind = difference.change == .onlyIn ? "tr-only" : "tr-differs"
                let icon = difference.change == .onlyIn ? "⚠" : "≠"
                html += "<li><span class=\"tr-flag \(kind)\">\(icon) \(number + 1)</span> \(escape(difference.message))</li>"
            }
            html += "</ul></div>\n"
        }
        for (column, page) in group.pages.enumerated() {
            html += "<div class=\"cell\" lang=\"\(escape(page.language))\"><span class=\"cell-lang\">\(escape(page.languageName))</span>"
            if let sectionIndex = row[column] {
                let structure = group.structures[column]
                html += MarkedBody.html(structure, section: structure.sections[sectionIndex], markers: group.markers[column])
            } else {
                html += "<p class=\"gap\"><span class=\"gap-icon\">∅</span> No matching section in \(escape(page.languageName)).</p>"
            }
            html += "</div>\n"
        }
        return html
    }
}
