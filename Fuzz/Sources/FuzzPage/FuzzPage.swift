import ContentParsing
import Foundation
import FuzzSupport
import MarkdownRendering
import SiteCore

/// The whole page pipeline in memory: decode, parse (front matter, metadata, shortcodes) and
/// render the body (cmark-gfm, shortcodes, heading ids, table of contents, summary), once with
/// the default markup settings and once with raw HTML allowed, for a feed, in German.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (text, _) = SourceFile.decode(fuzzData(data, size))
    let source = SourceFile(path: "content/posts/fuzz/index.md", language: "en", text: text)
    let (block, _) = FrontMatterSplitter.split(source)
    let (document, _, diagnostics) = DocumentParser.parse(source)
    let lineIndex = LineIndex(text)
    checkDiagnostics(diagnostics, source: source, lineIndex: lineIndex)

    let safe = BodyRenderer(markup: MarkupConfig())
    let output = safe.render(document, context: RenderContext(language: "en"))
    let (body, renderDiagnostics) = (output.body, output.diagnostics)
    checkDiagnostics(renderDiagnostics, source: source, lineIndex: lineIndex)
    // Without `unsafe`, no raw HTML passes: nothing the author wrote becomes a script element.
    for (part, html) in [("html", body.html), ("summary", body.summaryHTML), ("toc", body.tocHTML)] {
        fuzzRequire(html.range(of: "<script", options: .caseInsensitive) == nil, "a <script> element in the safe \(part)")
    }

    var unsafeMarkup = MarkupConfig()
    unsafeMarkup.unsafe = true
    let unsafe = BodyRenderer(markup: unsafeMarkup)
    let unsafeDiagnostics = unsafe.render(document, context: RenderContext(language: "de")).diagnostics
    checkDiagnostics(unsafeDiagnostics, source: source, lineIndex: lineIndex)
    return 0
}
