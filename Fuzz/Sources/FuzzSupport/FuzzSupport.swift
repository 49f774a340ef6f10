import Foundation
import SiteCore

/// Stops the fuzzer with a message when an invariant does not hold. libFuzzer reports the abort
/// as a crash and saves the input to its artifact folder.
public func fuzzRequire(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() {
        FileHandle.standardError.write(Data("invariant violated at \(file):\(line): \(message())\n".utf8))
        abort()
    }
}

/// The fuzzer's bytes as `Data`.
public func fuzzData(_ data: UnsafePointer<UInt8>, _ size: Int) -> Data {
    Data(bytes: data, count: size)
}

/// Every diagnostic points into the file it is about: same path, a line of the file, a column
/// on that line, and the source line shown is that line's text.
public func checkDiagnostics(_ diagnostics: [Diagnostic], source: SourceFile, lineIndex: LineIndex) {
    for diagnostic in diagnostics {
        let location = diagnostic.location
        fuzzRequire(location.path == source.path, "diagnostic path \(location.path) != \(source.path)")
        guard let line = location.line else { continue }
        fuzzRequire(line >= 1 && line <= lineIndex.lineCount,
                    "diagnostic line \(line) outside 1...\(lineIndex.lineCount): \(diagnostic.formatted)")
        let lineText = lineIndex.lineText(line)
        if let column = location.column {
            fuzzRequire(column >= 1 && column <= lineText.count + 1,
                        "diagnostic column \(column) outside 1...\(lineText.count + 1): \(diagnostic.formatted)")
        }
        if let sourceLine = diagnostic.sourceLine {
            fuzzRequire(sourceLine == lineText, "diagnostic source line is not line \(line): \(diagnostic.formatted)")
        }
    }
}

/// Whether `offset` is a valid UTF-8 offset in `text` (0...count).
public func isOffset(_ offset: Int, in text: String) -> Bool {
    offset >= 0 && offset <= text.utf8.count
}
