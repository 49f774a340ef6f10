import ContentParsing
import Foundation
import SiteCore

/// The link stage: from loaded pages to a `LinkedSite`. Leaves out drafts, future and expired
/// pages unless asked for; gives every page its URL by Hugo's rules; refuses URLs, aliases and
/// terms that would leave the site; reports pages that share a URL and aliases that collide;
/// then indexes translations, `ref` targets, lists and taxonomies. Nothing is rendered here.
enum SiteLinker {
    static func link(
        _ loaded: [PageLoader.Loaded], config: SiteConfig, theme: Theme, options: BuildOptions
    ) -> (site: LinkedSite, diagnostics: [Diagnostic]) {
        // Whether a term makes a plain path inside the site, by taxonomy and term, decided once
        // for every term of the site: terms repeat on every page, the answer does not.
        var termIsSafe: [String: [String: Bool]] = [:]
        for page in loaded {
            for (plural, terms) in page.metadata.taxonomies {
                for term in terms where termIsSafe[plural]?[term] == nil {
                    // `../x` (also `%2e%2e`), `a//b` or `.` would not make a path inside the site.
                    let slug = Slug.urlize(term)
                    let url = "/\(plural)/\(slug)/"
                    termIsSafe[plural, default: [:]][term] = slug.isEmpty
                        || URLPaths.safeSitePath(url) != nil && URLPaths.isSafeOutputPath(URLPaths.outputFile(forURL: url))
                }
            }
        }
        // Each page on its own, in parallel: published, its URL, its aliases and terms.
        let terms = termIsSafe
        let checked = ParallelMap.map(loaded, jobs: options.jobs) { page in
            draft(page, config: config, options: options, termIsSafe: terms)
        }
        var diagnostics = checked.flatMap(\.diagnostics)
        var drafts = checked.compactMap(\.draft)
        let isWritten = duplicateURLs(drafts, diagnostics: &diagnostics)
        let aliases = aliasesOfPages(&drafts, config: config, diagnostics: &diagnostics)
        let pages = drafts.map { draft in
            Page(
                file: draft.page.file, document: draft.page.document, metadata: draft.page.metadata,
                relativeURL: draft.url, translationKey: draft.page.metadata.translationKey ?? draft.page.file.logicalPath)
        }
        let site = LinkedSite(config: config, theme: theme, pages: pages, isWritten: isWritten, aliases: aliases, jobs: options.jobs)
        return (site, diagnostics)
    }

    /// A page's own checks: nil when it is not published or its URL leaves the site.
    private static func draft(
        _ page: PageLoader.Loaded, config: SiteConfig, options: BuildOptions, termIsSafe: [String: [String: Bool]]
    ) -> (draft: Draft?, diagnostics: [Diagnostic]) {
        var page = page
        var diagnostics: [Diagnostic] = []
        guard isPublished(page.metadata, options: options) else { return (nil, []) }
        if let problem = outsideSiteDiagnostic(page) { return (nil, [problem]) }
        let url = URLPaths.pageURL(file: page.file, metadata: page.metadata, config: config)
        guard URLPaths.safeSitePath(url) != nil, URLPaths.isSafeOutputPath(URLPaths.outputFile(forURL: url)) else {
            let key = page.metadata.url != nil ? "url" : "slug"
            return (nil, [Diagnostic(
                .error, code: "url.outside",
                message: "'\(key)' makes the page URL '\(url)', which points outside the site; page not written",
                location: page.document.location(ofKey: key))])
        }
        page.metadata.aliases = page.metadata.aliases.filter { alias in
            guard URLPaths.safeSitePath(alias) == nil else { return true }
            diagnostics.append(Diagnostic(
                .error, code: "url.outside",
                message: "alias '\(alias)' points outside the site; not written",
                location: page.document.location(ofKey: "aliases", text: alias)))
            return false
        }
        for plural in page.metadata.taxonomies.keys.sorted() {
            page.metadata.taxonomies[plural]?.removeAll { term in
                if termIsSafe[plural]?[term] != false { return false }
                let slug = Slug.urlize(term)
                diagnostics.append(Diagnostic(
                    .error, code: "url.outside",
                    message: "\(plural) term '\(term)' makes the URL '/\(plural)/\(slug)/', which is not a plain path inside the site; left out",
                    location: page.document.location(ofKey: plural, text: term)))
                return true
            }
        }
        return (Draft(page: page, url: url), diagnostics)
    }

    /// A page on its way to becoming a `Page`: its aliases may still change.
    private struct Draft: Sendable {
        var page: PageLoader.Loaded
        var url: String
        var outputPath: String { URLPaths.outputFile(forURL: url) }
        var isRegular: Bool { page.file.kind != .branchBundle }
    }

    /// Drafts, future and expired pages are left out unless asked for.
    static func isPublished(_ metadata: PageMetadata, options: BuildOptions) -> Bool {
        if metadata.draft && !options.includeDrafts { return false }
        let publish = metadata.publishDate ?? metadata.date
        if let publish, publish.date > options.now, !options.includeFuture { return false }
        if let expiry = metadata.expiryDate, expiry.date <= options.now, !options.includeExpired { return false }
        return true
    }

    /// A `url`, `slug` or alias as written that leaves the site (`..`, also as `%2e%2e`;
    /// another host: `https://…`, `//host`; backslashes), at the value. A slug is a path
    /// segment: only `..`, a `://` or a backslash in it are outside.
    static func outsideSiteDiagnostic(_ loaded: PageLoader.Loaded) -> Diagnostic? {
        var key: String
        var value: String
        if let url = loaded.metadata.url?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
            guard URLPaths.safeSitePath(url) == nil else { return nil }
            (key, value) = ("url", url)
        } else if let slug = loaded.metadata.slug?.trimmingCharacters(in: .whitespaces), !slug.isEmpty,
                  loaded.file.kind != .branchBundle {
            let decoded = slug.removingPercentEncoding ?? slug
            let climbs = decoded.split(separator: "/").contains { $0.trimmingCharacters(in: .whitespaces) == ".." }
            guard climbs || decoded.contains("://") || decoded.contains("\\") || decoded.contains("\0") else { return nil }
            (key, value) = ("slug", slug)
        } else {
            return nil
        }
        return Diagnostic(
            .error, code: "url.outside",
            message: "\(key) '\(value)' points outside the site; page not written",
            location: loaded.document.location(ofKey: key))
    }

    /// Pages after the first with the same URL are errors; only the first is written (the
    /// others still count in lists, as before). Returns, per page, whether it is written.
    private static func duplicateURLs(_ drafts: [Draft], diagnostics: inout [Diagnostic]) -> [Bool] {
        var seen: [String: String] = [:]
        var written: Set<String> = []
        return drafts.map { draft in
            if let first = seen[draft.url] {
                // Point at the url or slug that made the URL, when one did.
                let metadata = draft.page.metadata
                let key = metadata.url != nil ? "url" : (metadata.slug != nil ? "slug" : nil)
                diagnostics.append(Diagnostic(
                    .error, code: "url.duplicate",
                    message: "page has the same URL '\(draft.url)' as \(first); only the first is written",
                    location: key.map { draft.page.document.location(ofKey: $0) } ?? SourceLocation(path: draft.page.file.displayPath)))
            } else {
                seen[draft.url] = draft.page.file.displayPath
            }
            // Only regular pages are written on their own; list pages (`_index.md`) are their lists.
            return draft.isRegular && written.insert(draft.outputPath).inserted
        }
    }

    /// Aliases that are the URL of a page, or of an earlier alias, are dropped with a warning:
    /// the page (or the first alias) keeps that URL. Returns the redirects to write.
    private static func aliasesOfPages(
        _ drafts: inout [Draft], config: SiteConfig, diagnostics: inout [Diagnostic]
    ) -> [LinkedSite.Alias] {
        var owners: [String: (path: String, isAlias: Bool)] = [:]
        for draft in drafts where owners[draft.outputPath] == nil { owners[draft.outputPath] = (draft.page.file.displayPath, false) }
        var redirects: [LinkedSite.Alias] = []
        for index in drafts.indices where drafts[index].isRegular {
            let draft = drafts[index]
            var given: [String: Int] = [:]
            drafts[index].page.metadata.aliases = draft.page.metadata.aliases.filter { alias in
                given[alias, default: 0] += 1
                guard let path = URLPaths.safeSitePath(alias) else { return true }
                let prefix = URLPaths.languagePrefix(draft.page.file.language, config: config)
                let full = !prefix.isEmpty && !path.hasPrefix(prefix + "/") ? prefix + path : path
                let output = URLPaths.outputFile(forURL: full)
                if let owner = owners[output] {
                    let what = switch (owner.isAlias, owner.path == draft.page.file.displayPath) {
                    case (false, true): "this page's own URL"
                    case (false, false): "the URL of \(owner.path)"
                    case (true, true): "given twice"
                    case (true, false): "also an alias of \(owner.path)"
                    }
                    diagnostics.append(Diagnostic(
                        .warning, code: "url.alias",
                        message: "alias '\(alias)' is \(what); not written",
                        location: draft.page.document.location(ofKey: "aliases", text: alias, occurrence: given[alias] ?? 1)))
                    return false
                }
                owners[output] = (draft.page.file.displayPath, true)
                redirects.append(LinkedSite.Alias(outputPath: output, page: index))
                return true
            }
        }
        return redirects
    }
}
