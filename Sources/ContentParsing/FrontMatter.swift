import SiteCore

/// The format a file's front matter was written in.
public enum FrontMatterFormat: String, Sendable {
    /// `---` … `---`
    case yaml
    /// `+++` … `+++`
    case toml
    /// `{` … `}` at the top of the file
    case json
    /// no front matter at all
    case none
}

/// The metadata block at the top of a content file, as written.
public struct FrontMatter: Sendable {
    public var format: FrontMatterFormat
    /// Top-level keys as written, values parsed. Dates stay text with their written offset.
    public var values: [String: ParamValue]
    /// 1-based line of each top-level key in the source file, for diagnostics.
    public var keyLines: [String: Int]

    public init(format: FrontMatterFormat, values: [String: ParamValue] = [:], keyLines: [String: Int] = [:]) {
        self.format = format
        self.values = values
        self.keyLines = keyLines
    }

    /// A value by key, case-insensitively as Hugo reads front matter.
    public subscript(key: String) -> ParamValue? {
        ParamValue.table(values)[key]
    }
}
