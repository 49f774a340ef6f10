import ArgumentParser
import Foundation

/// What `chronicle repair` was asked to do (parsed by ArgumentParser in `RepairCommand`).
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
        var references: [String] = []
        for path in reference {
            guard let input = RepairFiles.read(path) else {
                throw ValidationError("Cannot read reference file '\(path)': \(RepairFiles.readFailure(path, errno: errno)).")
            }
            references.append(input.text)
        }
        let mode: RepairFiles.Mode = check ? .check : write ? .inPlace : outputDir.map { .outputDir($0) } ?? .standardOutput
        let (expanded, problems) = RepairFiles.expandingFolders(files)
        if !problems.isEmpty {
            RepairFiles.printError(problems.joined())
            throw ExitCode.failure
        }
        var unique: [String] = []
        var seen = Set<String>()
        for file in expanded where seen.insert(file).inserted { unique.append(file) }
        if unique.count > 1 && mode == .standardOutput {
            throw ValidationError("'\(files[0])' holds several files: they need --write (repair in place) or "
                + "--output-dir DIR (or --check); only a single FILE is printed to standard output.")
        }
        let outcome = RepairFiles(files: unique, mode: mode, explain: explain, references: references).run()
        if outcome.failed { throw ExitCode.failure }
        if check && outcome.changedFiles > 0 { throw ExitCode(1) }
    }
}
