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

extension TokenKind {
    /// `<span class="…">` for this kind (a constant: no String is made per token).
    var openingTag: StaticString {
        switch self {
        case .keyword: #"<span class="k">"#
        case .type: #"<span class="kt">"#
        case .constant: #"<span class="kc">"#
        case .string: #"<span class="s">"#
        case .escape: #"<span class="se">"#
        case .comment: #"<span class="c">"#
        case .preprocessor: #"<span class="cp">"#
        case .number: #"<span class="m">"#
        case .function: #"<span class="nf">"#
        case .builtin: #"<span class="nb">"#
        case .variable: #"<span class="nv">"#
        case .tag: #"<span class="nt">"#
        case .attribute: #"<span class="na">"#
        case .operator: #"<span class="o">"#
        case .inserted: #"<span class="gi">"#
        case .deleted: #"<span class="gd">"#
        case .fileHeader: #"<span class="gh">"#
        case .hunkHeader: #"<span class="gu">"#
        case .prompt: #"<span class="gp">"#
        case .output: #"<span class="go">"#
        }
    }
}

/// A stretch of a code block's UTF-8 bytes and what it is. Text between tokens is plain.
struct Token: Equatable {
    var start: Int
    var end: Int
    var kind: TokenKind
}
