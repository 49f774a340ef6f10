/// The languages Chronicle highlights, by the names a fence gives them.
enum Languages {
    /// How a language is lexed.
    enum Lexer: Sendable {
        case scan(ScanLexer)
        case console(shell: ScanLexer)
        case diff
        case yaml
        case ini
        case toml(ScanLexer)

        func lex(_ code: [UInt8], into tokens: inout TokenList) {
            let range = 0..<code.count
            switch self {
            case .scan(let lexer): lexer.lex(code, range, into: &tokens)
            case .console(let shell): ConsoleLexer.lex(code, range, shell: shell, into: &tokens)
            case .diff: DiffLexer.lex(code, range, into: &tokens)
            case .yaml: YAMLLexer.lex(code, range, into: &tokens)
            case .ini: KeyValueLexer.lex(code, range, toml: nil, into: &tokens)
            case .toml(let values): KeyValueLexer.lex(code, range, toml: values, into: &tokens)
            }
        }
    }

    /// A fence's language name (lower case) -> its lexer.
    static let byName: [String: Lexer] = {
        let shell = ScanLexer(spec: .shell)
        let c = Lexer.scan(ScanLexer(spec: .c))
        let python = Lexer.scan(ScanLexer(spec: .python))
        let table: [(String, Lexer)] = [
            ("sh bash shell zsh ksh", .scan(shell)),
            ("console shell-session shellsession", .console(shell: shell)),
            ("yaml yml", .yaml),
            ("json jsonc json5", .scan(ScanLexer(spec: .json))),
            ("toml", .toml(ScanLexer(spec: .tomlValues))),
            ("ini conf cfg dosini", .ini),
            ("diff patch udiff", .diff),
            ("dockerfile docker containerfile", .scan(ScanLexer(spec: .dockerfile))),
            ("nginx", .scan(ScanLexer(spec: .nginx))),
            ("sql mysql postgresql psql sqlite", .scan(ScanLexer(spec: .sql))),
            ("php", .scan(ScanLexer(spec: .php))),
            ("python py python3 py3", python),
            ("go golang", .scan(ScanLexer(spec: .go))),
            ("swift", .scan(ScanLexer(spec: .swift))),
            ("c h", c),
            ("cpp c++ cc cxx hpp hh", .scan(ScanLexer(spec: .cpp))),
        ]
        var byName: [String: Lexer] = [:]
        for (names, lexer) in table {
            for name in names.split(separator: " ") { byName[String(name)] = lexer }
        }
        return byName
    }()
}
