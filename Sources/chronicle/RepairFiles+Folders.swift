import Foundation

/// Folders given to `chronicle repair`: the text files below them.
extension RepairFiles {
    /// Names a folder's text files end in (as for translations: `splitLanguage`).
    static let textExtensions: Set<String> = ["md", "markdown", "txt", "html"]

    /// `paths` with each folder replaced by the text files below it (sorted; hidden files and
    /// folders, and symbolic links to folders, left out); files stay as given. A folder without
    /// any such file is an error line.
    static func expandingFolders(_ paths: [String]) -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                files.append(path)
                continue
            }
            let found = textFiles(below: path)
            if found.isEmpty {
                problems.append("\(path): error: no Markdown, text or HTML files in this folder\n")
            }
            files += found
        }
        return (files, problems)
    }

    /// The text files below `folder`, as `folder/…` (just `…` for `.`), sorted.
    private static func textFiles(below folder: String) -> [String] {
        let prefix = folder == "." ? "" : folder.hasSuffix("/") ? folder : folder + "/"
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(prefix + (relative.isEmpty ? "." : relative)) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                // What readdir says the entry is; a stat only when it does not say.
                var kind = mode_t(0)
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): kind = S_IFDIR
                case Int32(DT_REG): kind = S_IFREG
                case Int32(DT_LNK): kind = S_IFLNK
                default:
                    var info = stat()
                    guard lstat(prefix + path, &info) == 0 else { continue }
                    kind = info.st_mode & S_IFMT
                }
                switch kind {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG, S_IFLNK:
                    // A link to a file is repaired as the file would be (--write refuses it).
                    if let dot = name.lastIndex(of: "."), textExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                        found.append(prefix + path)
                    }
                default:
                    break
                }
            }
        }
        return found.sorted()
    }
}
