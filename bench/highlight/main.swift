// The cost per code block of Chronicle's highlighter (`make bench-highlight`): every block of a
// file written by scripts/code_blocks.py, highlighted ROUNDS times after one warm-up pass;
// prints microseconds per block (median of the rounds) and the bytes written.
// Built with swiftc -O from Sources/CodeHighlighting and this file (no package target).
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write("usage: highlight-bench BLOCKS [ROUNDS] [--line-numbers]\n".data(using: .utf8)!)
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let lineNumbers = arguments.contains("--line-numbers")
let fields = Array(data).split(separator: 0, omittingEmptySubsequences: false)
var blocks: [(language: String, code: [UInt8])] = []
var index = 0
while index + 1 < fields.count {
    blocks.append((String(decoding: fields[index], as: UTF8.self), Array(fields[index + 1])))
    index += 2
}
let highlighter = CodeHighlighter(lineNumbers: lineNumbers)
let known = blocks.filter { CodeHighlighter.knows($0.language) }
var bytes = 0
for block in known { bytes += highlighter.highlight(block.code, language: block.language)?.count ?? 0 }
var perBlock: [Double] = []
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    var total = 0
    for block in known { total &+= highlighter.highlight(block.code, language: block.language)?.count ?? 0 }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
    precondition(total == bytes)
    perBlock.append(elapsed / Double(known.count))
}
perBlock.sort()
let inputBytes = known.reduce(0) { $0 + $1.code.count }
print(String(format: "%d of %d blocks (%d bytes in, %d out)%@: %.2f us per block (median of %d rounds; fastest %.2f)",
             known.count, blocks.count, inputBytes, bytes, lineNumbers ? " with line numbers" : "",
             perBlock[perBlock.count / 2], rounds, perBlock[0]))
