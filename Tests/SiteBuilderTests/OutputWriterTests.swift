import Foundation
import Testing
@testable import SiteBuilder

@Suite struct OutputWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "chronicle-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesTheOutputAsAWhole() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appending(path: "public")
        let writer = OutputWriter(output: output)
        try writer.write([OutputFile(path: "old.html", text: "old"), OutputFile(path: "a/index.html", text: "1")])
        try writer.write([OutputFile(path: "a/index.html", text: "2")])
        #expect(try String(contentsOf: output.appending(path: "a/index.html"), encoding: .utf8) == "2")
        #expect(!FileManager.default.fileExists(atPath: output.appending(path: "old.html").path))
        // Nothing is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["public"])
    }

    @Test func refusesToWriteOutsideTheOutputAndKeepsThePreviousOutput() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appending(path: "public")
        let writer = OutputWriter(output: output)
        try writer.write([OutputFile(path: "index.html", text: "good")])
        for path in ["../escape.html", "/etc/x", "a/../../b", ""] {
            #expect(throws: OutputWriter.WriteError.self) {
                try writer.write([OutputFile(path: "ok.html", text: "x"), OutputFile(path: path, text: "bad")])
            }
        }
        #expect(try String(contentsOf: output.appending(path: "index.html"), encoding: .utf8) == "good")
        #expect(!FileManager.default.fileExists(atPath: parent.appending(path: "escape.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["public"])
    }

    @Test("A file that cannot be written fails the write with its path and reason; the previous output stays")
    func unwritableFileKeepsThePreviousOutput() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let output = parent.appending(path: "public")
        let writer = OutputWriter(output: output)
        try writer.write([OutputFile(path: "index.html", text: "good"), OutputFile(path: "empty.html", text: "")])
        #expect(try Data(contentsOf: output.appending(path: "empty.html")).isEmpty)
        // "a" as a file and as a folder: the second cannot be created.
        #expect {
            try writer.write([OutputFile(path: "a", text: "file"), OutputFile(path: "a/index.html", text: "x")])
        } throws: { error in
            "\(error)".hasPrefix("cannot write ") && "\(error)".contains("a")
        }
        #expect(try String(contentsOf: output.appending(path: "index.html"), encoding: .utf8) == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["public"])
    }
}
