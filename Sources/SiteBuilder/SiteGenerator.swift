import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore

/// Builds a whole site in memory: config, theme, content, pages, then the output files.
public struct SiteGenerator: Sendable {
    public var options: BuildOptions
    /// Called with a stage name and progress (done, total) during long work.
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Reads a content file's bytes; tests inject failures here.
    public var readFile: (@Sendable (String) throws -> Data)?

    public init(options: BuildOptions, progress: (@Sendable (String, Int, Int) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    public func generate() -> BuildResult {
        var diagnostics: [Diagnostic] = []
        let (loadedConfig, configDiagnostics) = ConfigReader.read(siteDirectory: options.source)
        diagnostics += configDiagnostics
        guard var config = loadedConfig else {
            return BuildResult(files: [], pages: [], diagnostics: diagnostics)
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL }

        let (theme, themeDiagnostics) = Theme.load(site: options.source, config: config)
        diagnostics += themeDiagnostics

        let scanner = ContentScanner(
            contentDirectory: options.source.appending(path: "content"), displayPrefix: "content",
            languages: Set(config.languages.map(\.language.code)), defaultLanguage: config.defaultContentLanguage)
        let (files, scanDiagnostics) = scanner.scan()
        diagnostics += scanDiagnostics
        progress?("Reading", 0, files.count)

        var catalog = ShortcodeCatalog.builtIn
        for name in theme.shortcodeNames where catalog.kinds[name] == nil {
            catalog.kinds[name] = .either
        }
        var loader = PageLoader(config: config, catalog: catalog)
        if let readFile { loader.readFile = readFile }
        var pages: [Page] = []
        for outcome in loader.load(files) {
            switch outcome {
            case .failed(let problems):
                diagnostics += problems
            case .loaded(var loaded):
                diagnostics += loaded.diagnostics
                guard isPublished(loaded.metadata) else { continue }
                if let problem = Self.outsideSiteDiagnostic(loaded) {
                    diagnostics.append(problem)
                    continue
                }
                let url = URLPaths.pageURL(file: loaded.file, metadata: loaded.metadata, config: config)
                guard URLPaths.safeSitePath(url) != nil, OutputWriter.isSafe(URLPaths.outputFile(forURL: url)) else {
                    let key = loaded.metadata.url != nil ? "url" : "slug"
                    diagnostics.append(Diagnostic(
                        .error, code: "url.outside",
                        message: "'\(key)' makes the page URL '\(url)', which points outside the site; page not written",
                        location: loaded.document.location(ofKey: key)))
                    continue
                }
                loaded.metadata.aliases = loaded.metadata.aliases.filter { alias in
                    guard URLPaths.safeSitePath(alias) == nil else { return true }
                    diagnostics.append(Diagnostic(
                        .error, code: "url.outside",
                        message: "alias '\(alias)' points outside the site; not written",
                        location: loaded.document.location(ofKey: "aliases", text: alias)))
                    return false
                }
                for plural in loaded.metadata.taxonomies.keys.sorted() {
                    loaded.metadata.taxonomies[plural]?.removeAll { term in
                        // `../x` (also `%2e%2e`), `a//b` or `.` would not make a path inside the site.
                        let slug = Slug.urlize(term)
                        let url = "/\(plural)/\(slug)/"
                        guard !slug.isEmpty,
                              URLPaths.safeSitePath(url) == nil || !OutputWriter.isSafe(URLPaths.outputFile(forURL: url))
                        else { return false }
                        diagnostics.append(Diagnostic(
                            .error, code: "url.outside",
                            message: "\(plural) term '\(term)' makes the URL '/\(plural)/\(slug)/', which is not a plain path inside the site; left out",
                            location: loaded.document.location(ofKey: plural, text: term)))
                        return true
                    }
                }
                pages.append(Page(
                    file: loaded.file, document: loaded.document, metadata: loaded.metadata,
                    relativeURL: url,
                    translationKey: loaded.metadata.translationKey ?? loaded.file.logicalPath))
            }
        }
        diagnostics += Self.duplicateURLDiagnostics(pages)
        diagnostics += Self.removeAliasesOfPages(&pages, config: config)

        let site = SiteIndex(config: config, pages: pages, theme: theme)
        pages = render(pages, site: site, diagnostics: &diagnostics)
        let renderedSite = SiteIndex(config: config, pages: pages, theme: theme)

        var output: [OutputFile] = []
        let templates = TemplateData(site: renderedSite)
        let writtenPages = ParallelMap.map(pages.filter(\.isRegular)) { page -> (OutputFile?, Diagnostic?) in
            let layout = "single"
            guard let html = theme.render(layout, templates.pageContext(page)) else {
                return (nil, Diagnostic(
                    .error, code: "template.missing",
                    message: "the theme has no '\(layout)' template (layouts/\(layout).mustache)",
                    location: SourceLocation(path: page.file.displayPath)))
            }
            return (OutputFile(path: page.outputPath, text: html), nil)
        }
        for (file, problem) in writtenPages {
            if let file { output.append(file) }
            if let problem { diagnostics.append(problem) }
        }
        output += ListPages(site: renderedSite, templates: templates).files(diagnostics: &diagnostics)
        output += resourceFiles(pages, config: config)
        output += staticFiles(theme: theme)
        return BuildResult(files: Self.deduplicated(output), pages: pages, diagnostics: diagnostics.sorted(), config: config)
    }

    /// Drafts, future and expired pages are left out unless asked for.
    func isPublished(_ metadata: PageMetadata) -> Bool {
        if metadata.draft && !options.includeDrafts { return false }
        let publish = metadata.publishDate ?? metadata.date
        if let publish, publish.date > options.now, !options.includeFuture { return false }
        if let expiry = metadata.expiryDate, expiry.date <= options.now, !options.includeExpired { return false }
        return true
    }

    private func render(_ pages: [Page], site: SiteIndex, diagnostics: inout [Diagnostic]) -> [Page] {
        let renderer = BodyRenderer(markup: site.config.markup, summaryLength: site.config.summaryLength)
        let counter = ProgressCounter(total: pages.count, stage: "Rendering", report: progress)
        let rendered = ParallelMap.map(pages) { page -> (Page, [Diagnostic]) in
            var page = page
            let (body, problems) = renderer.render(page.document, context: site.renderContext(for: page))
            page.body = body
            if page.isRegular {
                page.feedBody = renderer.render(page.document, context: site.renderContext(for: page, forFeed: true)).body
            }
            counter.step()
            return (page, problems)
        }
        diagnostics += rendered.flatMap(\.1)
        return rendered.map(\.0)
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

    /// Aliases that are the URL of a page, or of an earlier alias, are dropped with a warning:
    /// the page (or the first alias) keeps that URL.
    static func removeAliasesOfPages(_ pages: inout [Page], config: SiteConfig) -> [Diagnostic] {
        var owners: [String: (path: String, isAlias: Bool)] = [:]
        for page in pages where owners[page.outputPath] == nil { owners[page.outputPath] = (page.file.displayPath, false) }
        var diagnostics: [Diagnostic] = []
        for index in pages.indices where pages[index].isRegular {
            let page = pages[index]
            var written: [String: Int] = [:]
            pages[index].metadata.aliases = page.metadata.aliases.filter { alias in
                written[alias, default: 0] += 1
                guard let path = URLPaths.safeSitePath(alias) else { return true }
                let prefix = URLPaths.languagePrefix(page.language, config: config)
                let full = !prefix.isEmpty && !path.hasPrefix(prefix + "/") ? prefix + path : path
                let output = URLPaths.outputFile(forURL: full)
                if let owner = owners[output] {
                    let what = switch (owner.isAlias, owner.path == page.file.displayPath) {
                    case (false, true): "this page's own URL"
                    case (false, false): "the URL of \(owner.path)"
                    case (true, true): "given twice"
                    case (true, false): "also an alias of \(owner.path)"
                    }
                    diagnostics.append(Diagnostic(
                        .warning, code: "url.alias",
                        message: "alias '\(alias)' is \(what); not written",
                        location: page.document.location(ofKey: "aliases", text: alias, occurrence: written[alias] ?? 1)))
                    return false
                }
                owners[output] = (page.file.displayPath, true)
                return true
            }
        }
        return diagnostics
    }

    static func duplicateURLDiagnostics(_ pages: [Page]) -> [Diagnostic] {
        var seen: [String: Page] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages {
            if let first = seen[page.relativeURL] {
                // Point at the url or slug that made the URL, when one did.
                let key = page.metadata.url != nil ? "url" : (page.metadata.slug != nil ? "slug" : nil)
                diagnostics.append(Diagnostic(
                    .error, code: "url.duplicate",
                    message: "page has the same URL '\(page.relativeURL)' as \(first.file.displayPath); only the first is written",
                    location: key.map { page.document.location(ofKey: $0) } ?? SourceLocation(path: page.file.displayPath)))
            } else {
                seen[page.relativeURL] = page
            }
        }
        return diagnostics
    }

    /// Bundle resources are copied next to each language's page, as Hugo does.
    private func resourceFiles(_ pages: [Page], config: SiteConfig) -> [OutputFile] {
        pages.flatMap { page -> [OutputFile] in
            let folder = URL(fileURLWithPath: page.file.absolutePath).deletingLastPathComponent()
            let directory = String(page.outputPath.dropLast("index.html".count))
            guard page.outputPath.hasSuffix("index.html") else { return [] }
            return page.file.resources.map {
                OutputFile(path: directory + $0, content: .copy(folder.appending(path: $0)))
            }
        }
    }

    /// The site's `static/` files, then the theme's (the site's win: the first of a path is kept).
    private func staticFiles(theme: Theme) -> [OutputFile] {
        var files: [OutputFile] = []
        let folder = options.source.appending(path: "static")
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            let root = folder.standardizedFileURL.path
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(OutputFile(path: String(url.standardizedFileURL.path.dropFirst(root.count + 1)), content: .copy(url)))
            }
        }
        files += theme.staticFiles.sorted { $0.key < $1.key }.map { path, file -> OutputFile in
            switch file {
            case .embedded(let data): OutputFile(path: path, content: .data(data))
            case .file(let url): OutputFile(path: path, content: .copy(url))
            }
        }
        return files
    }

    /// Keeps the first file written to each path (pages before resources and static files).
    static func deduplicated(_ files: [OutputFile]) -> [OutputFile] {
        var seen: Set<String> = []
        return files.filter { seen.insert($0.path).inserted }
    }
}

/// Counts finished work from many threads and reports it.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let stage: String
    let report: (@Sendable (String, Int, Int) -> Void)?

    init(total: Int, stage: String, report: (@Sendable (String, Int, Int) -> Void)?) {
        self.total = total
        self.stage = stage
        self.report = report
    }

    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let current = done
        lock.unlock()
        report(stage, current, total)
    }
}
