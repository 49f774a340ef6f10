/// What the parser makes of a template, before `TemplateCode` compiles it: the tokens of
/// swift-mustache's `MustacheTemplate.Token` that this engine supports, split the same way
/// (a partial's indentation depends on where one text token ends and the next begins).
enum TemplateToken {
    /// Never empty; holds no line break but possibly one at its end.
    case text(String)
    case variable(String, escaped: Bool)
    case section(String, inverted: Bool, body: [TemplateToken])
    /// `indentation` is set (possibly to "") for a standalone partial tag, nil otherwise.
    case partial(String, indentation: String?)
}
