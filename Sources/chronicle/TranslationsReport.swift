import TranslationReview

/// `chronicle translations --format json`: every group with its state.
struct TranslationsReport: Encodable {
    var summary: Summary
    var groups: [Group]

    struct Summary: Encodable {
        var groups: Int
        var complete: Int
        var missing: Int
        var stale: Int
    }

    struct Group: Encodable {
        var id: String
        var key: String
        /// The side-by-side page in a preview.
        var url: String
        var title: String
        var state: String
        /// lastmod, git or file time.
        var evidence: String?
        var pages: [Page]
        var missingLanguages: [String]
        var stale: [Stale]
        var differences: [TranslationDifference]
    }

    struct Page: Encodable {
        var language: String
        var path: String
        var url: String
        var title: String
        var changed: String?
    }

    struct Stale: Encodable {
        var language: String
        var path: String
        var changed: String
        var newerLanguage: String
        var newerChanged: String
        var evidence: String
        var message: String
    }

    init(_ review: TranslationReview) {
        summary = Summary(
            groups: review.groups.count, complete: review.completeCount, missing: review.missingCount, stale: review.staleCount)
        groups = review.groups.map { group in
            Group(
                id: group.id, key: group.key, url: group.url, title: group.title, state: group.state.rawValue,
                evidence: group.evidence?.rawValue,
                pages: group.pages.map {
                    Page(language: $0.language, path: $0.path, url: $0.url, title: $0.title, changed: $0.changed?.iso8601)
                },
                missingLanguages: group.missingLanguages,
                stale: group.stale.map {
                    Stale(
                        language: $0.language, path: $0.path, changed: $0.changed.iso8601, newerLanguage: $0.newerLanguage,
                        newerChanged: $0.newerChanged.iso8601, evidence: $0.changed.evidence.rawValue, message: $0.message)
                },
                differences: group.differences)
        }
    }
}
