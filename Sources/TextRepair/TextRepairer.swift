/// Finds and undoes mojibake: UTF-8 text that was decoded with a single-byte code page
/// (Windows-1252, -1254, -1250, Latin-1, Mac Roman) and stored again, once or more often, with
/// undefined bytes turned into C1 controls or dropped.
///
/// Repair works on runs of non-ASCII characters within lines and decides paragraph by paragraph,
/// so one file may mix damaged and correct text. It never adds or removes a line break and leaves
/// correct text byte for byte: a paragraph is repaired only when every non-ASCII character in it
/// is explained as mojibake, and mojibake that appears only inside code or quotes is left alone
/// (and reported as possible) unless the file is damaged elsewhere.
public enum TextRepairer {
    /// Repairs `text`.
    ///
    /// `reference`: other texts that likely contain the same characters intact (in the build: the
    /// same post's other-language file); `vocabulary`: the characters the texts around it (the
    /// site, the other files of a run) hold intact. Both are used only to rank candidates for
    /// dropped bytes.
    ///
    /// `deferGuesses`: when some paragraph needs guesses, return the text unchanged with only
    /// `guessed` set, at little cost, so that the caller can first collect a vocabulary.
    public static func repair(
        _ text: String, reference: [String] = [], vocabulary: RepairVocabulary = RepairVocabulary(),
        deferGuesses: Bool = false
    ) -> RepairResult {
        if isASCII(text) { return RepairResult(text: text, repairs: [], possible: []) }
        let (bom, body) = splitBOM(text)
        var engine = RepairEngine(bytes: Array(body.utf8), reference: reference, vocabulary: vocabulary)
        let output = engine.run(describe: true, deferGuesses: deferGuesses)
        guard let bytes = output.bytes else {
            return RepairResult(text: text, repairs: [], possible: shifted(output.possible, bom), guessed: output.guessed)
        }
        let repaired = String(decoding: bytes, as: UTF8.self)
        return RepairResult(
            text: bom ? "\u{FEFF}" + repaired : repaired, repairs: shifted(output.repairs, bom),
            possible: shifted(output.possible, bom), guessed: output.guessed)
    }

    /// The repaired text alone, without describing the repairs: for callers that only need the
    /// text (it skips building `Repair` records). `changed`: anything was repaired; `guessed`: some
    /// paragraph needed guesses for dropped bytes (a `reference` or `vocabulary` may then change
    /// the outcome).
    public static func repairedText(
        _ text: String, reference: [String] = [], vocabulary: RepairVocabulary = RepairVocabulary()
    ) -> (text: String, changed: Bool, guessed: Bool) {
        if isASCII(text) { return (text, false, false) }
        let (bom, body) = splitBOM(text)
        var engine = RepairEngine(bytes: Array(body.utf8), reference: reference, vocabulary: vocabulary)
        let output = engine.run(describe: false)
        guard let bytes = output.bytes else { return (text, false, output.guessed) }
        let repaired = String(decoding: bytes, as: UTF8.self)
        return (bom ? "\u{FEFF}" + repaired : repaired, true, output.guessed)
    }

    /// Like `repairedText`, on UTF-8 bytes (for file tools: no String in between). `utf8` must be
    /// valid UTF-8; the result is too. `deferGuesses` as for `repair`.
    public static func repairedUTF8(
        _ utf8: [UInt8], reference: [String] = [], vocabulary: RepairVocabulary = RepairVocabulary(),
        deferGuesses: Bool = false
    ) -> (utf8: [UInt8], changed: Bool, guessed: Bool) {
        let bom = utf8.starts(with: [0xEF, 0xBB, 0xBF])
        let body = bom ? Array(utf8[3...]) : utf8
        if isASCII(body) { return (utf8, false, false) }
        var engine = RepairEngine(bytes: body, reference: reference, vocabulary: vocabulary)
        let output = engine.run(describe: false, deferGuesses: deferGuesses)
        guard let bytes = output.bytes else { return (utf8, false, output.guessed) }
        return (bom ? [0xEF, 0xBB, 0xBF] + bytes : bytes, true, output.guessed)
    }

    /// Repairs on the first line move one column to the right of a byte order mark.
    private static func shifted(_ repairs: [Repair], _ bom: Bool) -> [Repair] {
        guard bom else { return repairs }
        return repairs.map { repair in
            var repair = repair
            if repair.line == 1 { repair.column += 1 }
            return repair
        }
    }

    /// A byte order mark is no character of the first line: repair the text after it.
    private static func splitBOM(_ text: String) -> (Bool, String) {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return (false, text) }
        return (true, String(text.unicodeScalars.dropFirst()))
    }

    /// The fast path: text without a byte >= 0x80 cannot hold mojibake.
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isASCII($0) }
    }

    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isASCII($0) }
    }

    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let count = buffer.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
