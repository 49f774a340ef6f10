import ContentParsing
import SiteCore

/// Hugo's URL rules for content pages (DESIGN.md §5).
public enum URLPaths {
    /// The language prefix of a URL: "" for the default language at the root, `/de` otherwise.
    public static func languagePrefix(_ language: String, config: SiteConfig) -> String {
        if language == config.defaultContentLanguage && !config.defaultContentLanguageInSubdir { return "" }
        return "/" + language
    }

    /// The URL path of a content page, as Hugo 0.111 writes it: its `url`, else its section's
    /// `[permalinks]` pattern (`Permalinks`; `sections` for `:sections`), else its path with
    /// `slug` for the last part.
    public static func pageURL(file: ContentFile, metadata: PageMetadata, config: SiteConfig) -> String {
        pageURL(file: file, metadata: metadata, config: config, sections: nil)
    }

    static func pageURL(
        file: ContentFile, metadata: PageMetadata, config: SiteConfig, sections: Permalinks.Sections?
    ) -> String {
        let prefix = languagePrefix(file.language, config: config)
        if let url = metadata.url?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
            var path = normalized(url)
            if !prefix.isEmpty, !path.hasPrefix(prefix + "/") { path = prefix + path }
            return path
        }
        let uglySection = file.kind == .branchBundle
            ? String(file.logicalPath.split(separator: "/").first ?? "") : file.section
        let ugly = config.isUgly(uglySection)
        if let path = Permalinks.pageURL(file: file, metadata: metadata, config: config, sections: sections) {
            return ugly ? Self.ugly(prefix + path) : prefix + path
        }
        var segments = file.logicalPath.split(separator: "/").map(String.init)
        if let slug = metadata.slug?.trimmingCharacters(in: .whitespaces), !slug.isEmpty, file.kind != .branchBundle {
            if segments.isEmpty { segments = [slug] } else { segments[segments.count - 1] = slug }
        }
        let path = segments.map { Slug.urlize($0) }.filter { !$0.isEmpty }.joined(separator: "/")
        let url = prefix + "/" + (path.isEmpty ? "" : path + "/")
        return ugly && !path.isEmpty ? Self.ugly(url) : url
    }

    /// Hugo's ugly form of a folder URL: `/posts/a/` -> `/posts/a.html`; the site's root and
    /// file URLs stay as they are.
    public static func ugly(_ url: String) -> String {
        guard url.hasSuffix("/"), url.count > 1 else { return url }
        return String(url.dropLast()) + ".html"
    }

    /// The folder a page's URL is in: `/de/posts/` for `/de/posts/a/` and for `/de/posts/a.html`.
    static func parentFolder(of url: String) -> String {
        var path = Substring(url)
        if path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "/" }
        return String(path[...slash])
    }

    /// The folder of a list's URL, where its feed and pages go: `/posts/` for `/posts/` and for
    /// the ugly `/posts.html`.
    public static func folder(ofList url: String) -> String {
        url.hasSuffix(".html") ? String(url.dropLast(".html".count)) + "/" : url
    }

    /// A path inside the site for a `url`, `slug` or alias someone wrote, or nil when it leaves
    /// the site: `..` segments (also as `%2e%2e`), a scheme (`https://…`), `//host`, NUL bytes.
    public static func safeSitePath(_ written: String) -> String? {
        let decoded = written.utf8.contains(UInt8(ascii: "%")) ? (written.removingPercentEncoding ?? written) : written
        if decoded.utf8.contains(0) || decoded.utf8.contains(UInt8(ascii: "\\")) || decoded.hasPrefix("//") { return nil }
        if hasScheme(decoded) { return nil }
        // Most paths (every URL Chronicle makes) have no `.` segment and no `//`: as they are.
        if decoded.hasPrefix("/"), !hasDotSegmentOrDoubleSlash(decoded) { return normalized(decoded) }
        let segments = decoded.split(separator: "/")
        if segments.contains(where: { $0 == ".." }) { return nil }
        return normalized(segments.filter { $0 != "." }.joined(separator: "/") + (decoded.hasSuffix("/") ? "/" : ""))
    }

    /// Whether a link starts with a URL scheme (`https:`, `mailto:`): a letter, then letters,
    /// digits, `+`, `.` or `-`, then `:`.
    public static func hasScheme(_ link: String) -> Bool {
        var bytes = link.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { return false }
        }
        return false
    }

    /// The schemes of links Chronicle does not write: they run script (`javascript:`,
    /// `vbscript:`) or make a document out of the link itself (`data:`).
    public static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// The scheme of a link someone wrote, lower-cased, as a browser reads it when it is one of
    /// `unsafeSchemes`, else nil. Browsers skip leading spaces and control characters and drop
    /// tabs and line breaks anywhere (the URL standard), so ` JaVa\tScRiPt:` is `javascript`;
    /// any other control character inside the scheme is dropped too, as older browsers did.
    /// Character references (`&#106;`) need no handling: templates escape `&`, so a browser
    /// never decodes one in a value Chronicle writes.
    public static func unsafeScheme(_ link: String) -> String? {
        var scheme: [UInt8] = []
        var started = false
        for byte in link.utf8 {
            if byte <= 0x20, !started { continue }
            started = true
            if byte < 0x20 { continue }
            if byte == UInt8(ascii: ":") { break }
            guard isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-"), scheme.count < 16 else { return nil }
            scheme.append(byte | (isLetter(byte) ? 0x20 : 0))
        }
        let name = String(decoding: scheme, as: UTF8.self)
        return unsafeSchemes.contains(name) && link.utf8.contains(UInt8(ascii: ":")) ? name : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Whether an output path (relative to the output folder) stays inside it: no absolute
    /// path, no `..`, `.` or empty segment, no NUL. Pages, aliases and terms whose URL fails
    /// this are reported and left out by the link stage; the writers refuse them as a last
    /// line of defence.
    public static func isSafeOutputPath(_ path: String) -> Bool {
        // Segment by segment on the bytes: each must be non-empty, not `.` or `..`, without NUL.
        var segmentLength = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == 0 { return false }
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || segmentLength == dots && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
                continue
            }
            segmentLength += 1
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
        return !(segmentLength == 0 || segmentLength == dots && dots <= 2)
    }

    /// `/a/b` -> `/a/b/`; `a/b.html` stays a file URL; double slashes collapse.
    public static func normalized(_ url: String) -> String {
        var path = url.hasPrefix("/") ? url : "/" + url
        if hasDoubleSlash(path) {
            while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
        }
        if !path.hasSuffix("/") {
            let last = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
            if !last.contains(".") { path += "/" }
        }
        return path
    }

    private static func hasDoubleSlash(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return true }
            previous = byte
        }
        return false
    }

    /// Whether a path has `//`, or a segment that starts with `.` (`.`, `..`, `.x`: the slow
    /// path decides which of them matter).
    private static func hasDotSegmentOrDoubleSlash(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8.dropFirst() {
            if previous == UInt8(ascii: "/") && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")) { return true }
            previous = byte
        }
        return false
    }

    /// The output file for a URL path: `/de/a/` -> `de/a/index.html`, `/a.html` -> `a.html`.
    public static func outputFile(forURL url: String) -> String {
        var path = url
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { return path + "index.html" }
        return path
    }

    /// An absolute URL from the base URL and a site path.
    public static func absolute(_ path: String, baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + Slug.percentEncodedPath(path)
    }
}

import Foundation
