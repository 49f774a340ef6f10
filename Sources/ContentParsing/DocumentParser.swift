import SiteCore

/// Reads a content file: front matter, page metadata and the body's shortcodes.
public enum DocumentParser {
    /// Parses `source`. Offsets in the document are UTF-8 offsets into `source.text`;
    /// diagnostics carry `source.path`. Nothing here throws: every problem is a diagnostic, and
    /// the document is as complete as the problems allow.
    public static func parse(
        _ source: SourceFile, catalog: ShortcodeCatalog = .builtIn,
        taxonomies: [String] = ["tags", "categories"]
    ) -> (document: Document, metadata: PageMetadata, diagnostics: [Diagnostic]) {
        // Each part makes a line index only when a problem needs a line and column: most files have none.
        var diagnostics: [Diagnostic] = []

        let (block, splitDiagnostics) = FrontMatterSplitter.split(source)
        diagnostics += splitDiagnostics
        let (frontMatter, frontMatterDiagnostics) = FrontMatterParser.parse(block, source: source)
        diagnostics += frontMatterDiagnostics
        let (metadata, metadataDiagnostics) = PageMetadata.read(frontMatter, source: source, taxonomies: taxonomies)
        diagnostics += metadataDiagnostics

        let body = ShortcodeParser.parse(
            block.body, bodyOffset: block.bodyOffset, source: source, catalog: catalog)
        diagnostics += body.diagnostics

        var document = Document(
            source: source, frontMatter: frontMatter, body: block.body, bodyOffset: block.bodyOffset,
            bodyStartLine: block.bodyStartLine, nodes: body.nodes)
        document.unknownShortcodes = body.unknown
        return (document, metadata, diagnostics)
    }
}
