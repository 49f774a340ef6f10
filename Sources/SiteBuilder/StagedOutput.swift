import CFileSystem
import Foundation
import SiteCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site so that readers never see half of it: files go into a fresh folder
/// beside the output as they are made (so no build holds a whole site in memory), and
/// `commit()` swaps that folder in for the output in one atomic exchange (Linux `renameat2`;
/// two renames elsewhere). `discard()` (a build with errors, or an interrupted one) leaves the
/// previous output untouched.
///
/// No file is synced to disk (Foundation's `Data.write` synced every one, a tenth of a build's
/// time; syncing the whole file system once waits for every other writer's data too). Readers
/// still never see half a site, and an interrupted build keeps the old one; only a power cut
/// right after a build can lose files, which a rebuild writes again. Hugo does not sync either.
public final class StagedOutput: OutputSink, @unchecked Sendable {
    public let output: URL
    let staging: URL
    private let token: String
    private let lock = NSLock()
    private var written: Set<String> = []
    private var madeFolders: Set<String> = []
    private var failure: OutputWriter.WriteError?
    private var finished = false

    /// Creates the staging folder beside `output` (and `output`'s parent when missing).
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputWriter.WriteError.io(parent.path, "cannot create the folder")
        }
        token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = parent.appending(path: ".\(self.output.lastPathComponent).building-\(token)")
        guard mkdir(staging.path, 0o777) == 0 else {
            throw OutputWriter.WriteError.io(staging.path, String(cString: strerror(errno)))
        }
        madeFolders.insert(staging.path)
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: staging) }
    }

    /// The folder the files are in until `commit()`: a tool that adds to the built site
    /// (Pagefind's index) works there, so that a failure leaves the previous output as it was.
    public var folder: URL { staging }

    /// How many files were written.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return written.count
    }

    public func write(_ file: OutputFile) {
        lock.lock()
        guard failure == nil, written.insert(file.path).inserted else {
            lock.unlock()
            return
        }
        lock.unlock()
        if let problem = store(file) {
            lock.lock()
            if failure == nil { failure = problem }
            lock.unlock()
        }
    }

    private func store(_ file: OutputFile) -> OutputWriter.WriteError? {
        guard URLPaths.isSafeOutputPath(file.path) else { return .unsafePath(file.path) }
        let target = staging.path + "/" + file.path
        // By scalars: `/` followed by a combining mark (`/\u{FE0F}-x`, which urlize keeps) is
        // one Character, which a Character search would not find.
        if let slash = file.path.unicodeScalars.lastIndex(of: "/") {
            let folder = staging.path + "/" + String(file.path.unicodeScalars[..<slash])
            guard makeFolder(folder) else {
                return .io(file.path, "cannot create its folder (a file of that name may be in the way)")
            }
        }
        switch file.content {
        case .data(let data):
            if let problem = data.withUnsafeBytes({ PlainFile.write($0, to: target) }) {
                return .io(file.path, problem)
            }
        case .copy(let source):
            do {
                let data = try Data(contentsOf: source)
                if let problem = data.withUnsafeBytes({ PlainFile.write($0, to: target) }) {
                    return .io(file.path, problem)
                }
            } catch {
                return .io(file.path, "cannot read \(source.path): \(PageLoader.describe(error))")
            }
        }
        return nil
    }

    /// `mkdir -p` for a folder inside the staging folder, remembering what exists.
    private func makeFolder(_ path: String) -> Bool {
        lock.lock()
        let known = madeFolders.contains(path)
        lock.unlock()
        if known { return true }
        if let slash = path.unicodeScalars.lastIndex(of: "/"), slash > path.startIndex,
           !makeFolder(String(path.unicodeScalars[..<slash])) { return false }
        if mkdir(path, 0o777) != 0 {
            var info = stat()
            guard errno == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        }
        lock.lock()
        madeFolders.insert(path)
        lock.unlock()
        return true
    }

    /// Swaps the staging folder in for the output; throws the first write error, if any (then
    /// the output is left as it was).
    public func commit() throws {
        lock.lock()
        let problem = failure
        lock.unlock()
        if let problem {
            discard()
            throw problem
        }
        finished = true
        let fileManager = FileManager.default
        let retired = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).old-\(token)")
        defer { try? fileManager.removeItem(at: staging) }
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput, chronicle_exchange_paths(staging.path, output.path) == 0 {
            // The staging path now holds the previous output; the deferred removal deletes it.
            OutputWriter.removeStaleFolders(beside: output)
            return
        }
        if hadOutput { try fileManager.moveItem(at: output, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
            throw OutputWriter.WriteError.io(output.path, error.localizedDescription)
        }
        if hadOutput { try? fileManager.removeItem(at: retired) }
        OutputWriter.removeStaleFolders(beside: output)
    }

    /// Removes the staging folder; the output stays as it was.
    public func discard() {
        finished = true
        try? FileManager.default.removeItem(at: staging)
    }
}
