/// What one unit (paragraph) amounts to under one code page.
struct UnitScan {
    /// Every non-ASCII character of the unit is part of a sequence the code page explains.
    var ok = true
    var complete = 0
    /// Complete sequences outside code spans, code blocks and quote-enclosed samples.
    var unquotedComplete = 0
    var incomplete = 0
    var nonNativeC1 = 0
    var undefinedAsC1 = 0
    /// Complete sequences that decode to C1 controls (right only under damage applied twice).
    var decodedC1 = 0
    /// Incomplete sequences none of whose candidates is an emoji, a sequence part or a quote.
    var incompleteWithoutStrongCandidate = 0

    var hasEvidence: Bool { complete + incomplete > 0 }
}

/// A maximal run of non-ASCII characters within one line.
struct LineRun {
    var range: Range<Int>
    /// Inside a code span or block, or enclosed by quote characters on both sides: text that may
    /// show mojibake on purpose.
    var quoted: Bool
}

enum UnitScanner {
    /// The non-ASCII runs of a line, with whether each is quoted.
    static func runs(
        in bytes: [UInt8], line: Range<Int>, inCodeBlock: Bool, into runs: inout [LineRun], append: Bool = false
    ) {
        if !append { runs.removeAll(keepingCapacity: true) }
        var index = line.lowerBound
        let end = line.upperBound
        var backticks = 0
        var lastBacktick = -1
        while index < end {
            // ASCII eight bytes at a time, counting backticks.
            while index + 8 <= end {
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
                if word & 0x8080_8080_8080_8080 != 0 { break }
                let other = word ^ 0x6060_6060_6060_6060
                let nonZero = ((other & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | other
                backticks += (~nonZero & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            guard index < end else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x60 { backticks += 1 }
                index += 1
                continue
            }
            let start = index
            while index < end && bytes[index] >= 0x80 { index += 1 }
            var quoted = inCodeBlock
            if !quoted && backticks % 2 == 1 {
                if lastBacktick < 0 {
                    lastBacktick = end - 1
                    while lastBacktick >= line.lowerBound && bytes[lastBacktick] != 0x60 { lastBacktick -= 1 }
                }
                quoted = lastBacktick >= index
            }
            if !quoted && start > line.lowerBound && index < end {
                let before = bytes[start - 1]
                let after = bytes[index]
                if before == after && (before == 0x22 || before == 0x27 || before == 0x60) { quoted = true }
            }
            runs.append(LineRun(range: start..<index, quoted: quoted))
        }
    }

    /// Scans the runs of a unit under a code page; stops at the first unexplained character.
    /// Without `allowDrops`, an incomplete sequence is unexplained too. Incomplete sequences are
    /// checked last (enumerating their candidates costs more than finding a stray byte).
    static func scan(
        _ bytes: [UInt8], runs: [LineRun], codePage: CodePage, allowDrops: Bool = true,
        tokens: inout [RunToken], pending: inout [RunToken], cache: CandidateCache
    ) -> UnitScan {
        var result = UnitScan()
        let allowDrops = allowDrops && !codePage.undefinedBytes.isEmpty
        pending.removeAll(keepingCapacity: true)
        for run in runs {
            let summary = RunTokenizer.tokenize(bytes, run.range, codePage: codePage, into: &tokens)
            if summary.failed || (summary.incomplete > 0 && !allowDrops) {
                result.ok = false
                return result
            }
            if summary.incomplete > 0 {
                for token in tokens where !token.isComplete { pending.append(token) }
            }
            result.complete += summary.complete
            if !run.quoted { result.unquotedComplete += summary.complete }
            result.incomplete += summary.incomplete
            result.nonNativeC1 += summary.nonNativeC1
            result.undefinedAsC1 += summary.undefinedAsC1
            result.decodedC1 += summary.decodedC1
        }
        for token in pending {
            let candidates = cache.candidates(for: token, codePage: codePage)
            if candidates.isEmpty {
                result.ok = false
                return result
            }
            if !candidates.contains(where: { cache.canStandAlone($0) }) { result.incompleteWithoutStrongCandidate += 1 }
        }
        return result
    }

    /// The runs of all lines of a unit, in order.
    static func runs(
        in bytes: [UInt8], lines: ArraySlice<Range<Int>>, codeFlags: ArraySlice<Bool>, scratch: inout [LineRun]
    ) -> [LineRun] {
        var all: [LineRun] = []
        all.reserveCapacity(lines.count * 4)
        for (line, inCode) in zip(lines, codeFlags) {
            runs(in: bytes, line: line, inCodeBlock: inCode, into: &all, append: true)
        }
        return all
    }
}
