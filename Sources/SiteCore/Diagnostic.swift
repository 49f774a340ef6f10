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

    public init(
        _ severity: Severity, code: String, message: String,
        location: SourceLocation, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// `path:line:column: error: message [code]`
    public var formatted: String {
        "\(location.description): \(severity.rawValue): \(message) [\(code)]"
    }

    /// The formatted line plus the source line and a caret under the column, clang style.
    public var formattedWithSource: String {
        guard let sourceLine, let column = location.column else { return formatted }
        let prefix = sourceLine.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(formatted)\n\(sourceLine)\n\(prefix)^"
    }
}

extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.message < rhs.message
    }
}
