extension ScanSpec {
    static let shellKeywords = "if then else elif fi for while until do done case esac in function select time return break continue local declare readonly"
    static let shellBuiltins = "echo printf cd pwd export unset set source alias unalias eval exec exit read shift test trap type ulimit umask wait kill let getopts hash command builtin sudo"

    static let shell: ScanSpec = {
        var spec = ScanSpec(words: WordTable([.keyword: shellKeywords, .builtin: shellBuiltins]))
        spec.lineComments = bytes("#")
        spec.commentsNeedWordStart = true
        spec.quotes = [Quote("\"", multiline: true, variables: true), Quote("'", escapes: false, multiline: true)]
        spec.dollarVariables = true
        spec.assignments = true
        spec.shebang = true
        spec.wordBytes = ByteSet("-.")
        spec.operators = ByteSet("|&<>=!")
        return spec
    }()

    /// Instructions first on a line, the rest as shell.
    static let dockerfile: ScanSpec = {
        var spec = shell
        spec.shebang = false
        spec.lineStartWords = WordTable(caseInsensitive: true, [
            .tag: "from run cmd label maintainer expose env add copy entrypoint volume user workdir arg onbuild stopsignal healthcheck shell",
        ])
        return spec
    }()

    /// Directives (the first word of each statement), variables, strings, `on`/`off`.
    static let nginx: ScanSpec = {
        var spec = ScanSpec(words: WordTable([.constant: "on off"]))
        spec.statementStart = .tag
        spec.lineComments = bytes("#")
        spec.commentsNeedWordStart = true
        spec.quotes = [Quote("\""), Quote("'")]
        spec.dollarVariables = true
        spec.operators = ByteSet("=~*!^")
        return spec
    }()
}
