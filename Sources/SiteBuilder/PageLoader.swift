import ContentParsing
import Foundation
import SiteCore
import RepairWorkflow

/// Reads content files: decodes them, repairs mojibake, parses front matter and shortcodes.
struct PageLoader: Sendable {
    var config: SiteConfig
    var catalog: ShortcodeCatalog
    /// Threads to use; nil: one per core.
    var jobs: Int?
    /// Reads a file's bytes; a seam so tests can inject read errors.
    var readFile: @Sendable (String) throws -> Data = { try Data(contentsOf: URL(fileURLWithPath: $0)) }

    /// A file read and parsed. A reference: the link stage and `SiteSession` pass every page
    /// around on each build, and a copy of its file, document and metadata is dozens of
    /// retains. Changed only by whoever made it, before anyone else sees it; the link stage
    /// changes a `copy()`.
    final class Loaded: @unchecked Sendable {
        var file: ContentFile
        var document: Document
        var metadata: PageMetadata
        var diagnostics: [Diagnostic]
        /// The front matter fields Chronicle does not act on (`HugoFrontMatterFields`), found
        /// once per read: the link stage gathers them on every link, `serve` on every edit.
        let unsupportedFields: [(key: String, instead: String)]

        init(
            file: ContentFile, document: Document, metadata: PageMetadata, diagnostics: [Diagnostic],
            unsupportedFields: [(key: String, instead: String)]? = nil
        ) {
            self.file = file
            self.document = document
            self.metadata = metadata
            self.diagnostics = diagnostics
            self.unsupportedFields = unsupportedFields
                ?? HugoFrontMatterFields.fields(of: document.frontMatter, isBranch: file.kind == .branchBundle)
        }

        func copy() -> Loaded {
            Loaded(file: file, document: document, metadata: metadata, diagnostics: diagnostics, unsupportedFields: unsupportedFields)
        }
    }

    enum Outcome: Sendable {
        case loaded(Loaded)
        /// The file could not be read at all.
        case failed([Diagnostic])

        /// The page, when the file was read.
        var page: Loaded? {
            if case .loaded(let page) = self { page } else { nil }
        }
    }

    /// Reads every file (in parallel) and repairs mojibake as one `RepairBatch` (files of the
    /// same logical path are translations of one another, and the characters the whole site
    /// holds intact help rank guesses for dropped bytes), then parses each.
    func load(_ files: [ContentFile]) -> [Outcome] {
        let texts = ParallelMap.map(files, jobs: jobs) { read($0) }
        var readable: [Int] = []
        var items: [RepairBatch.Item] = []
        for (index, text) in texts.enumerated() {
            guard case .success(let read) = text else { continue }
            readable.append(index)
            items.append(RepairBatch.Item(path: files[index].displayPath, text: read.text, group: files[index].logicalPath))
        }
        var repaired = [RepairBatch.Outcome?](repeating: nil, count: files.count)
        for (index, outcome) in zip(readable, RepairBatch(jobs: jobs).run(items)) { repaired[index] = outcome }
        let outcomes = repaired
        return ParallelMap.map(Array(files.indices), jobs: jobs) { index -> Outcome in
            let readDiagnostics: [Diagnostic]
            switch texts[index] {
            case .success(let read): readDiagnostics = read.diagnostics
            case .failure(let failure): return .failed([failure.diagnostic])
            }
            let file = files[index]
            guard let repaired = outcomes[index] else { return .failed([]) }
            var diagnostics = readDiagnostics + repaired.diagnostics
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
                message: "cannot read file: \(Self.describe(error))",
                location: SourceLocation(path: file.displayPath))))
        }
        let location = SourceLocation(path: file.displayPath)
        if data.count > Self.maximumFileSize {
            return .failure(ReadFailure(diagnostic: Diagnostic(
                .error, code: "source.too-large",
                message: "file is \(Self.megabytes(data.count)), more than the \(Self.megabytes(Self.maximumFileSize)) a page may have; skipped",
                location: location)))
        }
        if SourceFile.looksBinary(data) {
            return .failure(ReadFailure(diagnostic: Diagnostic(
                .error, code: "source.binary",
                message: "file is binary, not text (\(data.count) bytes); skipped", location: location)))
        }
        var (text, notes) = SourceFile.decode(data)
        var diagnostics: [Diagnostic] = []
        if data.isEmpty {
            diagnostics.append(Diagnostic(
                .warning, code: "source.empty", message: "file is empty; the page has no title and no content",
                location: location))
        }
        for note in notes {
            switch note {
            case .byteOrderMark:
                diagnostics.append(Diagnostic(.warning, code: "source.bom", message: "file starts with a byte order mark; ignored", location: location))
            case .crlfLineEndings:
                break // Windows line endings are normal; read as is.
            case .mixedLineEndings:
                diagnostics.append(Diagnostic(.warning, code: "source.line-endings", message: "file mixes CRLF and LF line endings; read as LF", location: location))
            case .notUTF8(let fallback):
                diagnostics.append(SourceFile.encodingDiagnostic(for: data, path: file.displayPath) ?? Diagnostic(
                    .warning, code: "source.encoding", message: "file is not valid UTF-8; decoded as \(fallback)",
                    location: location))
            case .nulBytes:
                // CommonMark reads NUL as U+FFFD; so does everything here (YAML, the theme).
                let bytes = text.utf8
                let count = bytes.lazy.filter { $0 == 0 }.count
                let offset = bytes.firstIndex(of: 0).map { bytes.distance(from: bytes.startIndex, to: $0) } ?? 0
                let more = count > 1 ? " (and \(count - 1) more)" : ""
                diagnostics.append(LineIndex(text).diagnostic(
                    .warning, code: "source.nul", message: "NUL byte\(more) in the text; read as U+FFFD",
                    path: file.displayPath, offset: offset))
                text = text.replacingOccurrences(of: "\0", with: "\u{FFFD}")
            }
        }
        if let (line, length) = Self.firstLongLine(text) {
            diagnostics.append(Diagnostic(
                .warning, code: "source.long-line",
                message: "line \(line) is \(length) characters long; lines this long are hard to read and to edit",
                location: SourceLocation(path: file.displayPath, line: line, column: 1)))
        }
        return .success((text, diagnostics))
    }

    /// An error as the system names it (`Input/output error`), without Foundation's
    /// "The operation could not be completed." around it.
    static func describe(_ error: Error) -> String {
        var error = error as NSError
        if error.domain != NSPOSIXErrorDomain, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            error = underlying
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if error.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: error.code) {
            case .fileReadNoSuchFile, .fileNoSuchFile: return String(cString: strerror(ENOENT))
            case .fileReadNoPermission: return String(cString: strerror(EACCES))
            default: break
            }
        }
        var text = error.localizedDescription
        for prefix in ["The operation could not be completed. ", "The operation couldn’t be completed. "] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        return text
    }

    /// Larger files are refused: no page is that long on purpose (a log, a dump, an export),
    /// and building one would take the memory and time of a whole site.
    static let maximumFileSize = 16 * 1_048_576
    /// Lines longer than this (in bytes) get a warning.
    static let longLine = 1_048_576

    static func megabytes(_ count: Int) -> String {
        String(format: "%.1f MB", Double(count) / 1_048_576)
    }

    /// The first line longer than `longLine` bytes: its number and length in characters.
    static func firstLongLine(_ text: String) -> (line: Int, length: Int)? {
        guard text.utf8.count > longLine else { return nil }
        let utf8 = text.utf8
        var line = 1
        var start = utf8.startIndex
        var length = 0
        var index = utf8.startIndex
        while true {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == UInt8(ascii: "\n") {
                if length > longLine { return (line, text[start..<index].count) }
                if atEnd { return nil }
                line += 1
                length = 0
                start = utf8.index(after: index)
            } else {
                length += 1
            }
            index = utf8.index(after: index)
        }
    }
}
