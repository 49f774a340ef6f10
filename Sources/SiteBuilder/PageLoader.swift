import ContentParsing
import Foundation
import SiteCore
import TextRepair

/// Reads content files: decodes them, repairs mojibake, parses front matter and shortcodes.
struct PageLoader: Sendable {
    var config: SiteConfig
    var catalog: ShortcodeCatalog
    /// Reads a file's bytes; a seam so tests can inject read errors.
    var readFile: @Sendable (String) throws -> Data = { try Data(contentsOf: URL(fileURLWithPath: $0)) }

    struct Loaded: Sendable {
        var file: ContentFile
        var document: Document
        var metadata: PageMetadata
        var diagnostics: [Diagnostic]
    }

    enum Outcome: Sendable {
        case loaded(Loaded)
        /// The file could not be read at all.
        case failed([Diagnostic])
    }

    /// Reads every file (in parallel); files of the same logical path help each other's repair.
    func load(_ files: [ContentFile]) -> [Outcome] {
        let texts = ParallelMap.map(files) { read($0) }
        let siblings = Dictionary(grouping: files.indices) { files[$0].logicalPath }
        return ParallelMap.map(Array(files.indices)) { index -> Outcome in
            let rawText: String
            let readDiagnostics: [Diagnostic]
            switch texts[index] {
            case .success(let read): (rawText, readDiagnostics) = read
            case .failure(let failure): return .failed([failure.diagnostic])
            }
            let file = files[index]
            let references = (siblings[file.logicalPath] ?? []).filter { $0 != index }.compactMap {
                try? texts[$0].get().text
            }
            let repaired = TextRepairer.repair(rawText, reference: references)
            var diagnostics = readDiagnostics
            diagnostics += repairDiagnostics(repaired, original: rawText, path: file.displayPath)
            let source = SourceFile(path: file.displayPath, language: file.language, text: repaired.text)
            let parsed = DocumentParser.parse(source, catalog: catalog, taxonomies: Array(config.taxonomies.values).sorted())
            diagnostics += parsed.diagnostics
            return .loaded(Loaded(file: file, document: parsed.document, metadata: parsed.metadata, diagnostics: diagnostics))
        }
    }

    struct ReadFailure: Error {
        var diagnostic: Diagnostic
    }

    private func read(_ file: ContentFile) -> Result<(text: String, diagnostics: [Diagnostic]), ReadFailure> {
        let data: Data
        do {
            data = try readFile(file.absolutePath)
        } catch {
            return .failure(ReadFailure(diagnostic: Diagnostic(
                .error, code: "source.unreadable",
                message: "cannot read file: \((error as NSError).localizedDescription)",
                location: SourceLocation(path: file.displayPath))))
        }
        let (text, notes) = SourceFile.decode(data)
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(path: file.displayPath)
        for note in notes {
            switch note {
            case .byteOrderMark:
                diagnostics.append(Diagnostic(.warning, code: "source.bom", message: "file starts with a byte order mark; ignored", location: location))
            case .crlfLineEndings:
                break // Windows line endings are normal; read as is.
            case .mixedLineEndings:
                diagnostics.append(Diagnostic(.warning, code: "source.line-endings", message: "file mixes CRLF and LF line endings; read as LF", location: location))
            case .notUTF8(let fallback):
                diagnostics.append(Diagnostic(.warning, code: "source.encoding", message: "file is not valid UTF-8; decoded as \(fallback)", location: location))
            case .nulBytes:
                diagnostics.append(Diagnostic(.warning, code: "source.nul", message: "file contains NUL bytes", location: location))
            }
        }
        return .success((text, diagnostics))
    }

    /// Repairs are warnings (and unsure ones notes) showing the damaged line as it is on disk.
    private func repairDiagnostics(_ result: RepairResult, original: String, path: String) -> [Diagnostic] {
        guard !result.repairs.isEmpty || !result.possible.isEmpty else { return [] }
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        var diagnostics = result.repairs.map { repair in
            Diagnostic(
                .warning, code: "repair.mojibake",
                message: "repaired mojibake '\(repair.before)' -> '\(repair.after)' (\(repair.encoding))",
                location: SourceLocation(path: path, line: repair.line, column: repair.column),
                sourceLine: repair.line <= lines.count ? String(lines[repair.line - 1]) : nil)
        }
        diagnostics += result.possible.map { repair in
            Diagnostic(
                .note, code: "repair.possible",
                message: "possible mojibake '\(repair.before)' (\(repair.encoding)) left as is; it may mean '\(repair.after)'",
                location: SourceLocation(path: path, line: repair.line, column: repair.column))
        }
        return diagnostics
    }
}
