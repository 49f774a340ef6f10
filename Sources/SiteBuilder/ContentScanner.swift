import Foundation
import SiteCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    ///
    /// Symbolic links are followed only while they stay inside the content folder: one that
    /// points outside it is an error (`content.symlink-outside`) and is not followed, so a
    /// build never reads (or copies into the site) a file from elsewhere; a loop or a link
    /// to nothing is an error too. A folder named like a Markdown file is read as a folder,
    /// with a warning.
    public func scan() -> (files: [ContentFile], diagnostics: [Diagnostic]) {
        var files: [ContentFile] = []
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = []
        scanDirectory(relative: "", bundleRoot: nil, files: &files, diagnostics: &diagnostics, visited: &visited)
        return (files.sorted { $0.relativePath < $1.relativePath }, diagnostics)
    }

    /// What a folder entry is, once a symbolic link inside the content folder is followed.
    enum EntryKind { case file, directory, skipped }

    /// The real path of the content folder, the fence for symbolic links.
    private var root: String {
        Self.realPath(contentDirectory.path) ?? contentDirectory.standardizedFileURL.path
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Classifies the entry at `relativePath` (relative to the content folder), reporting
    /// symbolic links that leave the content folder or lead nowhere.
    func entryKind(_ relativePath: String, root: String, diagnostics: inout [Diagnostic]) -> EntryKind {
        let path = contentDirectory.appending(path: relativePath).path
        var info = stat()
        guard lstat(path, &info) == 0 else { return .skipped }
        if info.st_mode & S_IFMT == S_IFLNK {
            let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard let target = Self.realPath(path) else {
                let loop = errno == ELOOP
                diagnostics.append(Diagnostic(
                    .error, code: loop ? "content.symlink-loop" : "content.symlink-broken",
                    message: loop
                        ? "symbolic link to '\(written)' is a loop; skipped"
                        : "symbolic link to '\(written)' leads nowhere; skipped",
                    location: SourceLocation(path: display(relativePath))))
                return .skipped
            }
            guard target == root || target.hasPrefix(root == "/" ? "/" : root + "/") else {
                diagnostics.append(Diagnostic(
                    .error, code: "content.symlink-outside",
                    message: "symbolic link to '\(written)' points outside the content folder; not followed",
                    location: SourceLocation(path: display(relativePath))))
                return .skipped
            }
            guard stat(path, &info) == 0 else { return .skipped }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default:
            // A pipe or a device: reading it could block the build for ever.
            if isMarkdown(relativePath) {
                diagnostics.append(Diagnostic(
                    .error, code: "content.unreadable",
                    message: "not a regular file (a pipe, socket or device); skipped",
                    location: SourceLocation(path: display(relativePath))))
            }
            return .skipped
        }
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
        let root = self.root
        var kinds: [String: EntryKind] = [:]
        var entryDiagnostics: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            kinds[name] = entryKind(path, root: root, diagnostics: &entryDiagnostics)
            if kinds[name] == .directory, isMarkdown(name) {
                entryDiagnostics.append(Diagnostic(
                    .warning, code: "content.folder-named-md",
                    message: "'\(name)' is a folder, not a Markdown file; read as a folder",
                    location: SourceLocation(path: display(path))))
            }
        }
        let visible = names.filter { kinds[$0] != nil && kinds[$0] != .skipped }
        let markdown = visible.filter { isMarkdown($0) && kinds[$0] == .file }
        let leafIndexes = markdown.filter { Self.stem(of: $0) == "index" }
        let branchIndexes = markdown.filter { Self.stem(of: $0) == "_index" }

        if !leafIndexes.isEmpty {
            // A leaf bundle: every other file below is a resource of it (its entries are
            // looked at, and reported, again while collecting them).
            var resources: [String] = []
            collectResources(relative: relative, prefix: "", root: root, resources: &resources, diagnostics: &diagnostics, visited: &visited)
            resources.removeAll { leafIndexes.contains($0) }
            for name in leafIndexes {
                files.append(file(relative: relative, name: name, kind: .leafBundle, resources: resources))
            }
            return
        }
        diagnostics += entryDiagnostics
        let resources = visible.filter { !isMarkdown($0) && kinds[$0] == .file }
        for name in markdown {
            if branchIndexes.contains(name) {
                files.append(file(relative: relative, name: name, kind: .branchBundle, resources: resources))
            } else {
                files.append(file(relative: relative, name: name, kind: .single))
            }
        }
        for name in visible where kinds[name] == .directory {
            let child = relative.isEmpty ? name : relative + "/" + name
            scanDirectory(relative: child, bundleRoot: nil, files: &files, diagnostics: &diagnostics, visited: &visited)
        }
    }

    private func collectResources(
        relative: String, prefix: String, root: String, resources: inout [String],
        diagnostics: inout [Diagnostic], visited: inout Set<String>
    ) {
        let directory = contentDirectory.appending(path: relative).appending(path: prefix)
        guard visited.insert(directory.resolvingSymlinksInPath().path).inserted || prefix.isEmpty else { return }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let full = relative.isEmpty ? path : relative + "/" + path
            switch entryKind(full, root: root, diagnostics: &diagnostics) {
            case .directory:
                collectResources(relative: relative, prefix: path, root: root, resources: &resources, diagnostics: &diagnostics, visited: &visited)
            case .file:
                resources.append(path)
            case .skipped:
                break
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

}
