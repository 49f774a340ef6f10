import Foundation

/// Decides what a request may see before anything is looked up: requests for another host
/// name (DNS rebinding: a page elsewhere reaching the preview, drafts and all, through a name
/// it controls) are refused, and the path is decoded and checked so that no form of `..`,
/// NUL, backslash or absolute path can name anything but a file of the built site.
struct RequestGuard: Sendable {
    /// The address the server listens on (`127.0.0.1`, `0.0.0.0`, `::1`).
    var bindAddress: String
    /// The machine's own name, accepted as a host when the server listens beyond loopback.
    var hostName: String?

    /// Longest request path accepted, in bytes as sent.
    static let maximumPathLength = 2_048

    enum Decision: Equatable, Sendable {
        /// A site path, decoded, with its leading `/` (`/de/posts/a/`).
        case path(String)
        case refuse(status: Int, reason: String)
    }

    /// Whether the `Host` header names this server: `localhost`, an IP literal (a rebinding
    /// page can only use a name, not an address), the bind address or the machine's name.
    func allowsHost(_ header: String?) -> Bool {
        guard var host = header?.trimmingCharacters(in: .whitespaces).lowercased(), !host.isEmpty else { return false }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            return Self.isIPAddress(String(host[host.index(after: host.startIndex)..<close]))
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].allSatisfy(\.isASCIIDigit) else { return false }
            host = String(host[..<colon])
        }
        if host.hasSuffix(".") { host.removeLast() }
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if Self.isIPAddress(host) { return true }
        return host == bindAddress.lowercased() || host == hostName?.lowercased()
    }

    /// The decoded site path of a request target (`/posts/a/?x=1` -> `/posts/a/`), or why not.
    func path(ofTarget target: String) -> Decision {
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard raw.utf8.count <= Self.maximumPathLength else { return .refuse(status: 400, reason: "path longer than \(Self.maximumPathLength) bytes") }
        guard raw.hasPrefix("/") else { return .refuse(status: 400, reason: "path must start with '/'") }
        guard let decoded = Self.percentDecoded(raw) else { return .refuse(status: 400, reason: "malformed percent-encoding") }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .refuse(status: 400, reason: "control character in path")
        }
        if decoded.contains("\\") { return .refuse(status: 400, reason: "backslash in path") }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (position, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { return .refuse(status: 400, reason: "'\(segment)' in path") }
            if segment.isEmpty && position != segments.count - 1 { return .refuse(status: 400, reason: "empty segment in path") }
        }
        return .path(decoded)
    }

    /// `%xx` sequences decoded as UTF-8; nil when one is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// Whether an address is loopback only (`127.x`, `::1`, `localhost`).
    static func isLoopback(_ address: String) -> Bool {
        address == "localhost" || address == "::1" || address.hasPrefix("127.")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
