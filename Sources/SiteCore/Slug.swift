import Foundation

/// URL path helpers that behave as Hugo's do, so moved sites keep their links.
public enum Slug {
    /// Hugo's `UnicodeSanitize`: keeps letters, digits, marks and `. / \ _ # + ~`, plus `%XX`
    /// escapes; runs of spaces and hyphens become one `-`; everything else is dropped.
    public static func sanitize(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var prependHyphen = false
        for (index, scalar) in scalars.enumerated() {
            let allowed: Bool
            switch scalar {
            case ".", "/", "\\", "_", "#", "+", "~":
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
                    result.append("-")
                    prependHyphen = false
                }
                result.append(scalar)
            } else if !result.isEmpty && (scalar == "-" || scalar.properties.isWhitespace) {
                prependHyphen = true
            }
        }
        return String(result)
    }

    /// A path segment or taxonomy term as Hugo writes it in URLs: sanitized and lower-cased.
    public static func urlize(_ text: String) -> String {
        sanitize(text).lowercased()
    }

    /// Percent-encodes a path for use in an `href` or a feed, leaving `/` alone.
    public static func percentEncodedPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
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
