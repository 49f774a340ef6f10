import Foundation

/// One file of the built site, by its path inside the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var content: Content

    public enum Content: Sendable {
        case data(Data)
        /// Copied from a source file (bundle resources, static files).
        case copy(URL)
    }

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .data(Data(text.utf8)))
    }
}
