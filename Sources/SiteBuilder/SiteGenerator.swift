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
            case .loaded(let loaded):
                diagnostics += loaded.diagnostics
                guard isPublished(loaded.metadata) else { continue }
                let url = URLPaths.pageURL(file: loaded.file, metadata: loaded.metadata, config: config)
                guard URLPaths.safeSitePath(url) != nil, OutputWriter.isSafe(URLPaths.outputFile(forURL: url)) else {
                    let key = loaded.metadata.url != nil ? "url" : "slug"
                    diagnostics.append(Diagnostic(
                        .error, code: "url.outside",
                        message: "'\(key)' makes the page URL '\(url)', which points outside the site; page not written",
                        location: SourceLocation(path: loaded.file.displayPath, line: loaded.document.frontMatter.keyLines[key])))
                    continue
                }
                pages.append(Page(
                    file: loaded.file, document: loaded.document, metadata: loaded.metadata,
                    relativeURL: url,
                    translationKey: loaded.metadata.translationKey ?? loaded.file.logicalPath))
            }
        }
        diagnostics += Self.duplicateURLDiagnostics(pages)

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

    static func duplicateURLDiagnostics(_ pages: [Page]) -> [Diagnostic] {
        var seen: [String: Page] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages {
            if let first = seen[page.relativeURL] {
                diagnostics.append(Diagnostic(
                    .error, code: "url.duplicate",
                    message: "page has the same URL '\(page.relativeURL)' as \(first.file.displayPath); only the first is written",
                    location: SourceLocation(path: page.file.displayPath)))
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
