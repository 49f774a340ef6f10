import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A build killed at any moment, or one that fails, leaves the previous `public/` exactly as it
/// was; the staging folders a killed build leaves behind do not stop the next build, which
/// removes them.
@Suite(.serialized) struct InterruptedBuildTests {
    typealias Snapshot = [String: Data]

    /// Every file under `folder`, by relative path.
    static func snapshot(_ folder: URL) -> Snapshot {
        var files: Snapshot = [:]
        let root = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        return files
    }

    static func restore(_ snapshot: Snapshot, into folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        for (path, data) in snapshot {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// Starts `chronicle build`, kills it with SIGKILL after `delay` (unless it ended first),
    /// and says whether it was killed.
    static func buildAndKill(source: URL, after delay: Duration) throws -> Bool {
        let process = Process()
        process.executableURL = ChronicleProcess.binary
        process.arguments = ["build", "--source", source.path]
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        usleep(UInt32(max(0, nanoseconds / 1000)))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    static func leftovers(_ site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".public.") }.sorted()
    }

    @Test func killedAndFailedBuildsLeaveThePreviousOutputComplete() throws {
        let site = try ChronicleProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        var files = ["config.toml": BuildCommandTests.config]
        for index in 0..<10 {
            files["content/posts/first-\(index).md"] = "---\ntitle: First \(index)\ntags: [one]\ndate: 2024-01-\(10 + index)T10:00:00+01:00\n---\n\nFirst build, page \(index).\n"
        }
        try ChronicleProcess.write(files, into: site)
        let first = try ChronicleProcess.run(["build", "--source", site.path])
        #expect(first.status == 0, "\(first.stderr)")
        let public_ = site.appending(path: "public")
        let before = Self.snapshot(public_)
        #expect(before["posts/first-3/index.html"] != nil)
        #expect(before.count > 20)

        // A larger site, generated here: 2,000 pages with tags and a few paragraphs each.
        let paragraph = String(repeating: "Words of a release note, with *emphasis* and a [link](/posts/first-1/). ", count: 12)
        var large: [String: String] = [:]
        for index in 0..<2_000 {
            large["content/posts/gen/p\(index).md"] = """
                ---
                title: Generated \(index)
                date: 2025-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1))T08:00:00+01:00
                tags: [t\(index % 40), generated]
                ---

                \(paragraph)

                ## Details

                \(paragraph)

                """
        }
        try ChronicleProcess.write(large, into: site)

        // The complete output of the larger site, for comparison, and how long it takes.
        let reference = site.appending(path: "reference")
        let clock = ContinuousClock()
        let start = clock.now
        let full = try ChronicleProcess.run(["build", "--source", site.path, "--output", reference.path])
        let duration = clock.now - start
        #expect(full.status == 0, "\(full.stderr)")
        let after = Self.snapshot(reference)
        try FileManager.default.removeItem(at: reference)
        #expect(after.count > before.count + 2_000)
        print("interrupted-build: full build of 2,010 pages took \(duration)")

        // Kill it early (while reading and rendering) and late (while writing and swapping).
        var delays: [Duration] = [.milliseconds(5), .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(200)]
        delays += [0.6, 0.85, 0.95, 1.0].map { duration * $0 }
        var killed = 0
        for delay in delays {
            let wasKilled = try Self.buildAndKill(source: site, after: delay)
            let now = Self.snapshot(public_)
            let staged = try Self.leftovers(site).contains { $0.hasPrefix(".public.building-") }
            print("interrupted-build: after \(delay): \(wasKilled ? "killed" : "finished"), public/ is \(now == before ? "the old output" : now == after ? "the new output" : "BROKEN")\(staged ? ", staging folder left" : "")")
            if wasKilled {
                killed += 1
                // Before the swap the old output, after it (in the instant before exiting) the new.
                #expect(now == before || now == after, "killed after \(delay): public/ is neither the old nor the new output")
            } else {
                #expect(now == after, "finished before \(delay): public/ is the new output")
            }
            if now != before { try Self.restore(before, into: public_) }
        }
        #expect(killed >= 5)

        // The next build succeeds despite what the killed ones left, and removes it.
        let next = try ChronicleProcess.run(["build", "--source", site.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Self.snapshot(public_) == after)
        #expect(try Self.leftovers(site) == [])

        // A failing build (an error in one page) leaves that output as it is.
        try ChronicleProcess.write(["content/posts/broken.md": "---\ntitle: [unclosed\n---\n\nBroken.\n"], into: site)
        let failed = try ChronicleProcess.run(["build", "--source", site.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/posts/broken.md:2:8: error:"))
        #expect(Self.snapshot(public_) == after)
        #expect(try Self.leftovers(site) == [])
    }
}
