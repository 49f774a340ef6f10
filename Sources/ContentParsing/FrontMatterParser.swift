import SiteCore

/// Parses a front matter block into values and key lines.
public enum FrontMatterParser {
    /// Parses `block.raw` in its format. A syntax error becomes a `frontmatter.syntax` error at
    /// the file line and column of the problem, and the front matter is then empty.
    public static func parse(
        _ block: FrontMatterBlock, source: SourceFile, lineIndex: LineIndex? = nil
    ) -> (frontMatter: FrontMatter, diagnostics: [Diagnostic]) {
        let format: ConfigFormat
        switch block.format {
        case .none: return (FrontMatter(format: .none), [])
        case .yaml: format = .yaml
        case .toml: format = .toml
        case .json: format = .json
        }
        do {
            let data = try StructuredData.parse(block.raw, format: format)
            let keyLines = data.keyLines.mapValues { $0 + block.rawStartLine - 1 }
            return (FrontMatter(format: block.format, values: data.value.tableValue ?? [:], keyLines: keyLines), [])
        } catch {
            let offset = block.rawOffset
                + StructuredData.utf8Offset(in: block.raw, line: error.line, scalarColumn: error.column)
            let diagnostic = (lineIndex ?? LineIndex(source.text)).diagnostic(
                .error, code: "frontmatter.syntax",
                message: "front matter is not valid \(format.displayName): \(error.describe(lineShift: block.rawStartLine - 1))",
                path: source.path, offset: offset)
            return (FrontMatter(format: block.format), [diagnostic])
        }
    }
}
