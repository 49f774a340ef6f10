import Foundation

/// Pagefind (https://pagefind.app), the static search index `chronicle build --search` makes
/// over the built site: where its binary is, and one run of it.
///
/// Chronicle does not bundle it: Pagefind is a 10 MB Rust binary with releases of its own.
/// The binary is looked for, in order, at `--pagefind PATH`, at `$CHRONICLE_PAGEFIND`, as
/// `pagefind_extended` or `pagefind` on `PATH` (npm's and the release archives'), and in the
/// `pagefind_bin` package of `python3` (what `pip install pagefind_bin` installs: a binary
/// inside the package, no command on `PATH`).
struct Pagefind {
    /// The binary.
    let executable: URL

    /// How to install it, for the message when it is missing.
    static let installCommand = "python3 -m pip install pagefind_bin"

    /// Where the index goes inside the site: `pagefind/`, where the search page loads it from.
    static let outputFolder = "pagefind"

    /// Why no binary was found.
    struct NotFound: Error, CustomStringConvertible {
        var description: String
    }

    /// Finds the binary; `explicit` is `--pagefind`.
    static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Pagefind {
        for (given, source) in [(explicit, "--pagefind"), (environment["CHRONICLE_PAGEFIND"], "CHRONICLE_PAGEFIND")] {
            guard let given, !given.isEmpty else { continue }
            let url = URL(fileURLWithPath: given).standardizedFileURL
            guard isExecutableFile(url.path) else {
                throw NotFound(description: "\(source) \(given): no executable file there\n\(installAdvice)")
            }
            return Pagefind(executable: url)
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in ["pagefind_extended", "pagefind"] {
            if let found = find(name, in: path) { return Pagefind(executable: found) }
        }
        if let python = find("python3", in: path), let found = fromPython(python) {
            return Pagefind(executable: found)
        }
        throw NotFound(description: """
            --search needs Pagefind, which was not found (neither pagefind_extended nor pagefind \
            on PATH, nor python3's pagefind_bin package)
            \(installAdvice)
            """)
    }

    private static let installAdvice = """
        Install it with:  \(installCommand)
        (or npm install -g pagefind, or a release from https://github.com/CloudCannon/pagefind/releases),
        or point --pagefind or CHRONICLE_PAGEFIND at the binary; `chronicle build` without --search builds the site without it.
        """

    private static func isExecutableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    private static func find(_ name: String, in path: [String]) -> URL? {
        for folder in path where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: folder).appending(path: name)
            if isExecutableFile(candidate.path) { return candidate }
        }
        return nil
    }

    /// The binary inside python3's `pagefind_bin` package, if it is installed.
    private static func fromPython(_ python: URL) -> URL? {
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", "import pagefind_bin; print(pagefind_bin.get_executable())"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return !path.isEmpty && isExecutableFile(path) ? URL(fileURLWithPath: path) : nil
    }

    /// What one run did.
    struct Run {
        /// Pagefind's exit status.
        var status: Int32
        /// Its output and errors, interleaved.
        var log: String

        var succeeded: Bool { status == 0 }

        /// A number from Pagefind's totals ("Indexed 78 pages" -> 78 for "pages").
        func total(_ noun: String) -> Int? {
            let lines = log.split(separator: "\n")
            guard let start = lines.lastIndex(where: { $0.hasPrefix("Total:") }) else { return nil }
            for line in lines[start...] {
                let words = line.split(separator: " ")
                if words.count == 3, words[0] == "Indexed", words[2] == noun { return Int(words[1]) }
            }
            return nil
        }

        /// The languages Pagefind found ("Discovered 2 languages: en, de"), sorted (Pagefind
        /// lists them in any order).
        var languages: [String] {
            guard let line = log.split(separator: "\n").first(where: { $0.hasPrefix("Discovered ") }),
                  let colon = line.firstIndex(of: ":") else { return [] }
            return line[line.index(after: colon)...].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
        }

        /// The lines that say what went wrong (Pagefind's "Error: …"), else the log's end.
        var problem: String {
            var seen: Set<Substring> = []
            let errors = log.split(separator: "\n").filter { $0.contains("Error") && seen.insert($0).inserted }
            let lines = errors.isEmpty ? Array(log.split(separator: "\n").suffix(8)) : errors
            return lines.joined(separator: "\n")
        }
    }

    /// Indexes the site in `folder` into `folder/pagefind/`.
    func index(_ folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--site", folder.path, "--output-subdir", Self.outputFolder]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, log: String(decoding: data, as: UTF8.self))
    }
}
