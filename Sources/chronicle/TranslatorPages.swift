import Foundation
import PreviewServer
import SiteBuilder
import TranslationReview

/// The translator view of `serve` (`/_translate/`): the review of the snapshot served, made
/// when first asked for after each build (so it follows every edit) and kept until the next.
final class TranslatorPages: @unchecked Sendable {
    private let site: URL
    private let lock = NSLock()
    private var made: (generation: Int, review: TranslationReview)?

    init(site: URL) { self.site = site }

    func page(_ path: String, _ snapshot: SiteSnapshot) -> PreviewServer.ProvidedPage? {
        review(of: snapshot).html(forPath: path).map { PreviewServer.ProvidedPage(body: Data($0.utf8)) }
    }

    private func review(of snapshot: SiteSnapshot) -> TranslationReview {
        lock.lock()
        defer { lock.unlock() }
        if let made, made.generation == snapshot.generation { return made.review }
        let index = Dictionary(snapshot.pages.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { first, _ in first })
        let config = snapshot.site.config
        let review = TranslationReview(
            pages: snapshot.pages, bodyHTML: { page in index[ObjectIdentifier(page)].flatMap { snapshot.body(ofPage: $0)?.html } },
            languages: config.languages.map(\.language), baseURL: config.baseURL,
            history: ChangeHistory.read(site: site, config: config))
        made = (snapshot.generation, review)
        return review
    }
}
