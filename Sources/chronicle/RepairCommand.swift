import ArgumentParser
import Foundation
import TextRepair

/// `chronicle repair FILE...`: finds and undoes mojibake in text files.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Repair mojibake (UTF-8 text misread as Windows-1252, Latin-1, Mac Roman, …) in text files.",
        discussion: """
            Finds text like 'fÃ¼r' (für), 'â€ž' („) or 'ðŸ„' (an emoji that lost a byte) and turns it \
            back into what was written. It knows UTF-8 misread as Windows-1252, Windows-1254, \
            Windows-1250, Latin-1 and Mac Roman, damage applied twice, undefined bytes turned into \
            control characters, and bytes that were dropped: where a dropped byte has to be guessed, \
            it ranks the candidates (emoji data, neighbouring characters, the post's other-language \
            file) and --explain lists them.

            Correct text is never changed: a paragraph is repaired only when all its non-ASCII \
            characters are mojibake, so Turkish, Czech, French or Nordic text stays as it is, and so \
            does mojibake quoted on purpose in code or quotes (reported by --explain as a note). \
            Line breaks (LF or CRLF) and a byte order mark are kept. A file that is not UTF-8 at all \
            is read as Windows-1252 (with a warning) and written as UTF-8.

            Where the result goes:
              repair FILE                    the repaired text on standard output
              repair --output-dir DIR FILE…  every file, repaired or not, below DIR
              repair --write FILE…           in place; the original kept as FILE.orig
              repair --check FILE…           nothing written; exit status 1 if any changes

            With --output-dir a relative FILE keeps its path below DIR, an absolute one just its \
            name. --write replaces a file atomically and only when it needs a repair; it refuses to \
            overwrite an existing FILE.orig. Exit status: 0 when all went well, 1 when a file could \
            not be read or written (or, with --check, when any file would change).

            Guesses for dropped bytes use the file's siblings in other languages as reference \
            (index.de.md for index.en.md, post.md for post.en.md) and any --reference files.

            Examples:
              chronicle repair post.md > fixed.md
              chronicle repair --explain --check content/posts/*/index.*.md
              chronicle repair --write content/posts/2024/release/index.de.md
              chronicle repair --output-dir repaired content/**/*.md
            """
    )

    @Argument(help: ArgumentHelp("The files to repair.", valueName: "FILE"))
    var files: [String]

    @Flag(name: .long, help: "Repair the files in place, keeping each original as FILE.orig. Files that need no repair are left untouched.")
    var write = false

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write every file, repaired, below DIR.", valueName: "DIR"))
    var outputDir: String?

    @Flag(name: .long, help: "Print each repair to standard error as 'path:line:column: warning: …', with the ranked candidates for guessed bytes and notes for suspicious text left alone.")
    var explain = false

    @Flag(name: .long, help: "Write nothing; exit with status 1 when any file would change (for CI).")
    var check = false

    @Option(name: .long, help: ArgumentHelp("A text holding the same characters intact (e.g. the post in another language), used to rank guesses for dropped bytes. Repeatable.", valueName: "FILE"))
    var reference: [String] = []

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
    }

    func run() throws {
        try options.run()
    }

    var options: RepairOptions {
        RepairOptions(files: files, write: write, outputDir: outputDir, explain: explain, check: check, reference: reference)
    }
}

/// What `chronicle repair` was asked to do, parsed by ArgumentParser (`RepairCommand`) or by the
/// short way round it (`RepairArguments`).
struct RepairOptions: Equatable {
    var files: [String]
    var write = false
    var outputDir: String? = nil
    var explain = false
    var check = false
    var reference: [String] = []

    /// What is wrong with the combination of options, if anything.
    var problem: String? {
        if write && outputDir != nil { return "Use either --write or --output-dir, not both." }
        if check && (write || outputDir != nil) { return "--check writes nothing; leave out --write and --output-dir." }
        if files.contains(where: { $0 != files[0] }) && !write && outputDir == nil && !check {
            return "Several files need --write (repair in place) or --output-dir DIR (or --check); "
                + "only a single FILE is printed to standard output."
        }
        return nil
    }

    func run() throws {
        let references = try reference.map { path -> String in
            guard let text = RepairFiles.read(path)?.text else { throw ValidationError("Cannot read reference file '\(path)'.") }
            return text
        }
        let mode: RepairFiles.Mode = check ? .check : write ? .inPlace : outputDir.map { .outputDir($0) } ?? .standardOutput
        var unique: [String] = []
        unique.reserveCapacity(files.count)
        var seen = Set<String>(minimumCapacity: files.count)
        for file in files where seen.insert(file).inserted { unique.append(file) }
        let outcome = RepairFiles(files: unique, mode: mode, explain: explain, references: references).run()
        if outcome.failed { throw ExitCode.failure }
        if check && outcome.changedFiles > 0 { throw ExitCode(1) }
    }
}

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
        _ = isValidUTF8(damaged)
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

    // MARK: - Files

    /// Why `read` failed, in words (`error`: the errno it left).
    static func readFailure(_ path: String, errno error: Int32) -> String {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return "it is a folder; name the files in it" }
            if (info.st_mode & S_IFMT) != S_IFREG { return "not a regular file" }
        }
        return String(cString: strerror(error))
    }

    /// Reads a file; bytes that are not UTF-8 are read as Windows-1252 (C1 controls for its five
    /// undefined bytes).
    static func read(_ path: String) -> Input? {
        guard let bytes = FileIO.read(path) else { return nil }
        if isValidUTF8(bytes) { return Input(bytes: bytes, wasUTF8: true) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let value = windows1252High[Int(byte) - 0x80] {
                scalars.append(value)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return Input(bytes: Array(String(scalars).utf8), wasUTF8: false)
    }

    /// Whether `bytes` are valid UTF-8 (ASCII is skipped eight bytes at a time).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        let valid = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index < count {
                if index + 8 <= count && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return false
                }
                guard index + length <= count, (low...high).contains(buffer[index + 1]) else { return false }
                for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
        return valid
    }

    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// `DIR/FILE` for a relative FILE without `..`, else `DIR/name`.
    static func outputPath(for path: String, in directory: String) -> String {
        let separator = directory.hasSuffix("/") ? "" : "/"
        // The common case: a plain relative path (no leading '/', no '.' or '..' component, no '//').
        var plain = !path.isEmpty
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")) && previous == UInt8(ascii: "/") {
                plain = false
                break
            }
            previous = byte
        }
        if plain && previous != UInt8(ascii: "/") { return directory + separator + path }
        let components = path.split(separator: "/").filter { $0 != "." }
        let relative = !path.hasPrefix("/") && !components.contains("..") && !components.isEmpty
        let tail = relative ? components.joined(separator: "/") : components.last.map(String.init) ?? path
        return directory + separator + tail
    }

    /// Creates `path` and the folders above it that are missing (`mkdir -p`); returns an error
    /// text or nil.
    static func makeFolder(_ path: String) -> String? {
        if mkdir(path, 0o755) == 0 { return nil }
        let error = errno
        var info = stat()
        if error == EEXIST {
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR ? nil : "a file of that name is in the way"
        }
        guard error == ENOENT else { return String(cString: strerror(error)) }
        let parent = folder(of: path)
        guard !parent.isEmpty, parent != path else { return String(cString: strerror(error)) }
        if let problem = makeFolder(parent) { return problem }
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR) {
            return nil
        }
        return String(cString: strerror(errno))
    }

    /// The folder part of a path ("" when there is none).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// The name part of a path.
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// Writes `data` to `path` (its folder exists); returns an error text or nil.
    static func writeFile(_ data: [UInt8], to path: String) -> String? {
        FileIO.write(data, to: path, mode: 0o644)
    }

    /// Keeps the original as `path.orig` (a hard link, or a copy) and atomically replaces `path`
    /// with `data` (written to a temporary file beside it, then renamed over it).
    static func replaceKeepingOriginal(_ path: String, with data: [UInt8]) -> String? {
        let backup = path + ".orig"
        if FileManager.default.fileExists(atPath: backup) {
            return "'\(backup)' already exists; move it away first so that the original is not lost"
        }
        var info = stat()
        // Replacing a symbolic link would leave the file it points to damaged.
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " ('\($0)')" } ?? ""
            return "is a symbolic link; repair the file it points to\(target) instead"
        }
        let permissions = stat(path, &info) == 0 ? mode_t(info.st_mode & 0o7777) : 0o644
        let folder = folder(of: path)
        let name = name(of: path)
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).chronicle-repair-\(getpid())"
        if let error = FileIO.write(data, to: temporary, mode: permissions, durable: true) {
            unlink(temporary)
            return "cannot write a temporary file beside it: \(error)"
        }
        if link(path, backup) != 0 {
            do {
                try FileManager.default.copyItem(atPath: path, toPath: backup)
            } catch {
                unlink(temporary)
                return "cannot keep the original as '\(backup)': \(error.localizedDescription)"
            }
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot replace the file: \(reason)"
        }
        return nil
    }

    // MARK: - Sibling translations

    /// `index.en.md` for `index.de.md`, `post.md` and `post.fr.md` for `post.en.md`, and so on:
    /// files in the same folder whose names differ only in a language code.
    static func siblingPaths(of path: String) -> [String] {
        let folder = folder(of: path)
        let name = name(of: path)
        guard let (stem, _, ext) = splitLanguage(name) else { return [] }
        // A sibling starts with "stem."; only those names are looked at closely.
        let prefix = Array((stem + ".").utf8)
        var siblings: [String] = []
        listings.names(in: folder.isEmpty ? "." : folder) { entry in
            guard entry.count > prefix.count, memcmp(entry.baseAddress!, prefix, prefix.count) == 0 else { return }
            let candidate = String(decoding: entry, as: UTF8.self)
            guard candidate != name, let (otherStem, _, otherExt) = splitLanguage(candidate), otherStem == stem, otherExt == ext
            else { return }
            siblings.append(folder.isEmpty ? candidate : folder + "/" + candidate)
        }
        return siblings.sorted()
    }

    static func siblingTexts(of path: String) -> [String] {
        siblingPaths(of: path).compactMap { read($0)?.text }
    }

    /// Folder listings, read once per folder (several files of one folder may need them).
    static let listings = FolderListings()

    final class FolderListings: @unchecked Sendable {
        /// A folder's names, each followed by a NUL, in one buffer.
        private struct Listing {
            var bytes: [UInt8] = []
            var starts: [Int] = []
        }

        private let lock = NSLock()
        private var listed: [String: Listing] = [:]

        /// Calls `body` with each name in the folder (as UTF-8 bytes). The folder is read once
        /// (readdir, no Foundation).
        func names(in folder: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            lock.lock()
            let listing = listed[folder] ?? read(folder)
            lock.unlock()
            listing.bytes.withUnsafeBufferPointer { buffer in
                for (index, start) in listing.starts.enumerated() {
                    let end = index + 1 < listing.starts.count ? listing.starts[index + 1] - 1 : buffer.count - 1
                    body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                }
            }
        }

        /// Reads a folder's names (the lock is held).
        private func read(_ folder: String) -> Listing {
            var listing = Listing()
            if let directory = opendir(folder) {
                while let entry = readdir(directory) {
                    withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        let name = raw.prefix { $0 != 0 }
                        if name.elementsEqual([0x2E]) || name.elementsEqual([0x2E, 0x2E]) { return }
                        listing.starts.append(listing.bytes.count)
                        listing.bytes.append(contentsOf: name)
                        listing.bytes.append(0)
                    }
                }
                closedir(directory)
            }
            listed[folder] = listing
            return listing
        }
    }

    /// Splits `stem.lang.ext` or `stem.ext` (lang: two or three letters, optionally `-region`;
    /// ext: md, markdown, txt or html).
    static func splitLanguage(_ name: String) -> (stem: String, language: String?, ext: String)? {
        let bytes = Array(name.utf8)
        guard let lastDot = bytes.lastIndex(of: UInt8(ascii: ".")), lastDot > 0 else { return nil }
        let ext = String(decoding: bytes[(lastDot + 1)...], as: UTF8.self)
        guard ["md", "markdown", "txt", "html"].contains(ext.lowercased()) else { return nil }
        if let languageDot = bytes[..<lastDot].lastIndex(of: UInt8(ascii: ".")), languageDot > 0,
           isLanguageCode(bytes[(languageDot + 1)..<lastDot]) {
            return (String(decoding: bytes[..<languageDot], as: UTF8.self),
                    String(decoding: bytes[(languageDot + 1)..<lastDot], as: UTF8.self), ext)
        }
        return (String(decoding: bytes[..<lastDot], as: UTF8.self), nil, ext)
    }

    /// `de`, `en`, `pt-br`, `zh-Hant`: two or three ASCII letters, optionally `-` and 2...4
    /// letters or digits.
    static func isLanguageCode(_ text: ArraySlice<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        let parts = text.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isLetter) else { return false }
        return parts.count == 1 || (parts.count == 2 && (2...4).contains(parts[1].count)
            && parts[1].allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) })
    }
}

extension RepairFiles {
    /// Plain POSIX file reads and writes: Foundation's atomic writes sync every file to disk, which
    /// is right for `--write` (done explicitly there) but ten times slower for `--output-dir`.
    enum FileIO {
        static func read(_ path: String) -> [UInt8]? {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            // Sized by fstat, read without zero-filling first; a file that grows is read to its end.
            var capacity = Int(info.st_size) + 1
            var result: [UInt8] = []
            while true {
                var failed = false
                let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    initialized = 0
                    while initialized < buffer.count {
                        let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                        if count < 0 {
                            if errno == EINTR { continue }
                            failed = true
                            return
                        }
                        if count == 0 { return }
                        initialized += count
                    }
                }
                if failed { return nil }
                result += chunk
                if chunk.count < capacity { return result }
                capacity = 65536
            }
        }

        /// Creates or truncates `path` and writes `data`; `durable` syncs it to disk.
        static func write(_ data: [UInt8], to path: String, mode: mode_t, durable: Bool = false) -> String? {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
            guard descriptor >= 0 else { return String(cString: strerror(errno)) }
            var failure: String? = nil
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        return
                    }
                    offset += written
                }
            }
            if failure == nil && durable && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
            return failure
        }
    }
}
