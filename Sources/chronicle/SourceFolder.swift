import ArgumentParser
import Foundation

/// The `--source` folder of `build` and `check`, or a clear error when it is not a folder.
enum SourceFolder {
    static func resolve(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("source folder '\(path)' does not exist")
        }
        return url
    }
}
