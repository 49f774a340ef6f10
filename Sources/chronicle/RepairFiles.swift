import Foundation
import RepairWorkflow
import SiteCore

/// The file side of `chronicle repair`: reads the files, hands them to the one repair workflow
/// (`RepairBatch`, as the build does), writes the results where the mode says and prints the
/// diagnostics through the build's printer.
struct RepairFiles {
    enum Mode: Equatable { case standardOutput, outputDir(String), inPlace, check }

    struct Outcome {
        var changedFiles = 0
        var failed = false
    }

    /// A file as read: valid UTF-8 text, line endings and byte order mark as they are.
    struct Input: Sendable {
        var text: String
        /// The `source.encoding` warning when the file was not UTF-8 (read as the build reads
        /// it: what is valid UTF-8 stays, each other byte is Windows-1252).
        var encoding: Diagnostic?
    }

    let files: [String]
    let mode: Mode
    let explain: Bool
    let references: [String]

    func run() -> Outcome {
        var outcome = Outcome()
        if case .outputDir(let directory) = mode, let clash = outputClash(in: directory) {
            RepairFiles.printError(clash)
            outcome.failed = true
            return outcome
        }
        // 1. Read every file.
        let files = self.files
        let inputs = ParallelMap.map(files) { path -> Result<Input, ReadError> in
            guard let input = RepairFiles.read(path) else {
                return .failure(ReadError(reason: RepairFiles.readFailure(path, errno: errno)))
            }
            return .success(input)
        }
        var diagnostics: [Diagnostic] = []
        var readable: [Int] = []
        var items: [RepairBatch.Item] = []
        for (index, input) in inputs.enumerated() {
            switch input {
            case .success(let input):
                readable.append(index)
                items.append(RepairBatch.Item(path: files[index], text: input.text, group: RepairFiles.group(of: files[index])))
                if let encoding = input.encoding { diagnostics.append(encoding) }
            case .failure(let error):
                outcome.failed = true
                diagnostics.append(Diagnostic(
                    .error, code: "source.unreadable", message: "cannot read file: \(error.reason)",
                    location: SourceLocation(path: files[index])))
            }
        }
        // 2. Repair them as one batch. Translations outside the run are read from their folders
        //    only for files that need guesses.
        let paths = readable.map { files[$0] }
        let given = Set(paths)
        let batch = RepairBatch(describe: explain, references: references) { item in
            RepairFiles.siblingPaths(of: paths[item]).filter { !given.contains($0) }.compactMap { RepairFiles.read($0)?.text }
        }
        let results = batch.run(items)
        // 3. Write them: the folders first (once each), then the files on all cores.
        let changed = zip(readable, results).map { index, result in result.changed || inputs[index].isNotUTF8 }
        outcome.changedFiles = changed.filter { $0 }.count
        if explain { diagnostics += results.flatMap(\.diagnostics) }
        var problems: [Diagnostic?] = []
        switch mode {
        case .check:
            break
        case .standardOutput:
            var output = Data()
            for result in results { output.append(contentsOf: result.text.utf8) }
            FileHandle.standardOutput.write(output)
        case .outputDir(let directory):
            let targets = readable.map { RepairFiles.outputPath(for: files[$0], in: directory) }
            var failedFolders: [String: Diagnostic] = [:]
            for folder in Set(targets.map(RepairFiles.folder(of:))).sorted() where !folder.isEmpty {
                if let error = RepairFiles.makeFolder(folder) {
                    failedFolders[folder] = Diagnostic(
                        .error, code: "repair.write", message: "cannot create the folder '\(folder)': \(error)",
                        location: SourceLocation(path: folder))
                }
            }
            let folderFailures = failedFolders
            problems = ParallelMap.map(Array(targets.indices)) { item in
                if let failure = folderFailures[RepairFiles.folder(of: targets[item])] { return failure }
                guard let error = RepairFiles.writeFile(Array(results[item].text.utf8), to: targets[item]) else { return nil }
                return Diagnostic(.error, code: "repair.write", message: "cannot write: \(error)", location: SourceLocation(path: targets[item]))
            }
        case .inPlace:
            problems = ParallelMap.map(Array(paths.indices)) { item in
                guard changed[item] else { return nil }
                let path = paths[item]
                guard let error = RepairFiles.replaceKeepingOriginal(path, with: Array(results[item].text.utf8)) else { return nil }
                return Diagnostic(.error, code: "repair.write", message: error, location: SourceLocation(path: path))
            }
        }
        for case let problem? in Set(problems) {
            outcome.failed = true
            diagnostics.append(problem)
        }
        DiagnosticPrinter(showNotes: true).print(diagnostics)
        if mode == .check && !explain {
            var listing = ""
            for (item, path) in paths.enumerated() where changed[item] {
                listing += "\(path): would be repaired\n"
            }
            RepairFiles.printError(listing)
        }
        return outcome
    }

    struct ReadError: Error {
        var reason: String
    }

    /// Two files that would land on one output path, as an error line.
    private func outputClash(in directory: String) -> String? {
        var targets: [String: String] = [:]
        for file in files {
            let target = RepairFiles.outputPath(for: file, in: directory)
            if let other = targets[target] {
                return "error: '\(other)' and '\(file)' would both be written to '\(target)'\n"
            }
            targets[target] = file
        }
        return nil
    }

    /// Writes `text` to standard error as it is.
    static func printError(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension Result where Success == RepairFiles.Input {
    /// The file was read, and it was not UTF-8 (it is written as UTF-8: a change).
    var isNotUTF8: Bool {
        if case .success(let input) = self { return input.encoding != nil }
        return false
    }
}
