import ContentParsing
import Foundation
import FuzzSupport
import SiteCore

/// Front matter: decode the bytes as a content file is decoded, split off the front matter,
/// parse it (YAML, TOML or JSON) and read the page metadata from it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (text, _) = SourceFile.decode(fuzzData(data, size))
    let source = SourceFile(path: "content/fuzz.md", text: text)
    let lineIndex = LineIndex(text)

    let (block, splitDiagnostics) = FrontMatterSplitter.split(source)
    checkDiagnostics(splitDiagnostics, source: source, lineIndex: lineIndex)
    // The block's offsets point at its parts of the text.
    let utf8 = Array(text.utf8)
    fuzzRequire(isOffset(block.bodyOffset, in: text), "bodyOffset \(block.bodyOffset) out of range")
    fuzzRequire(utf8[block.bodyOffset...].elementsEqual(block.body.utf8), "body is not the text from bodyOffset")
    if block.format != .none {
        fuzzRequire(isOffset(block.rawOffset, in: text), "rawOffset \(block.rawOffset) out of range")
        fuzzRequire(utf8[block.rawOffset...].starts(with: block.raw.utf8), "raw is not the text at rawOffset")
        fuzzRequire(block.rawOffset + block.raw.utf8.count <= block.bodyOffset, "raw overlaps the body")
        fuzzRequire(lineIndex.line(ofOffset: block.bodyOffset) == block.bodyStartLine || block.bodyOffset == utf8.count,
                    "bodyStartLine \(block.bodyStartLine) is not the line of bodyOffset \(block.bodyOffset)")
    }

    let (frontMatter, parseDiagnostics) = FrontMatterParser.parse(block, source: source, lineIndex: lineIndex)
    checkDiagnostics(parseDiagnostics, source: source, lineIndex: lineIndex)
    let (_, metadataDiagnostics) = PageMetadata.read(frontMatter, source: source, taxonomies: ["tags", "categories"])
    checkDiagnostics(metadataDiagnostics, source: source, lineIndex: lineIndex)
    return 0
}
