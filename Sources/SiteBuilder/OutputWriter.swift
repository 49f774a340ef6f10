import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a list of files as a whole site, atomically (see `StagedOutput`, which does the
/// work and which `build` uses directly, file by file).
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

    /// Whether an output path stays inside the output folder (`URLPaths.isSafeOutputPath`).
    public static func isSafe(_ path: String) -> Bool { URLPaths.isSafeOutputPath(path) }

    /// Writes every file into a staging folder, then swaps it in for the output folder.
    public func write(_ files: [OutputFile]) throws {
        if let unsafe = files.first(where: { !Self.isSafe($0.path) }) { throw WriteError.unsafePath(unsafe.path) }
        let staged = try StagedOutput(output: output)
        for file in files { staged.write(file) }
        try staged.commit()
    }

    /// Staging and retired folders (`.public.building-PID-N`, `.public.old-PID-N`) that builds
    /// killed half way left beside the output; those of a build still running are kept.
    static func removeStaleFolders(beside output: URL) {
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
