/// The pages that translate one another (one `translationKey`, else one content path), what
/// state they are in and how their structure differs.
public struct TranslationGroup: Sendable {
    /// URL-safe form of `key`: the path segment after `/_translate/`.
    public var id: String
    /// The translation key: front matter `translationKey`, else the content path without
    /// language and extension (`posts/2024/a`).
    public var key: String
    /// The side-by-side page: `/_translate/posts/2024/a/`.
    public var url: String
    /// One page per language that has one, in the site's language order.
    public var pages: [TranslationPage]
    /// The configured languages without a page, in the site's order.
    public var missingLanguages: [String]
    /// The languages that are behind another one (empty unless two or more have pages).
    public var stale: [Staleness]
    /// What differs between the languages' bodies.
    public var differences: [TranslationDifference]
    /// What says when the pages changed (nil when nothing does).
    public var evidence: ChangeEvidence?
    /// `no English page`, or nil when no language is missing.
    public var missingMessage: String?

    /// The bodies (in `pages` order), their aligned sections and the places to mark.
    var structures: [BodyStructure]
    var rows: [[Int?]]
    var markers: [[DifferenceMarker]]

    public var state: TranslationState {
        if !missingLanguages.isEmpty { return .missing }
        return stale.isEmpty ? .complete : .stale
    }

    /// The first language's title.
    public var title: String {
        pages.first(where: { !$0.title.isEmpty })?.title ?? key
    }
}
