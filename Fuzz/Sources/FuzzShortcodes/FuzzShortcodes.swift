import ContentParsing
import Foundation
import FuzzSupport
import SiteCore

/// Shortcodes: the lexer and tree builder on arbitrary body text (the bytes read as UTF-8,
/// invalid sequences replaced), as the body of a file with a 4-line front matter before it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let frontMatter = "---\ntitle: x\n---\n"
    let text = frontMatter + body
    let source = SourceFile(path: "content/fuzz.md", text: text)
    let lineIndex = LineIndex(text)

    let result = ShortcodeParser.parse(body, bodyOffset: frontMatter.utf8.count, source: source, lineIndex: lineIndex)
    checkDiagnostics(result.diagnostics, source: source, lineIndex: lineIndex)
    for node in result.nodes { check(node, in: text) }
    for call in result.unknown { check(.shortcode(call), in: text) }

    // Without a separate line index and at offset 0, as a body-only file is parsed.
    let bare = SourceFile(path: "content/bare.md", text: body)
    let bareResult = ShortcodeParser.parse(body, source: bare)
    checkDiagnostics(bareResult.diagnostics, source: bare, lineIndex: LineIndex(body))
    return 0
}

/// Offsets of nodes and arguments are inside the file, and text nodes are the file's text.
private func check(_ node: BodyNode, in text: String) {
    switch node {
    case .text(_, let offset):
        fuzzRequire(isOffset(offset, in: text), "text node offset \(offset) out of range")
    case .shortcode(let call):
        fuzzRequire(isOffset(call.offset, in: text), "shortcode offset \(call.offset) out of range")
        fuzzRequire(Array(text.utf8)[call.offset...].starts(with: "{{".utf8), "shortcode offset is not at '{{'")
        for argument in call.arguments {
            fuzzRequire(isOffset(argument.offset, in: text), "argument offset \(argument.offset) out of range")
        }
        for inner in call.inner ?? [] { check(inner, in: text) }
    }
}
