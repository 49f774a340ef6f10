import Foundation
import ContentParsing
import SiteCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the content files and bundle resources of a site, in one content folder or in one
/// per language (`ContentRoot`).
public struct ContentScanner: Sendable {
    public var roots: [ContentRoot]
    public var languages: Set<String>
    public var defaultLanguage: String

    public init(roots: [ContentRoot], languages: Set<String>, defaultLanguage: String) {
        self.roots = roots
        self.languages = languages
        self.defaultLanguage = defaultLanguage
    }

    /// One content folder, whose files are told apart by name.
    public init(contentDirectory: URL, displayPrefix: String, languages: Set<String>, defaultLanguage: String) {
        self.init(
            roots: [ContentRoot(directory: contentDirectory, displayPrefix: displayPrefix)],
            languages: languages, defaultLanguage: defaultLanguage)
    }

    /// The content folders of a site as its config names them.
    public init(site: URL, config: SiteConfig) {
        self.init(
            roots: ContentRoot.roots(site: site, config: config),
            languages: Set(config.languages.map(\.language.code)), defaultLanguage: config.defaultContentLanguage)
    }

    static let markdownExtensions: Set<String> = ["md", "markdown"]

    /// The file name without a language suffix and extension: `index.de.md` -> `index`.
    static func stem(of name: String) -> String {
        // The extension goes, then a last part of up to five letters or hyphens (a language).
        guard let extensionDot = name.lastIndex(of: ".") else { return name }
        var base = name[..<extensionDot]
        if let dot = base.lastIndex(of: ".") {
            let suffix = base[base.index(after: dot)...]
            if suffix.dropFirst(5).isEmpty, suffix.allSatisfy({ $0.isLetter || $0 == "-" }) {
                base = base[..<dot]
            }
        }
        return String(base)
    }

    /// The language a file name carries (`index.de.md` -> `de`), if it is a site language;
    /// else `folderLanguage`, else the default language.
    func language(of name: String, folderLanguage: String? = nil) -> String {
        let parts = name.utf8.split(separator: UInt8(ascii: "."))
        if parts.count >= 3 {
            let code = String(decoding: parts[parts.count - 2], as: UTF8.self).lowercased()
            if languages.contains(code) { return code }
        }
        return folderLanguage ?? defaultLanguage
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
        let paths = roots.map { $0.directory.standardizedFileURL.path }
        for (position, root) in roots.enumerated() {
            if roots.count > 1, !FileManager.default.fileExists(atPath: root.directory.path) {
                // A language whose folder is not made yet has no pages; the others build.
                diagnostics.append(Diagnostic(
                    .warning, code: "content.missing-folder",
                    message: "content folder of language '\(root.language ?? defaultLanguage)' does not exist; it has no pages",
                    location: SourceLocation(path: root.displayPrefix)))
                continue
            }
            var visited: Set<FolderIdentity> = []
            // Another language's folder inside this one is that language's alone.
            let nested = Set(paths.enumerated().filter { $0.offset != position && $0.element.hasPrefix(paths[position] + "/") }.map(\.element))
            let walk = Walk(
                root: Self.realPath(root.directory.path) ?? paths[position], contentPath: root.directory.path,
                displayPrefix: root.displayPrefix, language: root.language, nested: nested)
            scanDirectory(relative: "", name: walk.contentPath, parent: nil, walk: walk, files: &files, diagnostics: &diagnostics, visited: &visited)
        }
        if roots.count > 1 { files = shareResources(files) }
        return (files.sorted { ($0.relativePath, $0.displayPath) < ($1.relativePath, $1.displayPath) }, diagnostics)
    }

    /// What every step of a scan needs: the real path of the content folder (the fence for
    /// symbolic links), its path as given and as shown, its files' language, and the other
    /// content folders inside it (left to their own scan).
    private struct Walk {
        var root: String
        var contentPath: String
        var displayPrefix: String
        var language: String?
        var nested: Set<String>

        func path(_ relative: String) -> String {
            relative.isEmpty ? contentPath : contentPath.hasSuffix("/") ? contentPath + relative : contentPath + "/" + relative
        }

        func display(_ relative: String) -> String {
            relative.isEmpty ? displayPrefix : displayPrefix + "/" + relative
        }
    }

    /// Bundles in several languages' folders share their resources, as Hugo's merged content
    /// folders do: a bundle gets the files of the same folder in the other languages' content
    /// folders that it has no file of that name of (the other language's index files aside).
    private func shareResources(_ files: [ContentFile]) -> [ContentFile] {
        let bundles = files.indices.filter { files[$0].kind != .single }
        guard !bundles.isEmpty else { return files }
        var byFolder: [String: [Int]] = [:]
        for index in bundles { byFolder[files[index].logicalPath, default: []].append(index) }
        var files = files
        for (folder, members) in byFolder {
            for member in members {
                let file = files[member]
                var names = Set(file.resources)
                let ownRoot = String(decoding: file.absolutePath.utf8.dropLast(file.relativePath.utf8.count + 1), as: UTF8.self)
                for root in roots where root.directory.path != ownRoot {
                    let directory = folder.isEmpty ? root.directory : root.directory.appending(path: folder)
                    for name in Self.resourceNames(in: directory, leaf: file.kind == .leafBundle) where names.insert(name).inserted {
                        files[member].resources.append(name)
                        files[member].borrowedResources[name] = directory.path + "/" + name
                    }
                }
            }
        }
        return files
    }

    /// The files of a bundle folder that are not content: in its subfolders too for a leaf
    /// bundle. Hidden files are left out, as everywhere.
    static func resourceNames(in directory: URL, leaf: Bool) -> [String] {
        guard let walker = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey],
            options: leaf ? [.skipsHiddenFiles] : [.skipsHiddenFiles, .skipsSubdirectoryDescendants]) else { return [] }
        let prefix = directory.standardizedFileURL.path.count + 1
        var names: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let name = String(url.standardizedFileURL.path.dropFirst(prefix))
            let isMarkdown = markdownExtensions.contains(url.pathExtension.lowercased())
            if isMarkdown && (!leaf || !name.contains("/") && ["index", "_index"].contains(stem(of: name))) { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// Which folder is open, whatever links led to it (device and inode): a folder seen twice
    /// is a symbolic link loop.
    struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// A folder opened by name inside its already open parent (no long path to walk again),
    /// with its identity and its entries (hidden ones left out), sorted, with what readdir says
    /// they are. Its children are opened through it; `close()` when done with them.
    private struct OpenFolder {
        let handle: OpaquePointer
        let identity: FolderIdentity
        let entries: [(name: String, type: UInt8)]

        var descriptor: Int32 { dirfd(handle) }

        /// `name` inside `parent`, or `path` when there is no parent.
        static func open(_ name: String, in parent: OpenFolder?) -> Result<OpenFolder, ReadFolderError> {
            let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
            let descriptor = parent.map { openat($0.descriptor, name, flags) } ?? openPath(name, flags)
            guard descriptor >= 0 else { return .failure(ReadFolderError(reason: String(cString: strerror(errno)))) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, let handle = fdopendir(descriptor) else {
                let reason = String(cString: strerror(errno))
                closeDescriptor(descriptor)
                return .failure(ReadFolderError(reason: reason))
            }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                entries.append((name, entry.pointee.d_type))
            }
            return .success(OpenFolder(
                handle: handle, identity: FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
                entries: entries.sorted { $0.name < $1.name }))
        }

        func close() { closedir(handle) }
    }

    private struct ReadFolderError: Error {
        var reason: String
    }

    /// What a folder entry is, once a symbolic link inside the content folder is followed.
    enum EntryKind { case file, directory, skipped }

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
                    location: SourceLocation(path: walk.display(relativePath))))
                return .skipped
            }
            guard target == root || target.hasPrefix(root == "/" ? "/" : root + "/") else {
                diagnostics.append(Diagnostic(
                    .error, code: "content.symlink-outside",
                    message: "symbolic link to '\(written)' points outside the content folder; not followed",
                    location: SourceLocation(path: walk.display(relativePath))))
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
                    location: SourceLocation(path: walk.display(relativePath))))
            }
            return .skipped
        }
    }

    /// Scans the folder `relative` (named `name` inside `parent`, or the content folder itself).
    private func scanDirectory(
        relative: String, name: String, parent: OpenFolder?, walk: Walk, files: inout [ContentFile],
        diagnostics: inout [Diagnostic], visited: inout Set<FolderIdentity>
    ) {
        let folder: OpenFolder
        switch OpenFolder.open(name, in: parent) {
        case .success(let opened): folder = opened
        case .failure(let error):
            diagnostics.append(Diagnostic(
                .error, code: "content.unreadable",
                message: "cannot read folder: \(error.reason)",
                location: SourceLocation(path: walk.display(relative))))
            return
        }
        defer { folder.close() }
        guard visited.insert(folder.identity).inserted else {
            diagnostics.append(Diagnostic(
                .error, code: "content.symlink-loop",
                message: "folder is a symbolic link loop; skipped",
                location: SourceLocation(path: walk.display(relative))))
            return
        }
        let entries = folder.entries
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
                    location: SourceLocation(path: walk.display(path))))
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
                    collectResources(relative: relative, prefix: name, name: name, parent: folder, walk: walk, resources: &resources, diagnostics: &diagnostics, visited: &visited)
                case .file:
                    if !leafIndexes.contains(name) { resources.append(name) }
                default:
                    break
                }
            }
            for name in leafIndexes {
                files.append(file(relative: relative, name: name, kind: .leafBundle, resources: resources, walk: walk))
            }
            return
        }
        diagnostics += kindDiagnostics + folderDiagnostics
        let resources = visible.filter { !isMarkdown($0) && kinds[$0] == .file }
        for name in markdown {
            if branchIndexes.contains(name) {
                files.append(file(relative: relative, name: name, kind: .branchBundle, resources: resources, walk: walk))
            } else {
                files.append(file(relative: relative, name: name, kind: .single, walk: walk))
            }
        }
        for name in visible where kinds[name] == .directory {
            let child = relative.isEmpty ? name : relative + "/" + name
            if !walk.nested.isEmpty, walk.nested.contains(URL(fileURLWithPath: walk.path(child)).standardizedFileURL.path) { continue }
            scanDirectory(relative: child, name: name, parent: folder, walk: walk, files: &files, diagnostics: &diagnostics, visited: &visited)
        }
    }

    /// The files in a folder of a leaf bundle (`prefix` inside the bundle folder `relative`),
    /// as paths relative to the bundle, sorted.
    private func collectResources(
        relative: String, prefix: String, name: String, parent: OpenFolder, walk: Walk, resources: inout [String],
        diagnostics: inout [Diagnostic], visited: inout Set<FolderIdentity>
    ) {
        guard case .success(let folder) = OpenFolder.open(name, in: parent) else { return }
        defer { folder.close() }
        guard visited.insert(folder.identity).inserted else { return }
        for (name, type) in folder.entries {
            let path = prefix + "/" + name
            let full = relative.isEmpty ? path : relative + "/" + path
            switch entryKind(full, type: type, walk: walk, diagnostics: &diagnostics) {
            case .directory:
                collectResources(relative: relative, prefix: path, name: name, parent: folder, walk: walk, resources: &resources, diagnostics: &diagnostics, visited: &visited)
            case .file:
                resources.append(path)
            case .skipped:
                break
            }
        }
    }

    private func file(relative: String, name: String, kind: ContentFile.Kind, resources: [String] = [], walk: Walk) -> ContentFile {
        let path = relative.isEmpty ? name : relative + "/" + name
        return ContentFile(
            relativePath: path, displayPath: walk.display(path),
            absolutePath: walk.path(path),
            language: language(of: name, folderLanguage: walk.language), kind: kind, resources: resources)
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

/// `open(2)` and `close(2)`, named apart from `OpenFolder`'s own `open` and `close`.
private func openPath(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func closeDescriptor(_ descriptor: Int32) { close(descriptor) }
