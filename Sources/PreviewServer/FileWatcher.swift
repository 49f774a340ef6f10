import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders with inotify and reports what changed, in batches: recursively (folders
/// made later are watched as they appear, with whatever is already in them), through saves
/// by rename (an editor writes `.x.swp` or `x~` and renames it onto `x`: the rename is the
/// change), and debounced (a burst of events, like a `git checkout`, is one batch: the batch
/// goes out once no event came for `quiet` seconds, or `longest` after its first event).
public final class FileWatcher: @unchecked Sendable {
    private let fd: Int32
    private var stopPipe: [Int32] = [-1, -1]
    private var folders: [Int32: String] = [:]
    private let quiet: Double
    private let longest: Double
    private let onChange: @Sendable (Set<String>) -> Void
    private var thread: Thread?
    /// Folders never watched (below any root): output and version control.
    private let skippedNames: Set<String> = [".git", ".hg", ".svn", "node_modules", "public", "resources", ".build"]

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)

    public struct WatchError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The site folder, watched for its own entries (the config file, a new `layouts/`).
    private let site: String
    /// The site's folders watched with everything below them (`content`, `layouts`…).
    private let trees: Set<String>

    public init(
        site: String, trees: Set<String>, quiet: Double = 0.008, longest: Double = 0.1,
        onChange: @escaping @Sendable (Set<String>) -> Void
    ) throws {
        self.site = site
        self.trees = trees
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw WatchError(description: "cannot watch files: \(String(cString: strerror(errno)))") }
        self.quiet = quiet
        self.longest = longest
        self.onChange = onChange
        guard pipe(&stopPipe) == 0 else { throw WatchError(description: "cannot watch files: \(String(cString: strerror(errno)))") }
        guard watch(site) else {
            throw WatchError(description: "cannot watch \(site): \(String(cString: strerror(errno)))")
        }
        for name in trees.sorted() { _ = watchTree(site + "/" + name) }
    }

    deinit {
        close(fd)
        if stopPipe[0] >= 0 { close(stopPipe[0]); close(stopPipe[1]) }
    }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "chronicle file watcher"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        var byte: UInt8 = 1
        _ = write(stopPipe[1], &byte, 1)
    }

    /// The number of folders watched.
    public var folderCount: Int { folders.count }

    @discardableResult
    private func watch(_ folder: String) -> Bool {
        let wd = inotify_add_watch(fd, folder, Self.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return false }
        folders[wd] = folder
        return true
    }

    /// Watches a folder and every folder below it; returns the files found in them.
    private func watchTree(_ root: String) -> [String] {
        var found: [String] = []
        var pending = [root]
        while let folder = pending.popLast() {
            guard watch(folder) else { continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = folder + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !skippedNames.contains(name) { pending.append(path) }
                } else {
                    found.append(path)
                }
            }
        }
        return found
    }

    private func run() {
        var pending: Set<String> = []
        var firstEvent = 0.0
        var lastEvent = 0.0
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            var timeout: Int32 = -1
            if !pending.isEmpty {
                let now = Self.now()
                let due = min(lastEvent + quiet, firstEvent + longest)
                if now >= due {
                    let batch = pending
                    pending = []
                    onChange(batch)
                    continue
                }
                timeout = Int32(max(1, ((due - now) * 1000).rounded(.up)))
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if fds[1].revents != 0 { return }
            guard ready > 0, fds[0].revents != 0 else { continue }
            let count = read(fd, buffer, 64 * 1024)
            guard count > 0 else { continue }
            var offset = 0
            let now = Self.now()
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                var name = ""
                if event.len > 0 {
                    let bytes = UnsafeRawBufferPointer(start: buffer + nameStart, count: Int(event.len))
                    name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset = nameStart + Int(event.len)
                if let path = handle(event, name: name) {
                    for changed in path where !Self.isEditorScratch(changed) {
                        if pending.isEmpty { firstEvent = now }
                        pending.insert(changed)
                        lastEvent = now
                    }
                }
            }
        }
    }

    /// The paths an event changes (a new folder: it and every file already in it).
    private func handle(_ event: inotify_event, name: String) -> [String]? {
        if event.mask & UInt32(IN_IGNORED) != 0 {
            folders[event.wd] = nil
            return nil
        }
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say that everything may have changed.
            return Array(Set(folders.values))
        }
        guard let folder = folders[event.wd] else { return nil }
        if name.isEmpty { return event.mask & UInt32(IN_DELETE_SELF) != 0 ? [folder] : nil }
        let path = folder + "/" + name
        if event.mask & UInt32(IN_ISDIR) != 0 {
            let inTree = folder != site ? !skippedNames.contains(name) : trees.contains(name)
            if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, inTree {
                return [path] + watchTree(path)
            }
            return [path]
        }
        return [path]
    }

    /// Files editors write next to the real one while saving (`.x.swp`, `x~`, `#x#`, vim's
    /// `4913` probe): the real file's own event follows.
    static func isEditorScratch(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix(".#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913" || name.hasSuffix(".tmp")
            || (name.hasPrefix(".") && name.count > 1 && name.contains(".sw"))
    }

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
