import Foundation

/// Runs the built `chronicle` binary the way a user does.
struct ChronicleProcess {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `CHRONICLE_BIN`, else the debug build next to the tests.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CHRONICLE_BIN"] { return URL(fileURLWithPath: path) }
        let bundle = Bundle.main.bundleURL
        for candidate in [bundle.appending(path: "chronicle"), bundle.deletingLastPathComponent().appending(path: "chronicle"),
                          repoRoot.appending(path: ".build/debug/chronicle")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return repoRoot.appending(path: ".build/debug/chronicle")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
        let raw = try runRaw(arguments, in: directory)
        return Output(
            status: raw.status,
            stdout: String(decoding: raw.stdout, as: UTF8.self),
            stderr: String(decoding: raw.stderr, as: UTF8.self))
    }

    /// Starts the binary with `CI=1` and the environment `changes` (nil removes a variable),
    /// its output and errors in pipes.
    static func start(
        _ arguments: [String], in directory: URL? = nil, environment changes: [String: String?] = [:]
    ) throws -> (process: Process, stdout: Pipe, stderr: Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "1"
        for (name, value) in changes { environment[name] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs the binary with `CI=1` and the environment `changes` (nil removes a variable); the
    /// output as bytes. Standard error is read on another thread so that neither pipe can fill
    /// up and block the process.
    static func runRaw(
        _ arguments: [String], in directory: URL? = nil, environment changes: [String: String?] = [:]
    ) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let (process, out, err) = try start(arguments, in: directory, environment: changes)
        let errorData = PipeReader(err.fileHandleForReading)
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = errorData.wait()
        process.waitUntilExit()
        return (process.terminationStatus, stdoutData, stderrData)
    }

    /// Reads a pipe to its end on a thread of its own.
    final class PipeReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "chronicle-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ files: [String: String], into root: URL) throws {
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
