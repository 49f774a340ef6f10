import CCmarkGate
import ContentParsing
import Foundation
import MarkdownRendering
import Testing

/// cmark-gfm 0.29 shares the extensions' special-character table between parsers; without
/// `CmarkConcurrency`'s gate and reference counting, strikethrough and autolinks vanish from
/// documents parsed on other threads.
@Suite struct ConcurrencyTests {
    static let corpus: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/hugo-blog/content")

    static var corpusExists: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    /// Every Markdown file of the corpus, front matter cut off.
    static func loadCorpus() throws -> [(path: String, body: String)] {
        let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
        var files: [(String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            let body = text.hasPrefix("---\n") && parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : text
            files.append((url.path, body))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test(.enabled(if: corpusExists, "needs ../shared/corpus/hugo-blog"))
    func rendersTheCorpusInParallelExactlyAsSerially() throws {
        let files = try Self.loadCorpus()
        #expect(files.count >= 100)
        var markup = MarkupConfig()
        markup.unsafe = true
        markup.tocEndLevel = 6
        let renderer = BodyRenderer(markup: markup)
        let context = RenderContext(language: "en")
        @Sendable func render(_ index: Int) -> String {
            let (path, body) = files[index]
            let document = Document(
                source: .init(path: path, text: body), frontMatter: FrontMatter(format: .none), body: body,
                bodyOffset: 0, bodyStartLine: 1, nodes: [.text(body, offset: 0)])
            let rendered = renderer.render(document, context: context).body
            return rendered.html + rendered.tocHTML + rendered.summaryHTML
        }
        let serial = files.indices.map(render)
        // The corpus must exercise the extensions the race breaks.
        #expect(serial.contains { $0.contains("<del>") } || serial.contains { $0.contains("<a href=\"http") })

        let rounds = 4
        let results = ResultBox(count: files.count * rounds)
        DispatchQueue.concurrentPerform(iterations: files.count * rounds) { iteration in
            results.set(iteration, render(iteration % files.count))
        }
        let parallel = results.values
        var mismatches: [String] = []
        for iteration in parallel.indices where parallel[iteration] != serial[iteration % files.count] {
            mismatches.append(files[iteration % files.count].path)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(parallel.count) parallel renders differ: \(Set(mismatches).sorted().prefix(5))")
    }

    @Test func rendersSmallDocumentsInParallelWithEveryExtension() async {
        let markdown = "~~gone~~ www.example.com https://a.example/x\n\n| a |\n|---|\n| 1 |\n\n- [x] done\n"
        let expected = Fixture.html(markdown)
        #expect(expected.contains("<del>gone</del>"))
        #expect(expected.contains("<a href=\"https://www.example.com\">"))
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<200 { group.addTask { Fixture.html(markdown) } }
            var all: [String] = []
            for await html in group { all.append(html) }
            return all
        }
        #expect(outputs.allSatisfy { $0 == expected })
    }
}

extension ConcurrencyTests {
    /// The test binary links libcmark-gfm.so: the self-test must have found the interposed route
    /// working (a silent fallback to one parse at a time fails here).
    @Test func selfTestChoosesParallelParsing() {
        let mode = CmarkConcurrency.mode
        #expect(mode.isParallel, "\(mode)")
        #expect(mode == .parallelSharedLibrary, "\(mode)")
        let stats = chronicle_cmark_special_characters_stats()
        #expect(stats.interposed_calls > 0)
        #expect(stats.wrapped_calls == 0)
    }

    /// Documents with different extension sets (so different special characters) at once; long
    /// enough that their inline passes overlap.
    @Test func rendersDifferentExtensionSetsAtOnce() async {
        let markdown = String(repeating: "~~gone~~ www.example.com and a:b, *em* `code`\n\n| a |\n|---|\n| 1 |\n\n- [x] done\n\n", count: 200)
        let renderers = [
            MarkdownRenderer(),
            MarkdownRenderer(markup: Fixture.markup { $0.strikethrough = false }),
            MarkdownRenderer(markup: Fixture.markup { $0.linkify = false }),
            MarkdownRenderer(markup: Fixture.markup { $0.strikethrough = false; $0.linkify = false; $0.table = false }),
        ]
        let expected = renderers.map { $0.renderHTML(markdown) }
        #expect(expected[0].contains("<del>gone</del>") && expected[0].contains("www.example.com</a>"))
        #expect(!expected[1].contains("<del>") && expected[1].contains("www.example.com</a>"))
        #expect(expected[2].contains("<del>gone</del>") && !expected[2].contains("<a href"))
        #expect(Set(expected).count == renderers.count)
        let outputs = await withTaskGroup(of: (Int, String).self) { group in
            for round in 0..<200 {
                let index = round % renderers.count
                group.addTask { (index, renderers[index].renderHTML(markdown)) }
            }
            var all: [(Int, String)] = []
            for await output in group { all.append(output) }
            return all
        }
        #expect(outputs.allSatisfy { $0.1 == expected[$0.0] })
    }

    /// The gate itself (a gate of its own, not the process-wide one): two parsers with the same
    /// extension set are inside together; one with another set waits until both have left, and
    /// holds back later ones of the first set meanwhile; with `parallel` off, one at a time.
    @Test func gateAdmitsOneExtensionSetAtATime() throws {
        let gate = GateUnderTest(parallel: true)
        defer { gate.destroy() }
        gate.enter(key: 1)                       // A (this thread)
        let b = gate.enterOnThread(key: 1)       // B: same set, gets in while A is inside
        try #require(b.waitAdmitted(), "a parser with the same set did not get in")
        #expect(gate.state.inside == 2)

        let c = gate.enterOnThread(key: 2)       // C: another set
        try #require(gate.waitUntilWaiting(1), "the parser with another set never waited")
        let d = gate.enterOnThread(key: 1)       // D: the first set again, after C
        try #require(gate.waitUntilWaiting(2), "D was let in ahead of C")
        #expect(!c.admitted && !d.admitted && gate.state.inside == 2)

        gate.leave()                             // A
        #expect(!c.admitted && gate.state.inside == 1)
        gate.leave()                             // B: the gate is empty, C or D gets in
        try #require(gate.waitUntil { c.admitted || d.admitted }, "nobody got in after the gate emptied")
        // Whichever got in first, the other waits: their sets differ.
        try #require(gate.waitUntilWaiting(1))
        #expect(gate.state.inside == 1 && c.admitted != d.admitted)
        gate.leave()
        try #require(c.waitAdmitted() && d.waitAdmitted())
        gate.leave()
        #expect(gate.state.inside == 0 && gate.state.waiting == 0 && gate.state.mostInside == 2)
    }

    @Test func gateInFallbackModeAdmitsOneAtATime() throws {
        let gate = GateUnderTest(parallel: false)
        defer { gate.destroy() }
        gate.enter(key: 1)
        let b = gate.enterOnThread(key: 1)
        try #require(gate.waitUntilWaiting(1), "a second parser got in beside the first")
        #expect(!b.admitted)
        gate.leave()
        try #require(b.waitAdmitted())
        gate.leave()
        #expect(gate.state.mostInside == 1)
    }
}

/// A private `chronicle_cmark_gate` and threads that enter it.
final class GateUnderTest: @unchecked Sendable {
    private let gate: OpaquePointer

    init(parallel: Bool) {
        gate = chronicle_cmark_gate_create()
        chronicle_cmark_gate_set_parallel(gate, parallel)
    }

    func destroy() { chronicle_cmark_gate_destroy(gate) }
    func enter(key: UInt64) { chronicle_cmark_gate_enter(gate, key) }
    func leave() { chronicle_cmark_gate_leave(gate) }

    var state: (inside: Int, waiting: Int, mostInside: Int) {
        let state = chronicle_cmark_gate_get_state(gate)
        return (state.inside, state.waiting, state.most_inside)
    }

    /// A thread that enters with `key` (and stays inside: the test leaves for it).
    func enterOnThread(key: UInt64) -> Entrant {
        let entrant = Entrant()
        Thread {
            self.enter(key: key)
            entrant.admit()
        }.start()
        return entrant
    }

    /// Waits (up to 60 s, polling the gate's own count, not guessing with sleeps) until `count`
    /// parsers wait to get in.
    func waitUntilWaiting(_ count: Int) -> Bool {
        waitUntil { self.state.waiting == count }
    }

    /// Polls `condition` until it holds (true) or 60 s have passed (false).
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while !condition() {
            if Date() > deadline { return false }
            usleep(200)
        }
        return true
    }

    final class Entrant: @unchecked Sendable {
        private let condition = NSCondition()
        private var isAdmitted = false

        fileprivate func admit() {
            condition.lock()
            isAdmitted = true
            condition.broadcast()
            condition.unlock()
        }

        var admitted: Bool {
            condition.lock()
            defer { condition.unlock() }
            return isAdmitted
        }

        /// Whether it got in within 60 s (a gate that wrongly holds it back fails, not hangs).
        func waitAdmitted() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            let deadline = Date().addingTimeInterval(60)
            while !isAdmitted {
                if !condition.wait(until: deadline) { return isAdmitted }
            }
            return true
        }
    }
}

/// Results written from many threads, one slot each.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]

    init(count: Int) { storage = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
