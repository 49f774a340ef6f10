import Foundation
import SiteCore

/// Finds the content files and bundle resources of a site.
public struct ContentScanner: Sendable {
    public var contentDirectory: URL
    /// Display prefix for diagnostics (`content`).
    public var displayPrefix: String
    public var languages: Set<String>
    public var defaultLanguage: String

    public init(contentDirectory: URL, displayPrefix: String, languages: Set<String>, defaultLanguage: String) {
        self.contentDirectory = contentDirectory
        self.displayPrefix = displayPrefix
        self.languages = languages
        self.defaultLanguage = defaultLanguage
    }

    static let markdownExtensions: Set<String> = ["md", "markdown"]

    /// The file name without a language suffix and extension: `index.de.md` -> `index`.
    static func stem(of name: String) -> String {
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1 { parts.removeLast() }
        if parts.count > 1, parts.last.map({ $0.count <= 5 && $0.allSatisfy { $0.isLetter || $0 == "-" } }) == true {
            parts.removeLast()
        }
        return parts.joined(separator: ".")
    }

    /// The language a file name carries (`index.de.md` -> `de`), if it is a site language.
    func language(of name: String) -> String {
        let parts = name.split(separator: ".").map(String.init)
        if parts.count >= 3, languages.contains(parts[parts.count - 2].lowercased()) {
            return parts[parts.count - 2].lowercased()
        }
        return defaultLanguage
    }

    /// Every content file, sorted by path, with the problems met on the way.
    public func scan() -> (files: [ContentFile], diagnostics: [Diagnostic]) {
        var files: [ContentFile] = []
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = []
        scanDirectory(relative: "", bundleRoot: nil, files: &files, diagnostics: &diagnostics, visited: &visited)
        return (files.sorted { $0.relativePath < $1.relativePath }, diagnostics)
    }

    private func scanDirectory(
        relative: String, bundleRoot: String?, files: inout [ContentFile],
        diagnostics: inout [Diagnostic], visited: inout Set<String>
    ) {
        let fileManager = FileManager.default
        let directory = relative.isEmpty ? contentDirectory : contentDirectory.appending(path: relative)
        let resolved = directory.resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else {
            diagnostics.append(Diagnostic(
                .error, code: "content.symlink-loop",
                message: "folder is a symbolic link loop; skipped",
                location: SourceLocation(path: display(relative))))
            return
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            diagnostics.append(Diagnostic(
                .error, code: "content.unreadable",
                message: "cannot read folder: \(error.localizedDescription)",
                location: SourceLocation(path: display(relative))))
            return
        }
        let visible = names.filter { !$0.hasPrefix(".") }
        let markdown = visible.filter { isMarkdown($0) && !isDirectory(directory.appending(path: $0)) }
        let leafIndexes = markdown.filter { Self.stem(of: $0) == "index" }
        let branchIndexes = markdown.filter { Self.stem(of: $0) == "_index" }

        if !leafIndexes.isEmpty {
            // A leaf bundle: every other file below is a resource of it.
            var resources: [String] = []
            collectResources(relative: relative, prefix: "", resources: &resources, visited: &visited)
            resources.removeAll { leafIndexes.contains($0) }
            for name in leafIndexes {
                files.append(file(relative: relative, name: name, kind: .leafBundle, resources: resources))
            }
            return
        }
        let resources = visible.filter {
            !isMarkdown($0) && !isDirectory(directory.appending(path: $0))
        }
        for name in markdown {
            if branchIndexes.contains(name) {
                files.append(file(relative: relative, name: name, kind: .branchBundle, resources: resources))
            } else {
                files.append(file(relative: relative, name: name, kind: .single))
            }
        }
        for name in visible where isDirectory(directory.appending(path: name)) {
            let child = relative.isEmpty ? name : relative + "/" + name
            scanDirectory(relative: child, bundleRoot: nil, files: &files, diagnostics: &diagnostics, visited: &visited)
        }
    }

    private func collectResources(relative: String, prefix: String, resources: inout [String], visited: inout Set<String>) {
        let directory = contentDirectory.appending(path: relative).appending(path: prefix)
        guard visited.insert(directory.resolvingSymlinksInPath().path).inserted || prefix.isEmpty else { return }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            if isDirectory(directory.appending(path: name)) {
                collectResources(relative: relative, prefix: path, resources: &resources, visited: &visited)
            } else {
                resources.append(path)
            }
        }
    }

    private func file(relative: String, name: String, kind: ContentFile.Kind, resources: [String] = []) -> ContentFile {
        let path = relative.isEmpty ? name : relative + "/" + name
        return ContentFile(
            relativePath: path, displayPath: display(path),
            absolutePath: contentDirectory.appending(path: path).path,
            language: language(of: name), kind: kind, resources: resources)
    }

    private func display(_ relative: String) -> String {
        relative.isEmpty ? displayPrefix : displayPrefix + "/" + relative
    }

    private func isMarkdown(_ name: String) -> Bool {
        Self.markdownExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
