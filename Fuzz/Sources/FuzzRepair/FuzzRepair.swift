import Foundation
import FuzzSupport
import RepairWorkflow
import SiteCore
import TextRepair

/// Mojibake repair on arbitrary text, decoded as a content file is. Input holding a line
/// "\u{1E}" (record separator) is split there: what follows is the reference text (another
/// language's file of the same page, used to guess dropped bytes).
///
/// Invariants (DESIGN.md §7): repair never adds or removes a line break, and text that cannot be
/// mojibake (ASCII, CJK, Hangul, emoji only) comes back unchanged. Every repair points at a line
/// of the text. Deferring guesses and a vocabulary change nothing but guesses. The build's and
/// `chronicle repair`'s workflow (`RepairBatch`, the text and its reference as translations of one
/// page) keeps the line breaks too, points its diagnostics into the text, and makes the same text
/// whether it describes the repairs or not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let (decoded, _) = SourceFile.decode(fuzzData(data, size))
    var text = decoded
    var reference: [String] = []
    if let separator = decoded.range(of: "\n\u{1E}\n") {
        text = String(decoded[..<separator.lowerBound])
        reference = [String(decoded[separator.upperBound...])]
    }

    let alone = TextRepairer.repair(text, reference: [])
    check(text, alone)
    // Deferred guesses: either the text needs none (the same result) or it comes back untouched.
    let deferred = TextRepairer.repair(text, deferGuesses: true)
    check(text, deferred)
    if deferred.guessed {
        fuzzRequire(deferred.text == text && deferred.repairs.isEmpty, "deferred guesses still changed the text")
    } else {
        fuzzRequire(deferred.text == alone.text, "deferGuesses changed a text that needs no guess")
    }
    if !reference.isEmpty {
        check(text, TextRepairer.repair(text, reference: reference))
        // The reference as the vocabulary of a run: ranks guesses only.
        var vocabulary = RepairVocabulary()
        vocabulary.add(reference[0])
        let ranked = TextRepairer.repair(text, vocabulary: vocabulary)
        check(text, ranked)
        if !alone.guessed { fuzzRequire(ranked.text == alone.text, "a vocabulary changed a text that needs no guess") }
    }
    let items = ([text] + reference).enumerated().map { RepairBatch.Item(path: "p\($0.offset).md", text: $0.element, group: "p") }
    let described = RepairBatch(jobs: 1).run(items)
    let plain = RepairBatch(jobs: 1, describe: false).run(items)
    for (index, item) in items.enumerated() {
        fuzzRequire(newlines(described[index].text) == newlines(item.text), "the batch changed the number of line breaks")
        fuzzRequire(described[index].text == plain[index].text, "the batch's text depends on describing it")
        fuzzRequire(described[index].changed == (described[index].text != item.text), "changed does not say whether the text changed")
        for diagnostic in described[index].diagnostics {
            fuzzRequire(diagnostic.location.path == item.path, "a diagnostic names another file")
            fuzzRequire((diagnostic.location.line ?? 0) >= 1 && (diagnostic.location.line ?? 0) <= newlines(item.text) + 1,
                        "a diagnostic points outside the text")
        }
    }
    return 0
}

private func check(_ text: String, _ result: RepairResult) {
    let lines = newlines(text)
    fuzzRequire(newlines(result.text) == lines,
                "repair changed the number of line breaks from \(lines) to \(newlines(result.text))")
    if result.repairs.isEmpty {
        fuzzRequire(result.text == text, "text changed without a repair")
    }
    if cannotBeMojibake(text) {
        fuzzRequire(result.text == text, "text that cannot be mojibake was changed: \(result.repairs)")
    }
    for repair in result.repairs + result.possible {
        fuzzRequire(repair.line >= 1 && repair.line <= lines + 1, "repair at line \(repair.line) of \(lines + 1)")
        fuzzRequire(repair.column >= 1, "repair at column \(repair.column)")
        fuzzRequire((0...1).contains(repair.confidence), "confidence \(repair.confidence) outside 0...1")
    }
}

private func newlines(_ text: String) -> Int {
    text.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
}

/// Only ASCII and characters no single-byte code page decodes to (CJK, kana, Hangul, emoji):
/// misreading UTF-8 through Windows-125x, Latin-1 or Mac Roman cannot have produced this text.
private func cannotBeMojibake(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
        switch scalar.value {
        case 0..<0x80: true
        case 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1F300...0x1FAFF: true
        default: false
        }
    }
}
