/// A txtar-style archive: an optional comment, then files, each started by a line `-- NAME --`.
///
/// ```
/// A comment about the case.
/// -- input.md --
/// # Title
/// -- expected.html --
/// <h1 id="title">Title</h1>
/// ```
public struct Txtar: Equatable {
    public struct File: Equatable {
        public var name: String
        public var content: String
    }

    public var comment: String
    public var files: [File]

    public init(comment: String = "", files: [File] = []) {
        self.comment = comment
        self.files = files
    }

    public init(parsing text: String) {
        var comment = ""
        var files: [File] = []
        var current: File?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLastIfEmpty() {
            if let name = Self.marker(line) {
                if let current { files.append(current) }
                current = File(name: name, content: "")
            } else if current != nil {
                current!.content += line + "\n"
            } else {
                comment += line + "\n"
            }
        }
        if let current { files.append(current) }
        self.comment = comment
        self.files = files
    }

    /// The file name when `line` is `-- NAME --`.
    private static func marker(_ line: Substring) -> String? {
        guard line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 else { return nil }
        let name = line.dropFirst(3).dropLast(3).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    public subscript(name: String) -> String? {
        get { files.first { $0.name == name }?.content }
        set {
            if let index = files.firstIndex(where: { $0.name == name }) {
                if let newValue { files[index].content = newValue } else { files.remove(at: index) }
            } else if let newValue {
                files.append(File(name: name, content: newValue))
            }
        }
    }

    /// The archive as text; every file's content ends with a line break.
    public var formatted: String {
        var text = comment
        for file in files {
            text += "-- \(file.name) --\n"
            text += Txtar.withTrailingNewline(file.content)
        }
        return text
    }

    /// `text` with exactly one line break at the end ("" stays "").
    public static func withTrailingNewline(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? "" : trimmed + "\n"
    }
}

extension Array where Element == Substring {
    fileprivate func dropLastIfEmpty() -> ArraySlice<Substring> {
        last == "" ? dropLast() : self[...]
    }
}

import Foundation
