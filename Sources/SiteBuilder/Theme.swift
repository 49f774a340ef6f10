import ContentParsing
import DefaultTheme
import Foundation
import SiteCore
import Templates

/// Templates, shortcodes, strings and static files, layered: Chronicle's built-in default theme,
/// then the site's `themes/<theme>/`, then the site's own `layouts/`, `i18n/` (and, when the
/// output is written, `static/`), each overriding the last file by file (strings key by key).
public struct Theme: Sendable {
    /// Template sources by name (`single`, `list`, `partials/head`, `shortcodes/youtube`).
    public private(set) var templates: [String: TemplateSource] = [:]
    public private(set) var translations = Translations()
    /// Static files to copy to the output root, by output path.
    public private(set) var staticFiles: [String: StaticFile] = [:]
    public private(set) var library = TemplateLibrary()
    /// Names of the shortcodes the theme defines (`youtube` for `shortcodes/youtube`).
    public private(set) var shortcodeNameSet: Set<String> = []
    /// Templates of lower layers that a higher one replaced, latest last: a replacement that
    /// does not parse falls back to them.
    private var replaced: [String: [TemplateSource]] = [:]

    public struct TemplateSource: Sendable {
        public var text: String
        /// Where it came from, for diagnostics (`themes/default/layouts/single.mustache`).
        public var displayPath: String
    }

    public enum StaticFile: Sendable {
        case embedded(Data)
        case file(URL)
    }

    public init() {}

    /// Loads the layers for a site; a theme the config names but the site lacks falls back
    /// to the default theme with a warning.
    public static func load(site: URL, config: SiteConfig) -> (Theme, [Diagnostic]) {
        var theme = Theme()
        var diagnostics: [Diagnostic] = []
        for (path, data) in DefaultTheme.files.sorted(by: { $0.key < $1.key }) {
            theme.addFile(path: path, data: data, displayPrefix: "themes/default (built in)")
        }
        if let name = config.theme, !name.isEmpty {
            let folder = site.appending(path: "themes").appending(path: name)
            if FileManager.default.fileExists(atPath: folder.path) {
                theme.addFolder(folder, displayPrefix: "themes/\(name)")
            } else if name != "default" {
                diagnostics.append(Diagnostic(
                    .warning, code: "theme.missing",
                    message: "theme '\(name)' not found in themes/; using Chronicle's default theme",
                    location: SourceLocation(path: configDisplayPath(site))))
            }
        }
        let siteLayouts = site.appending(path: "layouts")
        if FileManager.default.fileExists(atPath: siteLayouts.path) {
            theme.addFolder(siteLayouts, displayPrefix: "layouts", isLayoutsFolder: true)
        }
        // The site's own strings override the theme's, key by key (Hugo's `i18n/` lookup).
        let siteStrings = site.appending(path: "i18n")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: siteStrings.path) {
            for name in names.sorted() where name.hasSuffix(".toml") {
                guard let data = FileManager.default.contents(atPath: siteStrings.appending(path: name).path) else { continue }
                theme.addFile(path: "i18n/" + name, data: data, displayPrefix: "i18n")
            }
        }
        diagnostics += theme.compile()
        return (theme, diagnostics)
    }

    private static func configDisplayPath(_ site: URL) -> String {
        for name in ["hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "config.yml", "config.json"]
        where FileManager.default.fileExists(atPath: site.appending(path: name).path) {
            return name
        }
        return "config.toml"
    }

    /// One file of a theme, `path` relative to the theme folder.
    mutating func addFile(path: String, data: Data, displayPrefix: String, source: URL? = nil) {
        let parts = path.split(separator: "/").map(String.init)
        guard let first = parts.first else { return }
        let rest = parts.dropFirst().joined(separator: "/")
        switch first {
        case "layouts" where path.hasSuffix(".mustache"):
            setTemplate(String(rest.dropLast(".mustache".count)), TemplateSource(
                text: String(decoding: data, as: UTF8.self), displayPath: displayPrefix + "/" + path))
        case "shortcodes" where path.hasSuffix(".mustache"):
            setTemplate("shortcodes/" + String(rest.dropLast(".mustache".count)), TemplateSource(
                text: String(decoding: data, as: UTF8.self), displayPath: displayPrefix + "/" + path))
        case "i18n" where path.hasSuffix(".toml"):
            translations.add(language: String(rest.dropLast(".toml".count)), toml: String(decoding: data, as: UTF8.self))
        case "static":
            staticFiles[rest] = source.map(StaticFile.file) ?? .embedded(data)
        default:
            break
        }
    }

    private mutating func setTemplate(_ name: String, _ source: TemplateSource) {
        if let previous = templates[name] { replaced[name, default: []].append(previous) }
        templates[name] = source
    }

    private mutating func addFolder(_ folder: URL, displayPrefix: String, isLayoutsFolder: Bool = false) {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        let root = folder.standardizedFileURL.path
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var relative = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            if isLayoutsFolder { relative = "layouts/" + relative }
            let isStatic = relative.hasPrefix("static/")
            let data = isStatic ? Data() : ((try? Data(contentsOf: url)) ?? Data())
            addFile(path: relative, data: data, displayPrefix: isLayoutsFolder ? "" : displayPrefix, source: url)
        }
    }

    /// Parses every template into the library; a syntax error is a diagnostic.
    private mutating func compile() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var library = TemplateLibrary()
        for (name, top) in templates.sorted(by: { $0.key < $1.key }) {
            // The top layer's template, else (when it does not parse) the layer below it.
            for source in [top] + (replaced[name] ?? []).reversed() {
                if let diagnostic = Self.register(source, named: name, in: &library) {
                    diagnostics.append(diagnostic)
                } else {
                    break
                }
            }
        }
        self.library = library
        shortcodeNameSet = Set(shortcodeNames)
        return diagnostics
    }

    /// Parses one template into the library; the problem when it does not parse.
    private static func register(_ source: TemplateSource, named name: String, in library: inout TemplateLibrary) -> Diagnostic? {
        do {
            let template = try Template(source.text)
            library.register(template, named: name)
            if name.hasPrefix("partials/") {
                library.register(template, named: String(name.dropFirst("partials/".count)))
            }
            return nil
        } catch {
            let path = source.displayPath.hasPrefix("/") ? String(source.displayPath.dropFirst()) : source.displayPath
            return Diagnostic(
                .error, code: "template.syntax",
                message: "template '\(name)' does not parse: \(error.message)",
                location: SourceLocation(path: path, line: error.line, column: error.column),
                sourceLine: error.lineText)
        }
    }

    public func hasTemplate(_ name: String) -> Bool { library.hasTemplate(named: name) }

    /// Names of the shortcodes the theme defines (`youtube` for `shortcodes/youtube`).
    public var shortcodeNames: [String] {
        templates.keys.filter { $0.hasPrefix("shortcodes/") }.map { String($0.dropFirst("shortcodes/".count)) }
    }

    /// Renders a template; nil when the theme has no such template.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        library.render(name, context)
    }

    /// Renders a template into `Data` (one copy of the rendered bytes); nil when the theme has
    /// no such template.
    public func renderData(_ name: String, _ context: TemplateValue) -> Data? {
        library.render(name, context) { Data(buffer: $0) }
    }
}
