import Foundation

/// Reads when each content file last changed from git: one `git log` over the content
/// folders (newest commit first: the first time a path appears is its last commit) and one
/// `git status` for what the work tree has changed since.
enum GitLog {
    /// Last change by path relative to the site folder; nil when `site` is not in a git work
    /// tree or git cannot be run.
    static func changes(site: URL, folders: [String] = ["content"]) -> [String: Date]? {
        // The site's place in the repository ("" at its root, "blog/" below it); fails outside one.
        guard let prefixOutput = run(["rev-parse", "--show-prefix"], in: site) else { return nil }
        let prefix = prefixOutput.trimmingCharacters(in: .newlines)
        guard let log = run(["-c", "core.quotepath=off", "log", "--format=%x1e%ct", "--name-only", "--"] + folders, in: site)
        else { return nil }
        var changes = parse(log: log, prefix: prefix)
        if let status = run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--"] + folders, in: site) {
            for path in changed(status: status, prefix: prefix) {
                changes[path] = ChangeHistory.modificationDate(site.appending(path: path).path)
            }
        }
        return changes
    }

    /// `git log --format=%x1e%ct --name-only`: per commit a record separator, the commit
    /// time and the paths (relative to the repository root).
    static func parse(log: String, prefix: String) -> [String: Date] {
        var changes: [String: Date] = [:]
        for record in log.split(separator: "\u{1E}") {
            var lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard !lines.isEmpty, let seconds = TimeInterval(lines.removeFirst().trimmingCharacters(in: .whitespaces)) else { continue }
            for line in lines where line.hasPrefix(prefix) {
                let path = String(line.dropFirst(prefix.count))
                if changes[path] == nil { changes[path] = Date(timeIntervalSince1970: seconds) }
            }
        }
        return changes
    }

    /// The paths `git status --porcelain=v1 -z` lists as changed in the work tree or index
    /// (a rename's new path), relative to the site folder.
    static func changed(status: String, prefix: String) -> [String] {
        var paths: [String] = []
        var entries = status.split(separator: "\0", omittingEmptySubsequences: true)[...]
        while let entry = entries.popFirst() {
            guard entry.count > 3 else { continue }
            let code = entry.prefix(2)
            let path = String(entry.dropFirst(3))
            // A rename or copy is followed by its source path.
            if code.contains("R") || code.contains("C") { _ = entries.popFirst() }
            if code.contains("D") || code == "!!" { continue }
            if path.hasPrefix(prefix) { paths.append(String(path.dropFirst(prefix.count))) }
        }
        return paths
    }

    /// Runs git in `directory`; its standard output, nil when it fails.
    private static func run(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
