import Foundation
import Testing
import TextRepair

/// Byte-for-byte equality (String's == compares canonical equivalence, which is too lenient).
func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.elementsEqual(rhs.utf8)
}

/// The `\n`-separated lines of a text (a `\r` stays at the end of its line).
func lines(of text: String) -> [String] {
    text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
}

/// Rebuilds a line from the damaged line and the repairs reported for it, taking for each repair
/// the candidate `choice(repair)` (by default its `after`).
func rebuild(_ damaged: String, with repairs: [Repair], choice: (Repair) -> String = { $0.after }) -> String? {
    let characters = Array(damaged)
    var result = ""
    var position = 0
    for repair in repairs.sorted(by: { $0.column < $1.column }) {
        let start = repair.column - 1
        let end = start + repair.before.count
        guard start >= position, end <= characters.count,
              sameBytes(String(characters[start..<end]), repair.before) else { return nil }
        result += String(characters[position..<start]) + choice(repair)
        position = end
    }
    return result + String(characters[position...])
}

/// True when choosing among the first `limit` candidates of each repair on the line can rebuild
/// `expected`.
func canRebuild(_ expected: String, from damaged: String, with repairs: [Repair], limit: Int) -> Bool {
    let sorted = repairs.sorted { $0.column < $1.column }
    let options = sorted.map { Array(($0.candidates.isEmpty ? [$0.after] : $0.candidates).prefix(limit)) }
    var picks = [Int](repeating: 0, count: sorted.count)
    while true {
        var index = 0
        let candidate = rebuild(damaged, with: sorted) { repair in
            defer { index += 1 }
            return options[index][picks[index]]
        }
        if let candidate, sameBytes(candidate, expected) { return true }
        var position = sorted.count - 1
        while position >= 0 {
            picks[position] += 1
            if picks[position] < options[position].count { break }
            picks[position] = 0
            position -= 1
        }
        if position < 0 { return false }
    }
}

/// Checks the invariants every repair must keep, whatever the text: the same number of lines, and
/// the reported repairs rebuild the repaired text from the input.
func checkInvariants(input: String, result: RepairResult, sourceLocation: SourceLocation = #_sourceLocation) {
    let before = lines(of: input)
    let after = lines(of: result.text)
    #expect(before.count == after.count, "repair added or removed a line break", sourceLocation: sourceLocation)
    guard before.count == after.count else { return }
    #expect(result.changed == !sameBytes(input, result.text), sourceLocation: sourceLocation)
    let byLine = Dictionary(grouping: result.repairs, by: \.line)
    for (index, line) in before.enumerated() {
        let repairs = byLine[index + 1] ?? []
        if repairs.isEmpty {
            #expect(sameBytes(line, after[index]), "line \(index + 1) changed without a repair", sourceLocation: sourceLocation)
        } else {
            let rebuilt = rebuild(line, with: repairs)
            #expect(rebuilt.map { sameBytes($0, after[index]) } == true,
                    "repairs on line \(index + 1) do not describe the change", sourceLocation: sourceLocation)
        }
    }
    for repair in result.repairs + result.possible {
        #expect((0...1).contains(repair.confidence), sourceLocation: sourceLocation)
        #expect(repair.candidates.first.map { sameBytes($0, repair.after) } ?? false, sourceLocation: sourceLocation)
    }
}
