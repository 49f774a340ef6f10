/// The tokens a lexer finds, in order and without overlap; neighbours of the same kind merge.
struct TokenList {
    private(set) var tokens: [Token] = []

    mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int) {
        guard end > start else { return }
        if let last = tokens.last, last.kind == kind, last.end == start {
            tokens[tokens.count - 1].end = end
            return
        }
        tokens.append(Token(start: start, end: end, kind: kind))
    }
}
