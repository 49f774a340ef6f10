import Foundation
import SiteCore

/// The terms of one taxonomy in one language: `ARM64` and `arm64` are one term (`arm64`).
struct TaxonomyIndex {
    struct Term: Sendable {
        /// The URL segment (`arm64`, `änderungen`).
        var slug: String
        /// The name as its oldest post wrote it.
        var name: String
        /// Pages with the term (indexes into the site's pages), newest first.
        var pages: [Int]
        /// The term page's URL path (`/tags/arm64/`, or what a `[permalinks]` pattern makes of
        /// it); set by `LanguagePlan`.
        var url = ""
    }

    var plural: String
    var terms: [Term]

    /// `regular` must be sorted newest first; `slug` gives a term's URL segment.
    init(plural: String, pages regular: [Int], in pages: [Page], slug: (String) -> String = Slug.urlize) {
        self.plural = plural
        var bySlug: [String: Int] = [:]
        var found: [Term] = []
        // Oldest first, so a term is named as its first post spelled it (`ARM64`, not a later
        // `arm64`), which stays stable as new posts arrive.
        for index in regular.reversed() {
            var seenOnPage: Set<String> = []
            for name in pages[index].metadata.taxonomies[plural] ?? [] {
                let slug = slug(name)
                guard !slug.isEmpty, seenOnPage.insert(slug).inserted else { continue }
                if let position = bySlug[slug] {
                    found[position].pages.append(index)
                } else {
                    bySlug[slug] = found.count
                    found.append(Term(slug: slug, name: name, pages: [index]))
                }
            }
        }
        // Collected oldest first: the newest term first, each term's pages newest first.
        terms = found.reversed().map { Term(slug: $0.slug, name: $0.name, pages: $0.pages.reversed()) }
    }

    /// Terms by post count (most first), then by name as a reader sorts them (`Änderungen`
    /// with the A's, not after Z): the order of the index page.
    var byCount: [Term] {
        terms.sorted {
            if $0.pages.count != $1.pages.count { return $0.pages.count > $1.pages.count }
            let order = $0.slug.compare($1.slug, options: [.caseInsensitive, .diacriticInsensitive, .numeric])
            return order == .orderedSame ? $0.slug < $1.slug : order == .orderedAscending
        }
    }
}
