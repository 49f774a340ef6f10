import MarkdownRendering

/// `/_translate/`: every translation group with its languages and state; missing and stale
/// ones first.
struct OverviewPage {
    var review: TranslationReview

    var html: String {
        let rank: [TranslationState: Int] = [.missing: 0, .stale: 1, .complete: 2]
        let groups = review.groups.enumerated().sorted { (rank[$0.element.state]!, $0.offset) < (rank[$1.element.state]!, $1.offset) }
            .map(\.element)
        var body = """
            <header class="top">
            <h1>Translations</h1>
            <p class="counts">\(ReviewPage.badge(.missing)) \(review.missingCount) \
            \(ReviewPage.badge(.stale)) \(review.staleCount) \
            \(ReviewPage.badge(.complete)) \(review.completeCount) \
            <span class="muted">of \(review.groups.count) groups</span></p>
            <p class="muted intro">A group is the pages that share a <code>translationKey</code>, else a content path. \
            Missing: a language has no page. Stale: another language changed later (by <code>lastmod</code>, \
            else git, else the file times). Open a group to see its languages side by side.</p>
            </header>
            <main>
            <ul class="groups">

            """
        for group in groups {
            body += row(group)
        }
        body += "</ul>\n</main>"
        return ReviewPage.document(title: "Translations", body: body)
    }

    private func row(_ group: TranslationGroup) -> String {
        var state = ReviewPage.badge(group.state)
        var details: [String] = []
        if let missing = group.missingMessage { details.append(missing) }
        details += group.stale.map(\.message)
        if !group.differences.isEmpty {
            details.append("\(group.differences.count) difference\(group.differences.count == 1 ? "" : "s")")
        }
        if !details.isEmpty { state += " " + details.map(HTMLEscaping.escape).joined(separator: "; ") }
        let languages = group.pages.map { page in
            "<a href=\"\(HTMLEscaping.escape(page.url))\" hreflang=\"\(HTMLEscaping.escape(page.language))\" "
                + "title=\"Open the \(HTMLEscaping.escape(page.languageName)) page\">\(HTMLEscaping.escape(page.language))</a>"
        }
        let absent = group.missingLanguages.map { "<s class=\"muted\" title=\"no page\">\(HTMLEscaping.escape($0))</s>" }
        return """
            <li class="group group-\(group.state.rawValue)">
            <div><a href="\(HTMLEscaping.escape(group.url))">\(HTMLEscaping.escape(group.title))</a>\
            <div class="key muted"><code>\(HTMLEscaping.escape(group.key))</code></div></div>
            <div>\(state)</div>
            <div>\((languages + absent).joined(separator: " · "))</div>
            </li>

            """
    }
}
