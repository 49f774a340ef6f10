import Foundation

/// Writing a file with plain POSIX calls: no temporary file, no sync unless asked for
/// (Foundation's `Data.write` syncs every file, which costs a tenth of a site build).
public enum PlainFile {
    /// Creates or truncates `path` (with `mode`, less the umask) and writes `bytes`; `durable`
    /// syncs the file to disk before closing it. Returns the reason it failed, or nil.
    public static func write(
        _ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t = 0o666, durable: Bool = false
    ) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: String? = nil
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += written
        }
        if failure == nil && durable && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        return failure
    }
}
