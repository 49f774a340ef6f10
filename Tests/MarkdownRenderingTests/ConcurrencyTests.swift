import ContentParsing
import Foundation
import MarkdownRendering
import Testing

/// cmark-gfm 0.29 shares the extensions' special-character table between parsers; without
/// `CmarkLock`, strikethrough and autolinks vanish from documents parsed on other threads.
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
