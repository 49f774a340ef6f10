import ContentParsing
import Foundation
import MarkdownRendering
import SiteBuilder
import SiteCore

/// The translator's view of a site: every translation group with its state (complete,
/// missing a language, stale) and the structural differences of its languages, as values
/// (`chronicle translations`) and as the pages of `/_translate/` (the preview server).
///
/// Only regular pages (posts, leaf bundles, single pages) are grouped: an `_index.md` list
/// page is mostly the list the build makes, so it has little of its own to translate.
public struct TranslationReview: Sendable {
    /// Where the review pages live in a preview: `/_translate/` and `/_translate/<group id>/`.
    public static let pathPrefix = "/_translate/"

    /// The site's languages, in its order.
    public let languages: [Language]
    /// Every group, by key.
    public let groups: [TranslationGroup]
    private let index: [String: Int]

    /// - Parameters:
    ///   - pages: the build's pages (`BuildResult.pages`); list pages are left out.
    ///   - bodyHTML: a page's rendered body (`RenderedBodies.html(of:)`, collected through
    ///     `SiteGenerator.observeRenderedPage`); a page without one counts as empty.
    ///   - languages: the configured languages (`SiteConfig.languages`), in order.
    ///   - baseURL: the site's `baseURL`: absolute links to it count as links inside the site.
    ///   - history: git's or the files' times, for groups without `lastmod` in every language.
    ///   - staleAfter: how much later another language must have changed for a page to be
    ///     stale; changes closer together count as one (a checkout writes all files at once).
    public init(
        pages: [Page], bodyHTML: (Page) -> String?, languages: [Language], baseURL: String? = nil,
        history: ChangeHistory = ChangeHistory(), staleAfter: TimeInterval = 3600, jobs: Int? = nil
    ) {
        self.languages = languages
        let order = Dictionary(languages.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        var byKey: [String: [Page]] = [:]
        for page in pages where page.isRegular { byKey[page.translationKey, default: []].append(page) }
        let inputs = byKey.keys.sorted().map { key -> GroupInput in
            var seen: Set<String> = []
            let members = byKey[key]!
                .sorted { (order[$0.language] ?? Int.max, $0.file.displayPath) < (order[$1.language] ?? Int.max, $1.file.displayPath) }
                .filter { seen.insert($0.language).inserted }
            return GroupInput(key: key, pages: members, bodies: members.map { bodyHTML($0) ?? "" })
        }
        let builder = GroupBuilder(
            languages: languages, links: LinkNormalizer(languages: Set(languages.map(\.code)), baseURL: baseURL),
            history: history, staleAfter: staleAfter)
        groups = ParallelMap.map(inputs, jobs: jobs) { builder.group($0) }
        index = Dictionary(groups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Builds the site in memory (as `chronicle check` does) and reviews its translations.
    /// The review is nil when the build could not start (no readable config); the build's
    /// diagnostics are in the result either way.
    public static func build(
        options: BuildOptions, history: ChangeHistory? = nil, staleAfter: TimeInterval = 3600
    ) -> (review: TranslationReview?, result: BuildResult) {
        let bodies = RenderedBodies()
        var generator = SiteGenerator(options: options)
        generator.observeRenderedPage = bodies.collect
        let result = generator.generate()
        guard let config = result.config else { return (nil, result) }
        let review = TranslationReview(
            pages: result.pages, bodyHTML: bodies.html(of:), languages: config.languages.map(\.language),
            baseURL: config.baseURL, history: history ?? ChangeHistory.read(site: options.source, config: config), staleAfter: staleAfter,
            jobs: options.jobs)
        return (review, result)
    }

    /// The group with this id (as in its URL, percent-encoded or not).
    public func group(id: String) -> TranslationGroup? {
        let trimmed = String(id.drop { $0 == "/" }.reversed().drop { $0 == "/" }.reversed())
        if let position = index[trimmed] { return groups[position] }
        if let decoded = trimmed.removingPercentEncoding, let position = index[GroupID.make(decoded)] { return groups[position] }
        return nil
    }

    public var completeCount: Int { groups.count(where: { $0.state == .complete }) }
    public var missingCount: Int { groups.count(where: { $0.state == .missing }) }
    public var staleCount: Int { groups.count(where: { $0.state == .stale }) }
    /// `53 groups: 49 complete, 4 missing, 0 stale`.
    public var summary: String {
        "\(groups.count) group\(groups.count == 1 ? "" : "s"): \(completeCount) complete, \(missingCount) missing, \(staleCount) stale"
    }

    /// The page for a request path: `/_translate/` (the overview) or `/_translate/<id>/` (one
    /// group); nil for any other path (a 404).
    public func html(forPath path: String) -> String? {
        var path = path
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        let root = String(Self.pathPrefix.dropLast())
        guard path == root || path.hasPrefix(Self.pathPrefix) else { return nil }
        let rest = path.dropFirst(min(path.count, Self.pathPrefix.count))
        if rest.isEmpty || rest == "index.html" { return overviewHTML() }
        var id = String(rest)
        if id.hasSuffix("/index.html") { id = String(id.dropLast("index.html".count)) }
        return groupHTML(id: id)
    }

    /// `/_translate/`: every group with its languages and state, problems first.
    public func overviewHTML() -> String {
        OverviewPage(review: self).html
    }

    /// `/_translate/<id>/`: the group's languages side by side; nil for an unknown id.
    public func groupHTML(id: String) -> String? {
        group(id: id).map { GroupPage(group: $0, review: self).html }
    }

    /// A language's name from the config, else its code.
    public func name(of language: String) -> String {
        languages.first { $0.code == language }?.name ?? language
    }
}

/// A group's pages and bodies, before they are compared.
struct GroupInput: Sendable {
    var key: String
    var pages: [Page]
    var bodies: [String]
}
