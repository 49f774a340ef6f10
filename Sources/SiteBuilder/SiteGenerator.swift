import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore

/// Builds a site as four stages that pass values: **load** (`PageLoader`: read, decode, repair,
/// front matter, shortcodes; per file, in parallel), **link** (`SiteLinker`: URLs, translations,
/// taxonomies, lists, `ref` targets and aliases, once, before anything is rendered), **render**
/// (each body parsed once, page and feed forms from the same tree) and **emit** (templates,
/// then an `OutputSink`). Render and the pages' emit run together per page, so a page's HTML is
/// written as soon as it exists and only what lists need of it is kept.
public struct SiteGenerator: Sendable {
    public var options: BuildOptions
    /// Called with a stage name and progress (done, total) during long work.
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    /// Reads a content file's bytes; tests inject failures here.
    public var readFile: (@Sendable (String) throws -> Data)?
    /// Called for every rendered page (from many threads): `check` collects links here.
    public var observeRenderedPage: (@Sendable (Page, RenderedBody) -> Void)?

    public init(options: BuildOptions, progress: (@Sendable (String, Int, Int) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Builds the site in memory.
    public func generate() -> BuildResult {
        let memory = MemoryOutput()
        var result = generate(into: memory)
        result.files = memory.files
        return result
    }

    /// Builds the site into `sink`, file by file. The result's `files` stays empty.
    public func generate(into sink: OutputSink) -> BuildResult {
        var diagnostics: [Diagnostic] = []
        var clock = StageClock()
        let (loadedConfig, configDiagnostics) = ConfigReader.read(siteDirectory: options.source)
        diagnostics += configDiagnostics
        guard var config = loadedConfig else {
            return BuildResult(files: [], pages: [], diagnostics: diagnostics)
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL }

        let (theme, themeDiagnostics) = Theme.load(site: options.source, config: config)
        diagnostics += themeDiagnostics

        clock.lap("set-up")

        // Load.
        let (files, scanDiagnostics) = ContentScanner(site: options.source, config: config).scan()
        diagnostics += scanDiagnostics
        clock.lap("scan")
        progress?("Reading", 0, files.count)
        var loader = PageLoader(config: config, catalog: Self.catalog(theme), jobs: options.jobs)
        if let readFile { loader.readFile = readFile }
        var loaded: [PageLoader.Loaded] = []
        for outcome in loader.load(files) {
            switch outcome {
            case .failed(let problems):
                diagnostics += problems
            case .loaded(let page):
                diagnostics += page.diagnostics
                loaded.append(page)
            }
        }

        clock.lap("load")

        // Link.
        let (site, linkDiagnostics, _) = SiteLinker.link(loaded, config: config, theme: theme, options: options)
        loaded = []
        diagnostics += linkDiagnostics

        clock.lap("link")

        // Render, and emit each page as soon as it is rendered.
        let staticFiles = Self.staticFiles(source: options.source, theme: theme)
        let templates = TemplateData(site: site, now: options.now, staticPaths: Set(staticFiles.map(\.path)), search: options.search)
        let emitter = PageEmitter(site: site, templates: templates)
        let renderer = BodyRenderer(markup: config.markup, summaryLength: config.summaryLength)
        let counter = ProgressCounter(total: site.pages.count, stage: "Rendering", report: progress)
        let observer = observeRenderedPage
        let outcomes = ParallelMap.map(site.pages.indices.map { $0 }, jobs: options.jobs) { index -> (PageEmitter.ListEntry, [Diagnostic]) in
            let rendered = PageRenderer.render(index, site: site, renderer: renderer)
            observer?(site.pages[index], rendered.body)
            var problems = rendered.diagnostics
            let summary = templates.summaryValues(site.pages[index], body: rendered.body)
            switch emitter.single(rendered, summary: summary) {
            case .file(let file): sink.write(file)
            case .problem(let problem): problems.append(problem)
            case nil: break
            }
            counter.step()
            return (emitter.listEntry(rendered, summary: summary), problems)
        }
        diagnostics += outcomes.flatMap(\.1)

        clock.lap("render and pages")

        // Emit the lists, feeds, sitemaps and redirects.
        let lists = ListPages(site: site, templates: templates, entries: outcomes.map(\.0))
        let jobs = lists.jobs()
        clock.lap("list plan")
        let listCounter = ProgressCounter(total: jobs.count, stage: "Writing lists", report: progress)
        let listProblems = ParallelMap.map(jobs, jobs: options.jobs) { job -> Diagnostic? in
            defer { listCounter.step() }
            switch job.make() {
            case .file(let file):
                sink.write(file)
                return nil
            case .problem(let problem):
                return problem
            }
        }
        diagnostics += listProblems.compactMap { $0 }

        clock.lap("lists")

        // Bundle resources and static files last: pages and lists win a path they share.
        for file in Self.resourceFiles(site.pages) { sink.write(file) }
        for file in staticFiles { sink.write(file) }
        clock.lap("resources")
        var result = BuildResult(files: [], pages: site.pages, diagnostics: diagnostics.sorted(), config: config)
        result.stageSeconds = clock.laps
        return result
    }

    /// The built-in shortcodes and the theme's.
    static func catalog(_ theme: Theme) -> ShortcodeCatalog {
        var catalog = ShortcodeCatalog.builtIn
        for name in theme.shortcodeNames where catalog.kinds[name] == nil {
            catalog.kinds[name] = .either
        }
        return catalog
    }

    /// Bundle resources are copied next to each language's page, as Hugo does.
    static func resourceFiles(_ pages: [Page]) -> [OutputFile] {
        pages.flatMap { page -> [OutputFile] in
            // Most pages have none; a URL per page costs more than all the rest of this.
            guard !page.file.resources.isEmpty, page.outputPath.hasSuffix(".html") else { return [] }
            let directory = page.resourceFolder
            return page.file.resources.map {
                OutputFile(path: directory + $0, content: .copy(URL(fileURLWithPath: page.file.resourceFile($0))))
            }
        }
    }

    /// The site's `static/` files, then the theme's (the site's win: the first of a path is kept).
    static func staticFiles(source: URL, theme: Theme) -> [OutputFile] {
        var files: [OutputFile] = []
        let folder = source.appending(path: "static")
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
}

/// The render stage for one page.
enum PageRenderer {
    /// Renders a page's body; regular pages also get their feed form (from the same parse).
    /// The summary's relative links are made site-relative, for the lists that show it.
    static func render(_ index: Int, site: LinkedSite, renderer: BodyRenderer) -> RenderedPage {
        let page = site.pages[index]
        let output = renderer.render(page.document, context: site.renderContext(for: page), feed: page.isRegular)
        var body = output.body
        body.summaryHTML = SummaryLinks.rewrite(body.summaryHTML, pageURL: site.relativeLink(page.relativeURL))
        return RenderedPage(index: index, body: body, feed: output.feed, diagnostics: output.diagnostics)
    }
}

/// The wall time of each stage.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((stage, Double(now - last) / 1e9))
        last = now
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
