/// A shell session: lines starting with a prompt (`$ `, `# `, `% `) are commands, lexed as
/// shell (with the lines they continue with `\`); the other lines are output.
enum ConsoleLexer {
    static func lex(_ code: [UInt8], _ range: Range<Int>, shell: ScanLexer, into tokens: inout TokenList) {
        var lineStart = range.lowerBound
        var continues = false
        while lineStart < range.upperBound {
            let lineEnd = min(Bytes.lineEnd(code, from: lineStart), range.upperBound)
            var commandStart: Int?
            if continues {
                commandStart = lineStart
            } else if lineEnd > lineStart, "$#%".utf8.contains(code[lineStart]),
                      lineStart + 1 == lineEnd || code[lineStart + 1] == Bytes.space {
                let promptEnd = min(lineStart + 2, lineEnd)
                tokens.add(.prompt, lineStart, promptEnd)
                commandStart = promptEnd
            }
            if let commandStart {
                shell.lex(code, commandStart..<lineEnd, into: &tokens)
                var last = lineEnd - 1
                while last >= commandStart, Bytes.isBlank(code[last]) { last -= 1 }
                continues = last >= commandStart && code[last] == UInt8(ascii: "\\")
            } else {
                tokens.add(.output, lineStart, lineEnd)
            }
            lineStart = lineEnd + 1
        }
    }
}
