import Foundation
import MarkdownRendering

/// Image sizes by file path, each file's header read once per build (an image shown on many
/// pages, or in both languages, is read once), from any thread.
final class ImageSizeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [String: ImageSize?] = [:]

    func size(ofFile path: String) -> ImageSize? {
        lock.lock()
        if let known = sizes[path] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let size = ImageHeader.size(ofFile: URL(fileURLWithPath: path))
        lock.lock()
        sizes[path] = size
        lock.unlock()
        return size
    }
}
