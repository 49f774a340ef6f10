import Foundation
import SiteCore

/// Reading and writing files, and where output goes.
extension RepairFiles {
    /// Why `read` failed, in words (`error`: the errno it left).
    static func readFailure(_ path: String, errno error: Int32) -> String {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a folder; name the files in it" }
            if (info.st_mode & S_IFMT) != S_IFREG { return "not a regular file" }
        }
        return String(cString: strerror(error))
    }

    /// Reads a file. When it is not UTF-8, what is valid UTF-8 stays so and every other byte is
    /// read as Windows-1252, as the build reads it (`SourceFile.decodeMixed`), with the build's
    /// warning.
    static func read(_ path: String) -> Input? {
        guard let bytes = FileIO.read(path) else { return nil }
        if let text = String(validating: bytes, as: UTF8.self) { return Input(text: text, encoding: nil) }
        return Input(text: SourceFile.decodeMixed(bytes[...]), encoding: SourceFile.encodingDiagnostic(for: Data(bytes), path: path))
    }

    /// `DIR/FILE` for a relative FILE without `..`, else `DIR/name`.
    static func outputPath(for path: String, in directory: String) -> String {
        let separator = directory.hasSuffix("/") ? "" : "/"
        // The common case: a plain relative path (no leading '/', no '.' or '..' component, no '//').
        var plain = !path.isEmpty
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")) && previous == UInt8(ascii: "/") {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != UInt8(ascii: "/") { return directory + separator + path }
        let components = path.split(separator: "/").filter { $0 != "." }
        let relative = !path.hasPrefix("/") && !components.contains("..") && !components.isEmpty
        let tail = relative ? components.joined(separator: "/") : components.last.map(String.init) ?? path
        return directory + separator + tail
    }

    /// Creates `path` and the folders above it that are missing (`mkdir -p`); returns an error
    /// text or nil.
    static func makeFolder(_ path: String) -> String? {
        if mkdir(path, 0o755) == 0 { return nil }
        let error = errno
        var info = stat()
        if error == EEXIST {
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR ? nil : "a file of that name is in the way"
        }
        guard error == ENOENT else { return String(cString: strerror(error)) }
        let parent = folder(of: path)
        guard !parent.isEmpty, parent != path else { return String(cString: strerror(error)) }
        if let problem = makeFolder(parent) { return problem }
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR) {
            return nil
        }
        return String(cString: strerror(errno))
    }

    /// The folder part of a path ("" when there is none).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// The name part of a path.
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Writes `data` to `path` (its folder exists); returns an error text or nil.
    static func writeFile(_ data: [UInt8], to path: String) -> String? {
        FileIO.write(data, to: path, mode: 0o644)
    }

    /// Keeps the original as `path.orig` (a hard link, or a copy) and atomically replaces `path`
    /// with `data` (written to a temporary file beside it, then renamed over it).
    static func replaceKeepingOriginal(_ path: String, with data: [UInt8]) -> String? {
        let backup = path + ".orig"
        if FileManager.default.fileExists(atPath: backup) {
            return "'\(backup)' already exists; move it away first so that the original is not lost"
        }
        var info = stat()
        // Replacing a symbolic link would leave the file it points to damaged.
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " ('\($0)')" } ?? ""
            return "is a symbolic link; repair the file it points to\(target) instead"
        }
        let permissions = stat(path, &info) == 0 ? mode_t(info.st_mode & 0o7777) : 0o644
        let folder = folder(of: path)
        let name = name(of: path)
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).chronicle-repair-\(getpid())"
        if let error = FileIO.write(data, to: temporary, mode: permissions, durable: true) {
            unlink(temporary)
            return "cannot write a temporary file beside it: \(error)"
        }
        if link(path, backup) != 0 {
            do {
                try FileManager.default.copyItem(atPath: path, toPath: backup)
            } catch {
                unlink(temporary)
                return "cannot keep the original as '\(backup)': \(error.localizedDescription)"
            }
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot replace the file: \(reason)"
        }
        return nil
    }
}

extension RepairFiles {
    /// Plain POSIX file reads and writes: Foundation's atomic writes sync every file to disk, which
    /// is right for `--write` (done explicitly there) but ten times slower for `--output-dir`.
    enum FileIO {
        static func read(_ path: String) -> [UInt8]? {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            // Sized by fstat, read without zero-filling first; a file that grows is read to its end.
            var capacity = Int(info.st_size) + 1
            var result: [UInt8] = []
            while true {
                var failed = false
                let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    initialized = 0
                    while initialized < buffer.count {
                        let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                        if count < 0 {
                            if errno == EINTR { continue }
                            failed = true
                            return
                        }
                        if count == 0 { return }
                        initialized += count
                    }
                }
                if failed { return nil }
                result += chunk
                if chunk.count < capacity { return result }
                capacity = 65536
            }
        }

        /// Creates or truncates `path` and writes `data`; `durable` syncs it to disk.
        static func write(_ data: [UInt8], to path: String, mode: mode_t, durable: Bool = false) -> String? {
            data.withUnsafeBytes { PlainFile.write($0, to: path, mode: mode, durable: durable) }
        }
    }
}
