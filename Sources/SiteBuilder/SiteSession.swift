import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore
import Templates

/// A build kept in memory and brought up to date edit by edit, for `chronicle serve`. It runs
/// the build's own stages (scan, `PageLoader`, `SiteLinker`, the render stage, `PageEmitter`
/// and `ListPages`), and keeps between builds what the next one can reuse:
///
/// - **load**: each content file's loaded page; only files that changed (and their translations,
///   which share the file's mojibake repair) are read again;
/// - **link**: always again, over every loaded page (URLs, translations, lists, taxonomies: one
///   edited date or tag can move a page in every list);
/// - **render**: a page's body is rendered again when its file was read again, its URL moved, or
///   it has `ref`/`relref` shortcodes and some page's URL changed;
/// - **emit**: nothing ahead of time: a `SiteSnapshot` makes each file when it is first asked
///   for, from the bodies and list entries kept here.
///
/// A change to the config, the theme, `layouts/` or `i18n/` builds everything anew. Not
/// thread-safe: one caller (the preview server's build queue) calls `update` at a time.
public final class SiteSession: @unchecked Sendable {
    public let options: BuildOptions
    /// The address a preview serves the site on (`http://127.0.0.1:1313`), known once it
    /// listens, before the first build: pages are then built for it, under the config's base
    /// path (`/blog/`), also after the config changes. `options.baseURL` wins.
    public var servedOrigin: String?

    private var setUp: SetUp?
    private var files: [ContentFile] = [] {
        didSet { knownPaths = Set(files.map(\.absolutePath)) }
    }
    /// The absolute paths of `files`.
    private var knownPaths: Set<String> = []
    private var scanDiagnostics: [Diagnostic] = []
    /// By relative path: the file's loaded page (or why it failed), and how often it was read.
    private var loaded: [String: (outcome: PageLoader.Outcome, revision: Int)] = [:]
    /// By relative path: the rendered body and what lists keep of it, for the revision and URL
    /// it was made from.
    private var rendered: [String: RenderedEntry] = [:]
    /// How many pages the last build had.
    private var renderedPageCount = 0
    private var staticFiles: [OutputFile] = []
    /// Each page's own link checks, kept for pages not read again.
    private var linkChecks = SiteLinker.Checks()
    private var revision = 0
    private var generation = 0

    /// What a full build reads before any content.
    private struct SetUp {
        var config: SiteConfig
        var theme: Theme
        var catalog: ShortcodeCatalog
        var diagnostics: [Diagnostic]
    }

    /// A reference, so that looking it up for every page on each build copies nothing.
    private final class RenderedEntry: @unchecked Sendable {
        var revision: Int
        let url: String
        let page: RenderedPage
        let summary: [String: TemplateValue]
        let listEntry: PageEmitter.ListEntry
        let usesReferences: Bool

        init(
            revision: Int, url: String, page: RenderedPage, summary: [String: TemplateValue],
            listEntry: PageEmitter.ListEntry, usesReferences: Bool
        ) {
            self.revision = revision
            self.url = url
            self.page = page
            self.summary = summary
            self.listEntry = listEntry
            self.usesReferences = usesReferences
        }
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What changed, as absolute file paths (or folders), classified against the site folder.
    public struct Change: Sendable {
        public var paths: Set<String>
        public init(paths: Set<String>) { self.paths = paths }
    }

    /// What an update made.
    public enum Update: Sendable {
        /// A new snapshot, also when the build has errors: the caller decides what to serve.
        case built(SiteSnapshot)
        /// Nothing could be built (the config cannot be read): the problems.
        case failed([Diagnostic])
        /// Nothing the build reads changed.
        case unchanged
    }

    /// Builds everything (`change` nil) or what `change` touches.
    public func update(_ change: Change? = nil) -> Update {
        let start = DispatchTime.now().uptimeNanoseconds
        var clock = StageClock()
        let source = options.source.standardizedFileURL.path
        // The content folders (`content/`, or each language's `contentDir`) as last read.
        let contents = (setUp.map { ContentRoot.roots(site: options.source, config: $0.config) } ?? [])
            .map { $0.directory.standardizedFileURL.path + "/" }
        let staticFolder = source + "/static/"
        var contentPaths: [String] = []
        var full = change == nil || setUp == nil
        var staticChanged = false
        for path in change?.paths ?? [] {
            if contents.contains(where: { path.hasPrefix($0) || path == $0.dropLast() }) {
                contentPaths.append(path)
            } else if path.hasPrefix(staticFolder) || path == staticFolder.dropLast() {
                staticChanged = true
            } else if Self.affectsBuild(path, source: source) {
                full = true
            }
        }
        if change != nil && !full && contentPaths.isEmpty && !staticChanged { return .unchanged }

        if full {
            let (loadedConfig, configDiagnostics) = ConfigReader.read(siteDirectory: options.source)
            guard var config = loadedConfig else {
                setUp = nil
                return .failed(configDiagnostics)
            }
            if let baseURL = options.baseURL {
                config.baseURL = baseURL
            } else if let servedOrigin {
                var path = URL(string: config.baseURL)?.path ?? ""
                while path.hasSuffix("/") { path.removeLast() }
                config.baseURL = servedOrigin + path + "/"
            }
            let (theme, themeDiagnostics) = Theme.load(site: options.source, config: config)
            setUp = SetUp(
                config: config, theme: theme, catalog: SiteGenerator.catalog(theme),
                diagnostics: configDiagnostics + themeDiagnostics)
            loaded = [:]
            rendered = [:]
            renderedPageCount = 0
            linkChecks = SiteLinker.Checks()
        }
        guard let setUp else { return .unchanged }
        if full || staticChanged {
            staticFiles = SiteGenerator.staticFiles(source: options.source, theme: setUp.theme)
        }

        // Scan again when files may have come or gone; an edit of a known file needs no scan.
        var toLoad: [ContentFile]
        var cascadeChanged = false
        if full || needsScan(contentPaths) {
            (files, scanDiagnostics) = ContentScanner(site: options.source, config: setUp.config).scan()
            let present = Set(files.map(\.displayPath))
            // A deleted `_index.md` with a `cascade` takes its values from the pages below.
            cascadeChanged = loaded.contains { !present.contains($0.key) && Cascade.has($0.value.outcome.page) }
            loaded = loaded.filter { present.contains($0.key) }
            rendered = rendered.filter { present.contains($0.key) }
            let changed = Set(contentPaths)
            toLoad = files.filter { loaded[$0.displayPath] == nil || changed.contains($0.absolutePath) }
        } else {
            let changed = Set(contentPaths)
            toLoad = files.filter { changed.contains($0.absolutePath) }
        }
        // A file's translations are read with it: they share its mojibake repair.
        let groups = Set(toLoad.map(\.logicalPath))
        toLoad = files.filter { groups.contains($0.logicalPath) }
        clock.lap("scan")
        let loader = PageLoader(config: setUp.config, catalog: setUp.catalog, jobs: options.jobs)
        revision += 1
        for (file, outcome) in zip(toLoad, loader.load(toLoad)) {
            if Cascade.has(outcome.page) || Cascade.has(loaded[file.displayPath]?.outcome.page) {
                cascadeChanged = true
            }
            loaded[file.displayPath] = (outcome, revision)
        }
        // A `cascade` read again (or deleted) may change the front matter of pages that were
        // not: check, link and render everything again (cascades are rare and seldom edited).
        if cascadeChanged {
            rendered = [:]
            linkChecks = SiteLinker.Checks()
        }
        clock.lap("load")

        // Link every loaded page, in content order.
        var diagnostics = setUp.diagnostics + scanDiagnostics
        var pages: [PageLoader.Loaded] = []
        var revisions: [Int] = []
        pages.reserveCapacity(files.count)
        revisions.reserveCapacity(files.count)
        for file in files {
            switch loaded[file.displayPath]?.outcome {
            case .loaded(let page)?:
                diagnostics += page.diagnostics
                pages.append(page)
                revisions.append(loaded[file.displayPath]?.revision ?? 0)
            case .failed(let problems)?:
                diagnostics += problems
            case nil:
                break
            }
        }
        let (site, linkDiagnostics, linkedInPlace) = SiteLinker.link(
            pages, config: setUp.config, theme: setUp.theme, options: options, revisions: revisions, checks: linkChecks)
        pages = []
        diagnostics += linkDiagnostics
        clock.lap("link")

        // Render what is new or moved. Some page's URL moved (or a page came or went) when a
        // page has no body yet, its body was made for another URL, or the count changed: then
        // bodies with `ref`/`relref` are made again too.
        var current = site.pages.map { rendered[$0.file.displayPath] }
        let revisionOf = site.pages.map { loaded[$0.file.displayPath]?.revision ?? 0 }
        let urlsMoved = site.pages.count != renderedPageCount
            || site.pages.indices.contains { current[$0] == nil || current[$0]!.url != site.pages[$0].relativeURL }
        renderedPageCount = site.pages.count
        let templates = TemplateData(site: site, now: options.now, staticPaths: Set(staticFiles.map(\.path)), search: options.search)
        let emitter = PageEmitter(site: site, templates: templates)
        let stale = site.pages.indices.filter { index in
            guard let entry = current[index] else { return true }
            return entry.revision != revisionOf[index] || entry.url != site.pages[index].relativeURL
                || (urlsMoved && entry.usesReferences)
        }
        let renderer = BodyRenderer(markup: setUp.config.markup, summaryLength: setUp.config.summaryLength)
        let fresh = ParallelMap.map(stale, jobs: options.jobs) { index -> RenderedEntry in
            let page = site.pages[index]
            let output = PageRenderer.render(index, site: site, renderer: renderer)
            let summary = templates.summaryValues(page, body: output.body)
            return RenderedEntry(
                revision: revisionOf[index], url: page.relativeURL, page: output, summary: summary,
                listEntry: emitter.listEntry(output, summary: summary),
                usesReferences: Self.usesReferences(page.document.nodes))
        }
        clock.lap("render")
        for (index, entry) in zip(stale, fresh) {
            rendered[site.pages[index].file.displayPath] = entry
            current[index] = entry
        }
        var bodies: [RenderedPage?] = []
        var summaries: [[String: TemplateValue]?] = []
        var entries: [PageEmitter.ListEntry?] = []
        bodies.reserveCapacity(site.pages.count)
        summaries.reserveCapacity(site.pages.count)
        entries.reserveCapacity(site.pages.count)
        for (index, entry) in current.enumerated() {
            // The cached body keeps the index it was rendered at; pages may have moved since.
            bodies.append(entry.map {
                RenderedPage(index: index, body: $0.page.body, feed: $0.page.feed, diagnostics: $0.page.diagnostics)
            })
            summaries.append(entry?.summary)
            entries.append(entry?.listEntry)
            diagnostics += entry?.page.diagnostics ?? []
        }

        clock.lap("collect")
        let lists = ListPages(site: site, templates: templates, entries: entries)
        let extras = SiteGenerator.resourceFiles(site.pages) + staticFiles
        let jobs = lists.jobs()
        clock.lap("list plan")
        generation += 1
        let snapshot = SiteSnapshot(
            generation: generation, site: site, templates: templates, bodies: bodies, summaries: summaries,
            listJobs: jobs, extraFiles: extras, diagnostics: diagnostics.sorted(),
            reloadedFiles: toLoad.map(\.displayPath), wasFullBuild: full,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        clock.lap("snapshot")
        snapshot.stageSeconds = clock.laps
        snapshot.linkedInPlace = linkedInPlace
        return .built(snapshot)
    }

    /// Whether a changed content path may add or remove files: anything but a known file that
    /// is still there (an edit, or an editor's save by rename onto the same name).
    private func needsScan(_ paths: [String]) -> Bool {
        return paths.contains { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return !knownPaths.contains(path) || !exists || isDirectory.boolValue
        }
    }

    /// Whether a changed file outside content/ and static/ changes the build: the config,
    /// `layouts/`, `themes/` and `i18n/` do; editor files, `public/` and `.git/` do not.
    static func affectsBuild(_ path: String, source: String) -> Bool {
        guard path.hasPrefix(source + "/") else { return false }
        let relative = path.dropFirst(source.count + 1)
        let first = relative.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        if ["layouts", "themes", "i18n", "data"].contains(first) { return true }
        guard !relative.contains("/") else { return false }
        return ["config.toml", "hugo.toml", "config.yaml", "config.yml", "hugo.yaml", "hugo.yml", "config.json", "hugo.json"]
            .contains(String(relative))
    }

    /// Whether a body links to other pages by `ref`/`relref` (its HTML then depends on their URLs).
    static func usesReferences(_ nodes: [BodyNode]) -> Bool {
        nodes.contains { node in
            guard case .shortcode(let call) = node else { return false }
            return call.name == "ref" || call.name == "relref" || usesReferences(call.inner ?? [])
        }
    }
}
