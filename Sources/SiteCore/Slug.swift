import Foundation

/// URL path helpers that behave as Hugo's do, so moved sites keep their links.
public enum Slug {
    /// Hugo 0.111's `UnicodeSanitize`: keeps letters, digits, marks, `%XX` escapes and
    /// `. / \ _ # + ~ - @` as they are (`x--y`, `end-`, `a@b` stay); a run of spaces becomes
    /// one `-` before the next kept character unless a `-` is on either side of it (`a - b` is
    /// `a-b`), and none at the start or the end; everything else is dropped.
    public static func sanitize(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var prependHyphen = false
        for (index, scalar) in scalars.enumerated() {
            let allowed: Bool
            switch scalar {
            case ".", "/", "\\", "_", "#", "+", "~", "-", "@":
                allowed = true
            case "%":
                allowed = index + 2 < scalars.count && scalars[index + 1].isHexDigit
                    && scalars[index + 2].isHexDigit
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter,
                     .otherLetter, .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                    allowed = true
                default:
                    allowed = false
                }
            }
            if allowed {
                if prependHyphen {
                    if scalar != "-" && result.last != "-" { result.append("-") }
                    prependHyphen = false
                }
                result.append(scalar)
            } else if !result.isEmpty && scalar.properties.isWhitespace {
                prependHyphen = true
            }
        }
        return String(result)
    }

    /// A path segment or taxonomy term as Hugo writes it in URLs: sanitized and lower-cased.
    public static func urlize(_ text: String) -> String {
        sanitize(text).lowercased()
    }

    /// Percent-encodes a path for use in an `href` or a feed, leaving `/` alone: every UTF-8
    /// byte outside the path characters Foundation allows becomes `%XX` (as Foundation's
    /// `addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)` does, `?` and `#`
    /// encoded too). Most paths need nothing and are returned as they are.
    public static func percentEncodedPath(_ path: String) -> String {
        var path = path
        let clean = path.withUTF8 { bytes in !bytes.contains { !isPathAllowed($0) } }
        guard !clean else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 16)
        for byte in path.utf8 {
            if isPathAllowed(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `CharacterSet.urlPathAllowed`: ASCII letters and digits and `!$&'()*+,-./:=@_~` (not `;`).
    @inline(__always)
    private static func isPathAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39: true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"),
             UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="),
             UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isHexDigit: Bool {
        switch self {
        case "0"..."9", "a"..."f", "A"..."F": true
        default: false
        }
    }
}
