/// One problem found while reading or building a site.
///
/// `code` is a stable, dotted identifier (`shortcode.unclosed`, `frontmatter.date`) that tests
/// and `--format json` rely on; `message` is for people.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var severity: Severity
    public var code: String
    public var message: String
    public var location: SourceLocation
    /// The source line the location points into, for the caret display.
    public var sourceLine: String?
    /// Other places that belong to this problem (the page that already has a URL), printed
    /// after it as clang prints its notes: `path:line:column: note: message`.
    public var notes: [Note]
    /// What the message says, as fields for tools (`check --format json`): for an unsupported
    /// config key, `key` and `instead`. Empty for most diagnostics; never printed.
    public var fields: [String: String] = [:]

    /// A place related to a diagnostic, and what it is.
    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var location: SourceLocation

        public init(_ message: String, location: SourceLocation) {
            self.message = message
            self.location = location
        }

        /// `path:line:column: note: message`
        public var formatted: String { "\(location.description): note: \(message)" }
    }

    public init(
        _ severity: Severity, code: String, message: String,
        location: SourceLocation, sourceLine: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// `path:line:column: error: message [code]`, then a line per note.
    public var formatted: String {
        notes.reduce(heading) { $0 + "\n" + $1.formatted }
    }

    /// The first line, without the notes.
    public var heading: String {
        "\(location.description): \(severity.rawValue): \(message) [\(code)]"
    }

    /// The first line plus the source line and a caret under the column, clang style, then
    /// the notes.
    public var formattedWithSource: String {
        guard let sourceLine, let column = location.column else { return formatted }
        let prefix = sourceLine.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return notes.reduce("\(heading)\n\(sourceLine)\n\(prefix)^") { $0 + "\n" + $1.formatted }
    }
}

extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.message < rhs.message
    }
}
