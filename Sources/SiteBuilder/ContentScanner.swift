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
        let walk = Walk(root: root, contentPath: contentDirectory.path)
        scanDirectory(relative: "", walk: walk, files: &files, diagnostics: &diagnostics, visited: &visited)
        return (files.sorted { $0.relativePath < $1.relativePath }, diagnostics)
    }

    /// What every step of a scan needs: the real path of the content folder (the fence for
    /// symbolic links) and its path as given.
    private struct Walk {
        var root: String
        var contentPath: String

        func path(_ relative: String) -> String {
            relative.isEmpty ? contentPath : contentPath + "/" + relative
        }
    }

    /// A folder's entries (hidden ones left out), sorted, with what readdir says they are;
    /// nil and the reason when the folder cannot be read.
    private static func list(_ folder: String) -> Result<[(name: String, type: UInt8)], ReadFolderError> {
        guard let directory = opendir(folder) else { return .failure(ReadFolderError(reason: String(cString: strerror(errno)))) }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            entries.append((name, entry.pointee.d_type))
        }
        return .success(entries.sorted { $0.name < $1.name })
    }

    private struct ReadFolderError: Error {
        var reason: String
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
    private func entryKind(
        _ relativePath: String, type: UInt8, walk: Walk, diagnostics: inout [Diagnostic]
    ) -> EntryKind {
        // readdir knows plain files and folders without a stat; links and the rest are looked at.
        if type == UInt8(DT_REG) { return .file }
        if type == UInt8(DT_DIR) { return .directory }
        let root = walk.root
        let path = walk.path(relativePath)
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
        relative: String, walk: Walk, files: inout [ContentFile],
        diagnostics: inout [Diagnostic], visited: inout Set<String>
    ) {
        let directory = walk.path(relative)
        let resolved = Self.realPath(directory) ?? directory
        guard visited.insert(resolved).inserted else {
            diagnostics.append(Diagnostic(
                .error, code: "content.symlink-loop",
                message: "folder is a symbolic link loop; skipped",
                location: SourceLocation(path: display(relative))))
            return
        }
        let entries: [(name: String, type: UInt8)]
        switch Self.list(directory) {
        case .success(let listed): entries = listed
        case .failure(let error):
            diagnostics.append(Diagnostic(
                .error, code: "content.unreadable",
                message: "cannot read folder: \(error.reason)",
                location: SourceLocation(path: display(relative))))
            return
        }
        var kinds: [String: EntryKind] = [:]
        var kindDiagnostics: [Diagnostic] = []
        var folderDiagnostics: [Diagnostic] = []
        for (name, type) in entries {
            let path = relative.isEmpty ? name : relative + "/" + name
            let kind = entryKind(path, type: type, walk: walk, diagnostics: &kindDiagnostics)
            kinds[name] = kind
            if kind == .directory, isMarkdown(name) {
                folderDiagnostics.append(Diagnostic(
                    .warning, code: "content.folder-named-md",
                    message: "'\(name)' is a folder, not a Markdown file; read as a folder",
                    location: SourceLocation(path: display(path))))
            }
        }
        let names = entries.map(\.name)
        let visible = names.filter { kinds[$0] != nil && kinds[$0] != .skipped }
        let markdown = visible.filter { isMarkdown($0) && kinds[$0] == .file }
        let leafIndexes = markdown.filter { Self.stem(of: $0) == "index" }
        let branchIndexes = markdown.filter { Self.stem(of: $0) == "_index" }

        if !leafIndexes.isEmpty {
            // A leaf bundle: every other file below is a resource of it. Its own entries are
            // the ones just read; folders inside are read for more.
            diagnostics += kindDiagnostics
            var resources: [String] = []
            for name in names {
                switch kinds[name] {
                case .directory:
                    collectResources(relative: relative, prefix: name, walk: walk, resources: &resources, diagnostics: &diagnostics, visited: &visited)
                case .file:
                    if !leafIndexes.contains(name) { resources.append(name) }
                default:
                    break
                }
            }
            for name in leafIndexes {
                files.append(file(relative: relative, name: name, kind: .leafBundle, resources: resources))
            }
            return
        }
        diagnostics += kindDiagnostics + folderDiagnostics
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
            scanDirectory(relative: child, walk: walk, files: &files, diagnostics: &diagnostics, visited: &visited)
        }
    }

    /// The files in a folder of a leaf bundle (`prefix` inside the bundle folder `relative`),
    /// as paths relative to the bundle, sorted.
    private func collectResources(
        relative: String, prefix: String, walk: Walk, resources: inout [String],
        diagnostics: inout [Diagnostic], visited: inout Set<String>
    ) {
        let directory = walk.path(relative.isEmpty ? prefix : relative + "/" + prefix)
        guard visited.insert(Self.realPath(directory) ?? directory).inserted else { return }
        guard case .success(let entries) = Self.list(directory) else { return }
        for (name, type) in entries {
            let path = prefix + "/" + name
            let full = relative.isEmpty ? path : relative + "/" + path
            switch entryKind(full, type: type, walk: walk, diagnostics: &diagnostics) {
            case .directory:
                collectResources(relative: relative, prefix: path, walk: walk, resources: &resources, diagnostics: &diagnostics, visited: &visited)
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
        // The extension after the last dot, as NSString's `pathExtension` takes it (not of a
        // name that is only an extension, like `.md`).
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return false }
        let ext = name.utf8[name.utf8.index(after: dot)...]
        guard ext.count <= 8 else { return false }
        return Self.markdownExtensions.contains(String(decoding: ext, as: UTF8.self).lowercased())
    }

}
