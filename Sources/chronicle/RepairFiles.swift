import Foundation
import SiteCore
import TextRepair

/// The file side of `chronicle repair`: reading, repairing (in parallel), writing, explaining.
struct RepairFiles {
    enum Mode: Equatable { case standardOutput, outputDir(String), inPlace, check }

    struct Outcome {
        var changedFiles = 0
        var failed = false
    }

    struct Input {
        /// Valid UTF-8.
        var bytes: [UInt8]
        var wasUTF8: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    let files: [String]
    let mode: Mode
    let explain: Bool
    let references: [String]

    func run() -> Outcome {
        var outcome = Outcome()
        let count = files.count
        // The helper thread starts first: it takes a while to get going.
        // The folders the first files are in: guesses for dropped bytes look there for the
        // files' translations, so the helper reads them while warming up.
        var firstFolders: [String] = []
        for file in files where firstFolders.count < 4 {
            let folder = RepairFiles.folder(of: file)
            if !firstFolders.contains(folder) { firstFolders.append(folder) }
        }
        let folders = firstFolders
        let work = count >= 8
            ? TwoThreadWork.start {
                RepairFiles.warmUp()
                for folder in folders { RepairFiles.listings.names(in: folder.isEmpty ? "." : folder) { _ in } }
            }
            : nil
        defer { work?.stop() }
        if case .outputDir(let directory) = mode {
            // Two files must not land on one output path.
            var targets = Set<String>(minimumCapacity: count)
            var folders = Set<String>()
            for file in files {
                let target = RepairFiles.outputPath(for: file, in: directory)
                guard targets.insert(target).inserted else {
                    let other = files.first { RepairFiles.outputPath(for: $0, in: directory) == target } ?? file
                    RepairFiles.printError("error: '\(other)' and '\(file)' would both be written to '\(target)'\n")
                    outcome.failed = true
                    return outcome
                }
                folders.insert(RepairFiles.folder(of: target))
            }
            // Folders first (once each), so that the parallel phase only writes files.
            for folder in folders.sorted() where !folder.isEmpty {
                if let error = RepairFiles.makeFolder(folder) {
                    RepairFiles.printError("\(folder): error: cannot create the folder: \(error)\n")
                    outcome.failed = true
                    return outcome
                }
            }
        }
        // 1. Read, repair and write every file. With several files, one that needs guesses for
        //    dropped bytes waits for the vocabulary of the run.
        let deferGuesses = count > 1
        var vocabulary = RepairVocabulary()
        var results = RepairFiles.process(count, on: work) { index in
            let path = files[index]
            return RepairFiles.read(path).map { repair($0, path: path, vocabulary: RepairVocabulary(), deferGuesses: deferGuesses) }
                ?? FileResult(failed: true, messages: "\(path): error: cannot read the file (\(RepairFiles.readFailure(path, errno: errno)))\n")
        } finish: { index, result in
            guard !result.deferred else { return }
            write(&result, path: files[index])
            if deferGuesses && !result.failed { vocabulary.add(utf8: result.output) }
        }
        // 2. Those files, now ranking their guesses with the characters the other files hold
        //    without any guess (the vocabulary of the run).
        let guessing = results.indices.filter { results[$0].deferred }
        if !guessing.isEmpty {
            let known = vocabulary
            let pending = results
            let again = RepairFiles.process(guessing.count, on: work) { offset in
                let index = guessing[offset]
                return repair(pending[index].input!, path: files[index], vocabulary: known, deferGuesses: false)
            } finish: { offset, result in
                write(&result, path: files[guessing[offset]])
            }
            for (index, result) in zip(guessing, again) { results[index] = result }
        }
        var messages = ""
        for index in 0..<count {
            let result = results[index]
            messages += result.messages
            if result.failed { outcome.failed = true }
            if result.changed { outcome.changedFiles += 1 }
            if mode == .standardOutput && result.input != nil {
                FileHandle.standardOutput.write(Data(result.output))
            }
        }
        if mode == .check && !explain {
            for index in 0..<count where results[index].changed {
                messages += "\(files[index]): would be repaired\n"
            }
        }
        RepairFiles.printError(messages)
        return outcome
    }

    /// Writes `text` to standard error as it is (no Foundation on the way).
    static func printError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Cores to work on (counted once).
    static let processors = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// Repairs a short text with every kind of damage, a guess for a dropped byte included, and
    /// throws the result away: it readies the code and the runtime's type data for the real work.
    @Sendable static func warmUp() {
        var vocabulary = RepairVocabulary()
        vocabulary.add("Moo 🐄 „Grüße“ ✅")
        let damaged = Array("title: \"ðŸ„ Moo\"\n\nGrÃ¼ÃŸe â€žausâ€œ KÃƒÂ¶ln âœ… ðŸ‘¨â€ðŸ’»\n".utf8)
        for deferGuesses in [true, false] {
            _ = TextRepairer.repairedUTF8(damaged, vocabulary: vocabulary, deferGuesses: deferGuesses)
        }
        _ = SourceFile.isValidUTF8(damaged)
    }

    /// `compute` and `finish` for items `0..<count`: on both threads of `work` when there is
    /// one, else one after the other.
    static func process<Result>(
        _ count: Int, on work: TwoThreadWork?, compute: @escaping @Sendable (Int) -> Result,
        finish: (Int, inout Result) -> Void
    ) -> [Result] {
        if let work, count >= 2 { return work.process(count, compute: compute, finish: finish) }
        return (0..<count).map { index in
            var result = compute(index)
            finish(index, &result)
            return result
        }
    }

    struct FileResult {
        /// What was read (nil when the file could not be read).
        var input: Input? = nil
        var changed = false
        var failed = false
        /// Repair waits for the vocabulary of the run: some paragraph needs guesses.
        var deferred = false
        var messages = ""
        var output: [UInt8] = []
    }

    private func repair(_ input: Input, path: String, vocabulary: RepairVocabulary, deferGuesses: Bool) -> FileResult {
        var result = FileResult(input: input)
        if !input.wasUTF8 {
            result.messages += "\(path):1:1: warning: not UTF-8; read as Windows-1252 and written as UTF-8 [repair.encoding]\n"
        }
        var changed: Bool
        if explain {
            let text = input.text
            var repair = TextRepairer.repair(text, reference: references, vocabulary: vocabulary, deferGuesses: deferGuesses)
            if repair.guessed && deferGuesses { return FileResult(input: input, deferred: true) }
            if repair.guessed {
                let siblings = RepairFiles.siblingTexts(of: path)
                if !siblings.isEmpty {
                    repair = TextRepairer.repair(text, reference: references + siblings, vocabulary: vocabulary)
                }
            }
            result.output = Array(repair.text.utf8)
            changed = repair.changed
            result.messages += RepairFiles.explain(repair, path: path)
        } else {
            var repaired = TextRepairer.repairedUTF8(
                input.bytes, reference: references, vocabulary: vocabulary, deferGuesses: deferGuesses)
            if repaired.guessed && deferGuesses { return FileResult(input: input, deferred: true) }
            if repaired.guessed {
                // Only guesses benefit from the siblings; ask again with them when there were any.
                let siblings = RepairFiles.siblingTexts(of: path)
                if !siblings.isEmpty {
                    repaired = TextRepairer.repairedUTF8(input.bytes, reference: references + siblings, vocabulary: vocabulary)
                }
            }
            (result.output, changed) = (repaired.utf8, repaired.changed)
        }
        result.changed = changed || !input.wasUTF8
        return result
    }

    /// Writes one file's result as the mode says; a failure becomes a message.
    private func write(_ result: inout FileResult, path: String) {
        guard result.input != nil else { return }
        switch mode {
        case .standardOutput, .check:
            return
        case .outputDir(let directory):
            let target = RepairFiles.outputPath(for: path, in: directory)
            if let error = RepairFiles.writeFile(result.output, to: target) {
                result.failed = true
                result.messages += "\(target): error: cannot write: \(error)\n"
            }
        case .inPlace:
            guard result.changed else { return }
            if let error = RepairFiles.replaceKeepingOriginal(path, with: result.output) {
                result.failed = true
                result.messages += "\(path): error: \(error)\n"
            }
        }
    }

    // MARK: - Explaining

    static func explain(_ result: RepairResult, path: String) -> String {
        var out = ""
        for repair in result.repairs {
            out += "\(path):\(repair.line):\(repair.column): warning: repaired '\(visible(repair.before))' -> "
                + "'\(visible(repair.after))' (\(repair.encoding), \(format(repair.confidence))) [repair.mojibake]\n"
            if repair.isAmbiguous {
                out += "\(path):\(repair.line):\(repair.column): note: a dropped byte was guessed; candidates, best first: "
                    + repair.candidates.map { "'\(visible($0))'" }.joined(separator: ", ") + "\n"
            }
        }
        for repair in result.possible {
            out += "\(path):\(repair.line):\(repair.column): note: possible mojibake left alone: '\(visible(repair.before))' "
                + "would be '\(visible(repair.after))' (\(repair.encoding)) [repair.possible]\n"
        }
        return out
    }

    static func format(_ confidence: Double) -> String {
        String(format: "%.2f", confidence)
    }

    /// Control characters (C0, C1) shown as \u{…} so that a terminal shows what is there.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
