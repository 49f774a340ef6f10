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
            // A problem found only at the end of the block (an unclosed `[` noticed at the closing
            // `---`) is shown where the unfinished construct began.
            let blockLines = block.raw.split(separator: "\n", omittingEmptySubsequences: false).count
                - (block.raw.hasSuffix("\n") ? 1 : 0)
            var (line, column) = (error.line, error.column)
            if line > blockLines, let context = error.context { (line, column) = (context.line, context.column) }
            let offset = block.rawOffset
                + StructuredData.utf8Offset(in: block.raw, line: line, scalarColumn: column)
            let diagnostic = (lineIndex ?? LineIndex(source.text)).diagnostic(
                .error, code: "frontmatter.syntax",
                message: "front matter is not valid \(format.displayName): \(error.describe(lineShift: block.rawStartLine - 1))",
                path: source.path, offset: offset)
            return (FrontMatter(format: block.format), [diagnostic])
        }
    }
}
