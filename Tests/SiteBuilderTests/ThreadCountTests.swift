import Foundation
import Testing
@testable import SiteBuilder

/// The output must not depend on how many threads build it: pages render in parallel, lists
/// are made in parallel, and cmark-gfm parses on several threads at once.
@Suite struct ThreadCountTests {
    static func build(_ source: URL, jobs: Int?) -> BuildResult {
        var options = BuildOptions(source: source, output: source.appending(path: "public"))
        options.jobs = jobs
        options.now = ISO8601DateFormatter().date(from: "2026-06-01T00:00:00Z")!
        return SiteGenerator(options: options).generate()
    }

    static func contents(_ result: BuildResult) -> [String: Data] {
        var files: [String: Data] = [:]
        for file in result.files {
            switch file.content {
            case .data(let data): files[file.path] = data
            case .copy(let url): files[file.path] = (try? Data(contentsOf: url)) ?? Data()
            }
        }
        return files
    }

    @Test(arguments: ["example", "hugo-blog"])
    func oneThreadAndAllCoresWriteTheSameBytes(_ site: String) throws {
        let source = site == "example" ? RepoPaths.root : RepoPaths.hugoBlog
        let serial = Self.build(source, jobs: 1)
        // More threads than cores too, so that the parallel paths really interleave.
        for jobs in [nil, 8] as [Int?] {
            let parallel = Self.build(source, jobs: jobs)
            let one = Self.contents(serial), many = Self.contents(parallel)
            #expect(one.count > 100)
            #expect(Set(one.keys) == Set(many.keys), "jobs \(jobs.map(String.init) ?? "all"): different files")
            let differing = one.keys.filter { one[$0] != many[$0] }.sorted()
            #expect(differing.isEmpty, "jobs \(jobs.map(String.init) ?? "all"): \(differing.count) files differ: \(differing.prefix(5))")
            #expect(serial.diagnostics == parallel.diagnostics)
        }
    }
}
