import ContentParsing
import Foundation
import MarkdownRendering
import SiteCore

/// What `chronicle check` adds to a build's diagnostics: links inside the site that lead
/// nowhere (pages, anchors, images, in either language), featured images that do not exist,
/// and bundle resources no page uses.
public struct LinkChecker: Sendable {
    public var result: BuildResult
    /// The pages' rendered bodies, collected while the site was built.
    public var bodies: RenderedBodies

    public init(result: BuildResult, bodies: RenderedBodies) {
        self.result = result
        self.bodies = bodies
    }

    public func check() -> [Diagnostic] {
        guard let config = result.config else { return [] }
        let base = URL(string: config.baseURL)
        let basePath = (base?.path ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        var outputs: [String: OutputFile] = [:]
        for file in result.files { outputs[file.path] = file }
        let idCache = IDCache(outputs: outputs)
        var diagnostics: [Diagnostic] = []
        for page in result.pages where page.isRegular {
            guard let html = bodies.html(of: page) else { continue }
            let pageURL = URL(string: page.relativeURL, relativeTo: URL(string: "https://site.invalid/"))!
            var reported: Set<String> = []
            for link in Self.links(in: html) where reported.insert(link).inserted {
                guard let problem = problem(link, pageURL: pageURL, page: page, base: base, basePath: basePath,
                                            outputs: outputs, ids: idCache) else { continue }
                diagnostics.append(diagnostic(problem, link: link, page: page))
            }
            diagnostics += featuredImageProblems(page, outputs: outputs)
        }
        diagnostics += unusedResources()
        return diagnostics
    }

    /// `href` and `src` values of an HTML fragment, entities decoded.
    static func links(in html: String) -> [String] {
        var links: [String] = []
        var rest = Substring(html)
        while let match = rest.range(of: #"(?:href|src)="[^"]*""#, options: .regularExpression) {
            let attribute = rest[match]
            let value = attribute[attribute.index(after: attribute.firstIndex(of: "\"")!)..<attribute.index(before: attribute.endIndex)]
            links.append(value.replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[match.upperBound...]
        }
        return links
    }

    private func problem(
        _ link: String, pageURL: URL, page: Page, base: URL?, basePath: String,
        outputs: [String: OutputFile], ids: IDCache
    ) -> String? {
        if link.isEmpty { return "empty link" }
        if link.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil || link.hasPrefix("//") {
            // Absolute: only links to this site's own host are checked.
            guard let url = URL(string: link), let base, url.host == base.host, url.scheme?.hasPrefix("http") == true else { return nil }
            return check(path: url.path, fragment: url.fragment, basePath: basePath, outputs: outputs, ids: ids)
        }
        guard let url = URL(string: link, relativeTo: pageURL) else { return "link is not a valid URL" }
        var path = url.path
        if !basePath.isEmpty, link.hasPrefix("/") { path = String(path.dropFirst(basePath.count + 1)) }
        return check(path: path, fragment: url.fragment, basePath: "", outputs: outputs, ids: ids)
    }

    private func check(path rawPath: String, fragment: String?, basePath: String, outputs: [String: OutputFile], ids: IDCache) -> String? {
        var path = rawPath.removingPercentEncoding ?? rawPath
        while path.hasPrefix("/") { path.removeFirst() }
        if !basePath.isEmpty {
            guard path.hasPrefix(basePath) else { return nil }
            path = String(path.dropFirst(basePath.count))
            while path.hasPrefix("/") { path.removeFirst() }
        }
        let candidates = path.isEmpty || path.hasSuffix("/") ? [path + "index.html"] : [path, path + "/index.html"]
        guard let target = candidates.first(where: { outputs[$0] != nil }) else {
            return "links to '/\(path)', which the site does not have"
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !ids.ids(of: target).contains(fragment) {
            return "links to '#\(fragment)' on '/\(path)', which has no such anchor"
        }
        return nil
    }

    private func diagnostic(_ problem: String, link: String, page: Page) -> Diagnostic {
        let text = page.document.source.text
        let index = LineIndex(text)
        if let range = text.range(of: link) ?? text.range(of: link.split(separator: "#").first.map(String.init) ?? link) {
            return index.diagnostic(.error, code: "link.broken", message: "broken link: \(problem)", path: page.file.displayPath,
                                    offset: text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound))
        }
        return Diagnostic(.error, code: "link.broken", message: "broken link '\(link)': \(problem)",
                          location: SourceLocation(path: page.file.displayPath))
    }

    private func featuredImageProblems(_ page: Page, outputs: [String: OutputFile]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for key in ["featuredImage", "featuredImagePreview"] {
            guard let value = page.metadata.params[key]?.stringValue, !value.isEmpty, !value.contains("://") else { continue }
            var path = value.hasPrefix("/") ? String(value.dropFirst()) : page.resourceFolder + value
            path = path.removingPercentEncoding ?? path
            if outputs[path] == nil {
                let line = page.document.frontMatter.keyLines[key]
                problems.append(Diagnostic(
                    .error, code: "image.missing", message: "\(key) '\(value)' does not exist in the page bundle or static/",
                    location: SourceLocation(path: page.file.displayPath, line: line, column: line.map { _ in 1 }),
                    sourceLine: line.map { LineIndex(page.document.source.text).lineText($0) }))
            }
        }
        return problems
    }

    /// Bundle resources that no language's page mentions (body or front matter).
    private func unusedResources() -> [Diagnostic] {
        // A bundle's languages share its resources, in one folder or in each language's.
        let bundles = Dictionary(grouping: result.pages.filter { $0.file.kind == .leafBundle }, by: \.file.logicalPath)
        var diagnostics: [Diagnostic] = []
        for (_, pages) in bundles.sorted(by: { $0.key < $1.key }) {
            let texts = pages.map(\.document.source.text)
            // Each folder's own files once (the languages of one folder share them).
            var seen: Set<String> = []
            for page in pages {
                let folder = (page.file.displayPath as NSString).deletingLastPathComponent
                for resource in page.file.resources where page.file.borrowedResources[resource] == nil {
                    guard seen.insert(folder + "/" + resource).inserted else { continue }
                    let name = resource.removingPercentEncoding ?? resource
                    let encoded = Slug.percentEncodedPath(name)
                    if texts.contains(where: { $0.contains(name) || $0.contains(encoded) }) { continue }
                    diagnostics.append(Diagnostic(
                        .warning, code: "resource.unused",
                        message: "bundle resource is not used by any language's page",
                        location: SourceLocation(path: folder + "/" + resource)))
                }
            }
        }
        return diagnostics
    }
}

/// The `id` attributes of output pages, read once each.
private final class IDCache: @unchecked Sendable {
    private let outputs: [String: OutputFile]
    private var cache: [String: Set<String>] = [:]

    init(outputs: [String: OutputFile]) { self.outputs = outputs }

    func ids(of path: String) -> Set<String> {
        if let known = cache[path] { return known }
        var ids: Set<String> = []
        if let file = outputs[path] {
            let html: String
            switch file.content {
            case .data(let data): html = String(decoding: data, as: UTF8.self)
            case .copy(let url): html = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            }
            var rest = Substring(html)
            while let match = rest.range(of: #"\b(?:id|name)="[^"]*""#, options: .regularExpression) {
                let attribute = rest[match]
                let value = attribute[attribute.index(after: attribute.firstIndex(of: "\"")!)..<attribute.index(before: attribute.endIndex)]
                ids.insert(String(value).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[match.upperBound...]
            }
        }
        cache[path] = ids
        return ids
    }
}

/// The body HTML of every rendered page, collected from `SiteGenerator.observeRenderedPage`
/// (from many threads) for `chronicle check`.
public final class RenderedBodies: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [ObjectIdentifier: String] = [:]

    public init() {}

    /// Pass this as `SiteGenerator.observeRenderedPage`.
    public func collect(_ page: Page, _ body: RenderedBody) {
        lock.lock()
        bodies[ObjectIdentifier(page)] = body.html
        lock.unlock()
    }

    /// The body HTML of `page`, nil when it was not rendered.
    public func html(of page: Page) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return bodies[ObjectIdentifier(page)]
    }
}
