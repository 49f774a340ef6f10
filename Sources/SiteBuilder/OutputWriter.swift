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

/// Writes a built site so that readers never see half of it: everything goes into a fresh
/// folder beside the output, which then takes the old output's place in one atomic exchange
/// (Linux `renameat2`; two renames elsewhere). A build that fails or is interrupted leaves the
/// previous output untouched.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public enum WriteError: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String, String)

        public var description: String {
            switch self {
            case .unsafePath(let path): "refusing to write '\(path)' outside the output folder"
            case .io(let path, let message): "cannot write '\(path)': \(message)"
            }
        }
    }

    /// Whether an output path stays inside the output folder.
    public static func isSafe(_ path: String) -> Bool {
        if path.isEmpty || path.hasPrefix("/") || path.contains("\0") { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Writes every file into a staging folder, then swaps it in for the output folder.
    public func write(_ files: [OutputFile]) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appending(path: ".\(output.lastPathComponent).building-\(token)")
        let retired = parent.appending(path: ".\(output.lastPathComponent).old-\(token)")
        defer { try? fileManager.removeItem(at: staging) }

        var directories: Set<String> = []
        for file in files {
            guard Self.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
            let target = staging.appending(path: file.path)
            let directory = target.deletingLastPathComponent().path
            if directories.insert(directory).inserted {
                do {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw WriteError.io(file.path, "cannot create its folder (a file of that name may be in the way)")
                }
            }
            do {
                switch file.content {
                case .data(let data):
                    if let problem = data.withUnsafeBytes({ PlainFile.write($0, to: target.path) }) {
                        throw WriteError.io(file.path, problem)
                    }
                case .copy(let source):
                    if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
                    try fileManager.copyItem(at: source, to: target)
                }
            } catch let error as WriteError {
                throw error
            } catch {
                throw WriteError.io(file.path, error.localizedDescription)
            }
        }
        // No file is synced to disk (Foundation's `Data.write` synced every one, a tenth of a
        // build's time; syncing the whole file system once waits for every other writer's data
        // too). Readers still never see half a site, and an interrupted build keeps the old one;
        // only a power cut right after a build can lose files, and a rebuild makes them again.
        // Hugo does not sync its output either.
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput, chronicle_exchange_paths(staging.path, output.path) == 0 {
            // The staging path now holds the previous output; the deferred removal deletes it.
            removeStaleFolders()
            return
        }
        if hadOutput { try fileManager.moveItem(at: output, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
            throw WriteError.io(output.path, error.localizedDescription)
        }
        if hadOutput { try? fileManager.removeItem(at: retired) }
        removeStaleFolders()
    }

    /// Staging and retired folders (`.public.building-PID-N`, `.public.old-PID-N`) that builds
    /// killed half way left beside the output; those of a build still running are kept.
    func removeStaleFolders() {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).building-", ".\(output.lastPathComponent).old-"]
        let names = (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }) else { continue }
            let token = name.dropFirst(prefix.count)
            guard let pid = token.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            let alive = pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
            if !alive { try? fileManager.removeItem(at: parent.appending(path: name)) }
        }
    }
}
