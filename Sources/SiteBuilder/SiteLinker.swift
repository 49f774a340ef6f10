import ContentParsing
import Foundation
import SiteCore

/// The link stage: from loaded pages to a `LinkedSite`. Leaves out drafts, future and expired
/// pages unless asked for; gives every page its URL by Hugo's rules; refuses URLs, aliases and
/// terms that would leave the site; reports pages that share a URL and aliases that collide;
/// then indexes translations, `ref` targets, lists and taxonomies. Nothing is rendered here.
enum SiteLinker {
    /// Each page's own checks from an earlier link, for `SiteSession`: they depend only on the
    /// page, the config and the options, so a page that was not read again needs none again.
    final class Checks: @unchecked Sendable {
        fileprivate var byPath: [String: (revision: Int, checked: Checked)] = [:]
        /// The last site linked in full, its problems that are not one page's own (menus,
        /// shared URLs, aliases), and its pages' indexes by relative path.
        fileprivate var previous: (site: LinkedSite, global: [Diagnostic], index: [String: Int], loadedCount: Int)?
        /// The sections `:sections` read in the last link: when they change, every URL may.
        fileprivate var sections: Permalinks.Sections?
    }

    /// A page's own checks: the page as it goes on (unsafe links, aliases and terms left out)
    /// and its URL, or nil when it is not published; and the problems found.
    fileprivate struct Checked: Sendable {
        var page: PageLoader.Loaded?
        var url: String
        var outputPath: String
        var diagnostics: [Diagnostic]
    }

    /// `revisions` and `checks`: how often each page was read (by index), and the checks of
    /// the last link; pages read as often as then are not checked again.
    /// `inPlace` in the result: the last site's indexes were reused (`samePlaces`).
    static func link(
        _ loaded: [PageLoader.Loaded], config: SiteConfig, theme: Theme, options: BuildOptions,
        revisions: [Int]? = nil, checks: Checks? = nil
    ) -> (site: LinkedSite, diagnostics: [Diagnostic], inPlace: Bool) {
        let unsupported = UnsupportedFields.diagnostics(loaded)
        let loaded = Cascade.apply(loaded, taxonomies: config.taxonomies.values.sorted())
        var reused = [Checked?](repeating: nil, count: loaded.count)
        let sections = Self.sections(of: loaded, config: config)
        if let checks, checks.sections != sections {
            checks.byPath = [:]
            checks.sections = sections
        }
        if let revisions, let checks {
            for index in loaded.indices {
                if let hit = checks.byPath[loaded[index].file.displayPath], hit.revision == revisions[index] {
                    reused[index] = hit.checked
                }
            }
        }
        let toCheck = loaded.indices.filter { reused[$0] == nil }
        // Whether a term makes a plain path inside the site, by taxonomy and term, decided once
        // for every term of the site: terms repeat on every page, the answer does not.
        var termIsSafe: [String: [String: Bool]] = [:]
        for page in toCheck.lazy.map({ loaded[$0] }) {
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
        let fresh = ParallelMap.map(toCheck, jobs: options.jobs) { index -> Checked in
            let result = draft(loaded[index], config: config, options: options, termIsSafe: terms, sections: sections)
            return Checked(
                page: result.draft?.page, url: result.draft?.url ?? "", outputPath: result.draft?.outputPath ?? "",
                diagnostics: result.diagnostics)
        }
        for (index, checked) in zip(toCheck, fresh) {
            reused[index] = checked
            if let revisions, let checks {
                checks.byPath[loaded[index].file.displayPath] = (revisions[index], checked)
            }
        }
        if let checks, checks.byPath.count > loaded.count {
            let present = Set(loaded.map(\.file.displayPath))
            checks.byPath = checks.byPath.filter { present.contains($0.key) }
        }
        let checked = reused.map { $0! }
        let perPage = checked.flatMap(\.diagnostics)
        if let checks, let previous = checks.previous,
           let site = samePlaces(previous, loaded: loaded, checked: checked, rechecked: toCheck) {
            return (site, perPage + previous.global + unsupported, true)
        }
        // A fresh draft each time: the alias check below changes drafts, not the kept checks.
        var drafts = checked.compactMap { item in item.page.map { Draft(page: $0, url: item.url, outputPath: item.outputPath) } }
        var config = config
        var global = leaveOutUnsafeMenuLinks(&config)
        let isWritten = duplicateURLs(drafts, config: config, sections: sections, diagnostics: &global)
        let aliases = aliasesOfPages(&drafts, config: config, sections: sections, diagnostics: &global)
        let pages = drafts.map { draft in
            Page(
                file: draft.page.file, document: draft.page.document, metadata: draft.page.metadata,
                relativeURL: draft.url, translationKey: draft.page.metadata.translationKey ?? draft.page.file.logicalPath,
                outputPath: draft.outputPath)
        }
        let site = LinkedSite(config: config, theme: theme, pages: pages, isWritten: isWritten, aliases: aliases, jobs: options.jobs,
            staticFolder: options.source.appending(path: "static"))
        if let checks {
            var index: [String: Int] = [:]
            index.reserveCapacity(pages.count)
            for (position, page) in pages.enumerated() { index[page.file.displayPath] = position }
            checks.previous = (site, global, index, loaded.count)
        }
        return (site, perPage + global + unsupported, false)
    }

    /// The last site with the re-checked pages put in, when none of them moved: each is still
    /// published (or still not), at the same URL, with the same aliases, and with everything
    /// the lists, taxonomies, translations and neighbours read unchanged (an edit of the text,
    /// the description, the author…). Then every index the link made still holds, and only
    /// the pages are new. Nil when anything moved: then the site is linked in full.
    private static func samePlaces(
        _ previous: (site: LinkedSite, global: [Diagnostic], index: [String: Int], loadedCount: Int),
        loaded: [PageLoader.Loaded], checked: [Checked], rechecked indexes: [Int]
    ) -> LinkedSite? {
        guard loaded.count == previous.loadedCount else { return nil }
        // A shared URL or alias points into a re-checked file: its line may have moved.
        let rechecked = Set(indexes.map { loaded[$0].file.displayPath })
        if previous.global.contains(where: { problem in
            rechecked.contains(problem.location.path) || problem.notes.contains { rechecked.contains($0.location.path) }
        }) {
            return nil
        }
        var pages = previous.site.pages
        for index in indexes {
            let now = checked[index]
            let position = previous.index[loaded[index].file.displayPath]
            guard let page = now.page else {
                if position != nil { return nil }
                continue
            }
            guard let position else { return nil }
            let before = pages[position]
            guard before.relativeURL == now.url, before.outputPath == now.outputPath,
                  before.file == page.file, sameListPlace(before.metadata, page.metadata)
            else { return nil }
            pages[position] = Page(
                file: page.file, document: page.document, metadata: page.metadata, relativeURL: now.url,
                translationKey: before.translationKey, outputPath: now.outputPath)
        }
        return previous.site.replacing(pages: pages)
    }

    /// Whether two versions of a page's front matter give it the same place in the site: its
    /// URL, aliases, translations, and the order and membership of every list it is on.
    static func sameListPlace(_ a: PageMetadata, _ b: PageMetadata) -> Bool {
        a.title == b.title && a.date == b.date && a.publishDate == b.publishDate && a.lastmod == b.lastmod
            && a.expiryDate == b.expiryDate && a.draft == b.draft && a.weight == b.weight
            && a.taxonomies == b.taxonomies && a.translationKey == b.translationKey && a.slug == b.slug
            && a.url == b.url && a.aliases == b.aliases
    }

    /// The sections `:sections` needs, when a `[permalinks]` pattern uses it; else nil.
    static func sections(of loaded: [PageLoader.Loaded], config: SiteConfig) -> Permalinks.Sections? {
        let patterns = config.languages.flatMap { config.permalinks(for: $0.language.code).values }
        guard patterns.contains(where: \.usesSections) else { return nil }
        return Permalinks.Sections(loaded.lazy.map(\.file))
    }

    /// A page's own checks: nil when it is not published or its URL leaves the site.
    private static func draft(
        _ page: PageLoader.Loaded, config: SiteConfig, options: BuildOptions, termIsSafe: [String: [String: Bool]],
        sections: Permalinks.Sections?
    ) -> (draft: Draft?, diagnostics: [Diagnostic]) {
        // The page as it goes on: a copy, since the checks below leave things out of it.
        let page = page.copy()
        var diagnostics: [Diagnostic] = []
        guard isPublished(page.metadata, options: options) else { return (nil, []) }
        if let problem = outsideSiteDiagnostic(page) { return (nil, [problem]) }
        let url = URLPaths.pageURL(file: page.file, metadata: page.metadata, config: config, sections: sections)
        guard URLPaths.safeSitePath(url) != nil, URLPaths.isSafeOutputPath(URLPaths.outputFile(forURL: url)) else {
            var key = page.metadata.url != nil ? "url" : "slug"
            var maker = "'\(key)'"
            if page.metadata.url == nil, page.file.kind != .branchBundle,
               let pattern = config.permalinks(for: page.file.language)[page.file.section.lowercased()] {
                key = "title"
                maker = "the permalink '\(pattern.text)'"
            }
            return (nil, [Diagnostic(
                .error, code: "url.outside",
                message: "\(maker) makes the page URL '\(url)', which points outside the site; page not written",
                location: page.document.location(ofKey: key))])
        }
        diagnostics += leaveOutUnsafeLinks(page)
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

    /// Front matter fields, lower-cased, that themes make links or image sources of: the
    /// default theme `authorLink` (`href`) and `featuredImage` (`src`); `featuredImagePreview`,
    /// Hugo's `images` and `link` in the themes Chronicle's sites come from. A `javascript:`,
    /// `vbscript:` or `data:` URL in one (`URLPaths.unsafeScheme`) is an error at its value
    /// and the field is left out, also from `params`, where templates could reach it.
    static let linkFields: Set<String> = ["authorlink", "featuredimage", "featuredimagepreview", "images", "link"]

    private static func leaveOutUnsafeLinks(_ page: PageLoader.Loaded) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in page.metadata.params.keys.filter({ linkFields.contains($0.lowercased()) }).sorted() {
            switch page.metadata.params[key] {
            case .string(let link)?:
                guard let scheme = URLPaths.unsafeScheme(link) else { continue }
                diagnostics.append(unsafeLinkDiagnostic("\(key) '\(shown(link))'", scheme: scheme, at: page.document.location(ofKey: key)))
                page.metadata.params[key] = nil
            case .array(let items)?:
                var given: [String: Int] = [:]
                let document = page.document
                page.metadata.params[key] = .array(items.filter { item in
                    guard case .string(let link) = item else { return true }
                    given[link, default: 0] += 1
                    guard let scheme = URLPaths.unsafeScheme(link) else { return true }
                    diagnostics.append(unsafeLinkDiagnostic(
                        "\(key) item '\(shown(link))'", scheme: scheme,
                        at: document.location(ofKey: key, text: link, occurrence: given[link] ?? 1)))
                    return false
                })
            default:
                continue
            }
        }
        guard !diagnostics.isEmpty else { return [] }
        for field in [\PageMetadata.authorLink, \.featuredImage, \.featuredImagePreview] {
            if let link = page.metadata[keyPath: field], URLPaths.unsafeScheme(link) != nil { page.metadata[keyPath: field] = nil }
        }
        return diagnostics
    }

    /// Menu entries of the config whose `url` is a `javascript:`, `vbscript:` or `data:` URL are
    /// errors at the url in the config and are left out (with their sub-entries).
    private static func leaveOutUnsafeMenuLinks(_ config: inout SiteConfig) -> [Diagnostic] {
        var diagnostics: Set<Diagnostic> = []
        for language in config.languages.indices {
            for (menu, entries) in config.languages[language].menus {
                var dropped: Set<String> = []
                var kept: [MenuEntry] = []
                for entry in entries {
                    guard let scheme = URLPaths.unsafeScheme(entry.url) else {
                        kept.append(entry)
                        continue
                    }
                    dropped.insert(entry.identifier)
                    let children = entries.contains { $0.parent == entry.identifier } ? " with its sub-entries" : ""
                    diagnostics.insert(unsafeLinkDiagnostic(
                        "url '\(shown(entry.url))' of the \(menu) menu entry '\(entry.name)'", scheme: scheme,
                        at: entry.urlLocation ?? SourceLocation(path: "config"), what: "the entry\(children)"))
                }
                guard !dropped.isEmpty else { continue }
                config.languages[language].menus[menu] = kept.filter { $0.parent.map { !dropped.contains($0) } ?? true }
            }
        }
        return Array(diagnostics)
    }

    private static func unsafeLinkDiagnostic(
        _ subject: String, scheme: String, at location: SourceLocation, what: String = "it"
    ) -> Diagnostic {
        Diagnostic(
            .error, code: "url.unsafe",
            message: "\(subject) is a \(scheme): URL, which could run script in the reader's browser; \(what) is left out",
            location: location)
    }

    /// A link for a message: control characters made visible, long ones (`data:`) cut.
    private static func shown(_ link: String) -> String {
        var shown = ""
        for scalar in link.unicodeScalars.prefix(48) {
            switch scalar {
            case "\t": shown += "\\t"
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        if link.unicodeScalars.count > 48 { shown += "…" }
        return shown
    }

    /// A page on its way to becoming a `Page`: its aliases may still change. A reference: the
    /// link stage's passes over every page would otherwise copy (retain and release) each
    /// page's file, document and metadata every time, which took most of its time at 10,000
    /// pages. Made on one thread, changed only on the link stage's own.
    private final class Draft: @unchecked Sendable {
        var page: PageLoader.Loaded
        let url: String
        let outputPath: String

        init(page: PageLoader.Loaded, url: String, outputPath: String? = nil) {
            self.page = page
            self.url = url
            self.outputPath = outputPath ?? URLPaths.outputFile(forURL: url)
        }

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

    /// Pages that share an output path: one keeps it, each other one is an error and is not
    /// written (it still counts in lists, as before). The one that keeps it is the first in
    /// path order whose URL comes from its file path; when every one of them has its URL from
    /// front matter (`url`, `slug`), the first in path order. The error goes to the page that
    /// claims the URL, at the `url` or `slug` that claims it, with the keeper as a note.
    /// Returns, per page, whether it is written.
    private static func duplicateURLs(
        _ drafts: [Draft], config: SiteConfig, sections: Permalinks.Sections?, diagnostics: inout [Diagnostic]
    ) -> [Bool] {
        var groups: [String: [Int]] = [:]
        for (index, draft) in drafts.enumerated() { groups[draft.outputPath, default: []].append(index) }
        var written = drafts.map(\.isRegular)
        for (index, draft) in drafts.enumerated() {
            guard let group = groups[draft.outputPath], group.count > 1, group[0] == index else { continue }
            let claims = group.map { claim(drafts[$0], config: config, sections: sections) }
            let keeper = claims.firstIndex { $0 == nil } ?? 0
            let owner = drafts[group[keeper]]
            let ownerLocation = claims[keeper].map { owner.page.document.location(ofKey: $0.key) }
                ?? SourceLocation(path: owner.page.file.displayPath)
            for (position, member) in group.enumerated() where position != keeper {
                written[member] = false
                let other = drafts[member]
                let message: String
                let location: SourceLocation
                if let claim = claims[position] {
                    message = "\(claim.key) '\(claim.value)' gives this page the URL '\(other.url)', which another page already has; page not written"
                    location = other.page.document.location(ofKey: claim.key)
                } else {
                    message = "page has the URL '\(other.url)', which another page already has; page not written"
                    location = SourceLocation(path: other.page.file.displayPath)
                }
                diagnostics.append(Diagnostic(
                    .error, code: "url.duplicate", message: message, location: location,
                    notes: [Diagnostic.Note("'\(owner.url)' is the URL of this page", location: ownerLocation)]))
            }
        }
        return written
    }

    /// The front matter field (`url` or `slug`) and its value that gave a page a URL other than
    /// the one its file path (or its section's permalink without a slug) gives; nil when the
    /// URL is that one.
    private static func claim(_ draft: Draft, config: SiteConfig, sections: Permalinks.Sections?) -> (key: String, value: String)? {
        let metadata = draft.page.metadata
        var natural = metadata
        natural.url = nil
        natural.slug = nil
        guard URLPaths.pageURL(file: draft.page.file, metadata: natural, config: config, sections: sections) != draft.url else { return nil }
        if let url = metadata.url?.trimmingCharacters(in: .whitespaces), !url.isEmpty { return ("url", url) }
        if let slug = metadata.slug?.trimmingCharacters(in: .whitespaces), !slug.isEmpty { return ("slug", slug) }
        return nil
    }

    /// Aliases that are the URL of a page, or of an earlier alias, are dropped with a warning:
    /// the page (or the first alias) keeps that URL. Returns the redirects to write.
    private static func aliasesOfPages(
        _ drafts: inout [Draft], config: SiteConfig, sections: Permalinks.Sections?, diagnostics: inout [Diagnostic]
    ) -> [LinkedSite.Alias] {
        // The owner of each output path: a page (its index) or an alias (its page, text and
        // occurrence, to find where it is written when another one collides with it).
        var owners: [String: (path: String, page: Int?, alias: (page: Int, text: String, occurrence: Int)?)] = [:]
        for (index, draft) in drafts.enumerated() where owners[draft.outputPath] == nil {
            owners[draft.outputPath] = (draft.page.file.displayPath, index, nil)
        }
        /// Where a page's URL comes from: its `url` or `slug`, else its file.
        func urlLocation(_ index: Int) -> SourceLocation {
            let draft = drafts[index]
            return claim(draft, config: config, sections: sections).map { draft.page.document.location(ofKey: $0.key) }
                ?? SourceLocation(path: draft.page.file.displayPath)
        }
        var redirects: [LinkedSite.Alias] = []
        for index in drafts.indices where drafts[index].isRegular {
            let draft = drafts[index]
            var given: [String: Int] = [:]
            let kept = draft.page.metadata.aliases.filter { alias in
                given[alias, default: 0] += 1
                guard let path = URLPaths.safeSitePath(alias) else { return true }
                // As Hugo 0.111 places them: `/old/` at the site's root in every language (no
                // language prefix), `old` beside the page (`/de/posts/old/` for `/de/posts/a/`).
                var full = alias.trimmingCharacters(in: .whitespaces).hasPrefix("/")
                    ? path : URLPaths.parentFolder(of: draft.url) + String(path.dropFirst())
                // Hugo writes an alias `/old/a/` as `/old/a.html` when every URL is ugly.
                if config.uglyURLs { full = URLPaths.ugly(full) }
                let output = URLPaths.outputFile(forURL: full)
                if let owner = owners[output] {
                    let what: String
                    var notes: [Diagnostic.Note] = []
                    switch (owner.page, owner.path == draft.page.file.displayPath) {
                    case (_?, true): what = "this page's own URL"
                    case (let page?, false):
                        what = "the URL of another page"
                        notes = [Diagnostic.Note("'\(full)' is the URL of this page", location: urlLocation(page))]
                    case (nil, true): what = "given twice"
                    case (nil, false):
                        what = "also an alias of another page"
                        let first = owner.alias.map { drafts[$0.page].page.document.location(ofKey: "aliases", text: $0.text, occurrence: $0.occurrence) }
                        notes = [Diagnostic.Note("'\(alias)' is an alias of this page", location: first ?? SourceLocation(path: owner.path))]
                    }
                    diagnostics.append(Diagnostic(
                        .warning, code: "url.alias", message: "alias '\(alias)' is \(what); not written",
                        location: draft.page.document.location(ofKey: "aliases", text: alias, occurrence: given[alias] ?? 1),
                        notes: notes))
                    return false
                }
                owners[output] = (draft.page.file.displayPath, nil, (index, alias, given[alias] ?? 1))
                redirects.append(LinkedSite.Alias(outputPath: output, page: index))
                return true
            }
            if kept.count != draft.page.metadata.aliases.count {
                // A copy: the page as loaded (kept for the next build) keeps its aliases.
                let page = draft.page.copy()
                page.metadata.aliases = kept
                drafts[index].page = page
            }
        }
        return redirects
    }
}
