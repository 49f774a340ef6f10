/// The URL-safe id of a translation group: the key with its slashes kept and everything
/// but unreserved characters percent-encoded (all of it, slashes too, when a segment is
/// empty, `.` or `..`, which a browser would fold away).
enum GroupID {
    static func make(_ key: String) -> String {
        // The content folder's own `index.md` has the empty logical path.
        if key.isEmpty { return "%2F" }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        let keepSlashes = !segments.contains { $0.isEmpty || $0 == "." || $0 == ".." }
        var id = ""
        for byte in key.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if (byte < 0x80 && (character.isLetter || character.isNumber)) || "-_~".utf8.contains(byte)
                || ((byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")) && keepSlashes) {
                id.append(character)
            } else {
                id += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return id
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
