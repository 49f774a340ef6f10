import Foundation
import MarkdownRendering
import SiteCore
import Templates

/// One build of a `SiteSession`, held in memory and immutable: every output path of the site
/// with the way to make its file. Files are made when asked for, so an edit costs only the
/// pages that are read again, not every list and feed of the site. What a file
/// holds is exactly what `chronicle build` writes to that path: the same stages make it.
public final class SiteSnapshot: @unchecked Sendable {
    /// Counts the snapshots of a session: 1 for the first build.
    public let generation: Int
    public let site: LinkedSite
    /// Every problem of this build (config, content, links, bodies), sorted.
    public let diagnostics: [Diagnostic]
    /// The content files that were read again for this build (site-relative display paths);
    /// every file for a full build.
    public let reloadedFiles: [String]
    /// Whether everything was built anew (first build, config, theme or layout change).
    public let wasFullBuild: Bool
    /// Wall time of the build, from the change to the snapshot.
    public let seconds: Double
    /// Wall time of each stage of the build, in order (`serve --verbose` prints them).
    public internal(set) var stageSeconds: [(stage: String, seconds: Double)] = []
    /// The link kept the last build's lists, taxonomies and translations: no page changed its
    /// place in them (an edit of a page's text, not of its title, date, tags or URL).
    public internal(set) var linkedInPlace = false

    private let routes: [String: Route]
    private let bodies: [RenderedPage?]
    private let summaries: [[String: TemplateValue]?]
    private let emitter: PageEmitter
    private let listJobs: [ListPages.Job]

    enum Route: Sendable {
        case page(Int)
        case list(Int)
        case file(OutputFile)
    }

    /// A file of the snapshot, ready to serve.
    public enum Made: Sendable {
        case data(Data)
        /// A file copied as is from the site (static files, bundle resources).
        case file(URL)
        /// The theme could not make the file.
        case problem(Diagnostic)
    }

    init(
        generation: Int, site: LinkedSite, templates: TemplateData, bodies: [RenderedPage?],
        summaries: [[String: TemplateValue]?], listJobs: [ListPages.Job], extraFiles: [OutputFile],
        diagnostics: [Diagnostic], reloadedFiles: [String], wasFullBuild: Bool, seconds: Double
    ) {
        self.generation = generation
        self.site = site
        self.bodies = bodies
        self.summaries = summaries
        self.emitter = PageEmitter(site: site, templates: templates)
        self.listJobs = listJobs
        self.diagnostics = diagnostics
        self.reloadedFiles = reloadedFiles
        self.wasFullBuild = wasFullBuild
        self.seconds = seconds
        // The build's precedence: pages, then lists, then bundle resources and static files.
        var routes: [String: Route] = [:]
        for index in site.pages.indices where site.isWritten[index] && bodies[index] != nil {
            if routes[site.pages[index].outputPath] == nil { routes[site.pages[index].outputPath] = .page(index) }
        }
        for (index, job) in listJobs.enumerated() where routes[job.path] == nil {
            routes[job.path] = .list(index)
        }
        for file in extraFiles where routes[file.path] == nil {
            routes[file.path] = .file(file)
        }
        self.routes = routes
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var pages: [Page] { site.pages }
    /// Every output path, sorted.
    public var paths: [String] { routes.keys.sorted() }

    /// Whether the snapshot has a file at this output path (`posts/a/index.html`).
    public func contains(_ path: String) -> Bool { routes[path] != nil }

    /// The rendered body of a page (by its index in `pages`), nil when it was not rendered.
    public func body(ofPage index: Int) -> RenderedBody? { bodies[index]?.body }

    /// The file at an output path (`posts/a/index.html`, `index.xml`), made now (the preview
    /// server keeps what it sent, per snapshot).
    public func file(at path: String) -> Made? {
        guard let route = routes[path] else { return nil }
        switch route {
        case .page(let index):
            guard let rendered = bodies[index], let summary = summaries[index] else { return nil }
            switch emitter.single(rendered, summary: summary) {
            case .file(let file)?: return Self.made(file)
            case .problem(let problem)?: return .problem(problem)
            case nil: return nil
            }
        case .list(let index):
            switch listJobs[index].make() {
            case .file(let file): return Self.made(file)
            case .problem(let problem): return .problem(problem)
            }
        case .file(let file):
            return Self.made(file)
        }
    }

    private static func made(_ file: OutputFile) -> Made {
        switch file.content {
        case .data(let data): .data(data)
        case .copy(let url): .file(url)
        }
    }
}
