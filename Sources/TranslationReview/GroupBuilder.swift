import Foundation
import SiteBuilder
import SiteCore

/// Makes one `TranslationGroup`: which languages are missing, which are behind, and how the
/// bodies differ.
struct GroupBuilder: Sendable {
    var languages: [Language]
    var links: LinkNormalizer
    var history: ChangeHistory
    var staleAfter: TimeInterval

    var names: [String: String] {
        Dictionary(languages.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func group(_ input: GroupInput) -> TranslationGroup {
        let names = names
        let present = Set(input.pages.map(\.language))
        let missing = languages.map(\.code).filter { !present.contains($0) }
        let times = changeTimes(input.pages)
        let pages = input.pages.enumerated().map { index, page in
            TranslationPage(
                language: page.language, languageName: names[page.language] ?? page.language, path: page.file.displayPath,
                url: page.relativeURL, title: page.metadata.title, changed: times?[index])
        }
        var stale: [Staleness] = []
        if let times, let newest = times.indices.max(by: { times[$0].date < times[$1].date }) {
            for (index, time) in times.enumerated() where times[newest].date.timeIntervalSince(time.date) > staleAfter {
                stale.append(Staleness(
                    language: pages[index].language, path: pages[index].path, changed: time,
                    newerLanguage: pages[newest].language, newerChanged: times[newest], names: names))
            }
        }
        let structures = zip(input.pages, input.bodies).map { page, html in
            BodyStructure(html: html, pageURL: page.relativeURL, links: links)
        }
        let rows = SectionAligner.align(structures.map(\.sections))
        let comparison = StructureComparison(
            languages: pages.map(\.language), names: names, structures: structures, rows: rows)
        let id = GroupID.make(input.key)
        return TranslationGroup(
            id: id, key: input.key, url: TranslationReview.pathPrefix + id + "/", pages: pages, missingLanguages: missing,
            stale: stale, differences: comparison.differences, evidence: times?.first?.evidence,
            missingMessage: missing.isEmpty ? nil : "no \(Self.list(missing.map { names[$0] ?? $0 })) page",
            structures: structures, rows: rows, markers: comparison.markers)
    }

    /// Each page's last change by the best evidence all of them have: `lastmod`, else git,
    /// else the file times; nil when not even those can be read.
    func changeTimes(_ pages: [Page]) -> [ChangeTime]? {
        let lastmods = pages.compactMap(\.metadata.lastmod)
        if lastmods.count == pages.count {
            return lastmods.map { ChangeTime(date: $0.date, evidence: .lastmod, offsetSeconds: $0.offsetSeconds) }
        }
        if let git = history.git {
            let dates = pages.compactMap { git[$0.file.displayPath] }
            if dates.count == pages.count { return dates.map { ChangeTime(date: $0, evidence: .git) } }
        }
        let dates = pages.compactMap { history.fileTime($0.file.absolutePath) }
        guard dates.count == pages.count else { return nil }
        return dates.map { ChangeTime(date: $0, evidence: .fileTime) }
    }

    /// `English`, `English and Français`, `English, Français and Deutsch`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
