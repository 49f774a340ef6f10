import Foundation

/// The post's translations beside a file: references for guessing dropped bytes.
extension RepairFiles {
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

    /// The file's translation group: its folder and its name without the language code
    /// (`post/index.md` for `post/index.de.md`), nil for a name that is not `stem[.lang].ext`.
    static func group(of path: String) -> String? {
        guard let (stem, _, ext) = splitLanguage(name(of: path)) else { return nil }
        let folder = folder(of: path)
        return (folder.isEmpty ? "" : folder + "/") + stem + "." + ext
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
