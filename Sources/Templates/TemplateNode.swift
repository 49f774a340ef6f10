/// One node of a compiled template. A template is a flat array of them; a section's body is
/// the nodes that follow it up to `end`. Every payload is a plain integer, so walking the nodes
/// costs no reference counting.
enum TemplateNode {
    /// `TemplateCode.bytes[start..<end]`: one text token of the parser or several adjacent ones.
    /// `TemplateCode.lineBreaks[firstBreak...]` are where the lines in it end (just past each
    /// `\n`), for the renderer to indent without scanning.
    case text(start: Int32, end: Int32, firstBreak: Int32)
    /// A name index into `TemplateCode.names`.
    case variable(name: Int32, escaped: Bool)
    /// The body is `nodes[index + 1..<end]`.
    case section(name: Int32, inverted: Bool, end: Int32)
    /// `name` indexes `TemplateCode.partialNames`; the indentation of a standalone partial tag is
    /// `bytes[indentStart..<indentEnd]`, `indentStart` is -1 for a partial tag that is not standalone.
    case partial(name: Int32, indentStart: Int32, indentEnd: Int32)
}
