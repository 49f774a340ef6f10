/// What a stretch of code is, named by the short CSS class Chroma (Hugo's highlighter) gives it,
/// so stylesheets written for Hugo sites style Chronicle's code too.
public enum TokenKind: String, Sendable, CaseIterable {
    case keyword = "k"
    case type = "kt"
    case constant = "kc"
    case string = "s"
    case escape = "se"
    case comment = "c"
    case preprocessor = "cp"
    case number = "m"
    case function = "nf"
    case builtin = "nb"
    case variable = "nv"
    /// A key or tag: YAML, JSON, TOML and INI keys, nginx directives, Dockerfile instructions.
    case tag = "nt"
    case attribute = "na"
    case `operator` = "o"
    case inserted = "gi"
    case deleted = "gd"
    case fileHeader = "gh"
    case hunkHeader = "gu"
    /// A shell prompt in a console session (`$ `, `# `).
    case prompt = "gp"
    /// A console session's output lines.
    case output = "go"
}

/// A stretch of a code block's UTF-8 bytes and what it is. Text between tokens is plain.
struct Token: Equatable {
    var start: Int
    var end: Int
    var kind: TokenKind
}
