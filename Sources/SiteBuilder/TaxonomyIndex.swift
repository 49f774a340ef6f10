import Foundation
import SiteCore

/// The terms of one taxonomy in one language: `ARM64` and `arm64` are one term (`arm64`).
struct TaxonomyIndex {
    struct Term {
        /// The URL segment (`arm64`, `änderungen`).
        var slug: String
        /// The name as its oldest post wrote it.
        var name: String
        /// Pages with the term, newest first.
        var pages: [Page]
    }

    var plural: String
    var terms: [Term]

    /// Pages must already be sorted newest first.
    init(plural: String, pages: [Page]) {
        self.plural = plural
        var bySlug: [String: Term] = [:]
        var order: [String] = []
        // Oldest first, so a term is named as its first post spelled it (`ARM64`, not a later
        // `arm64`), which stays stable as new posts arrive.
        for page in pages.reversed() {
            var seenOnPage: Set<String> = []
            for name in page.metadata.taxonomies[plural] ?? [] {
                let slug = Slug.urlize(name)
                guard !slug.isEmpty, seenOnPage.insert(slug).inserted else { continue }
                if bySlug[slug] == nil {
                    bySlug[slug] = Term(slug: slug, name: name, pages: [])
                    order.append(slug)
                }
                bySlug[slug]!.pages.insert(page, at: 0)
            }
        }
        terms = order.reversed().compactMap { bySlug[$0] }
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
