import Foundation

/// Makes mojibake from correct text the way it happens: the UTF-8 bytes read one by one as a
/// single-byte code page and written out again, with Foundation's converters (independent of the
/// tables in TextRepair). Bytes the code page leaves undefined become C1 controls or, with
/// `dropUndefined`, vanish.
enum Misread {
    enum Page: String, Sendable {
        case windows1252 = "Windows-1252", latin1 = "Latin-1", windows1250 = "Windows-1250"
        case windows1254 = "Windows-1254", macRoman = "Mac Roman"

        var encoding: String.Encoding {
            switch self {
            case .windows1252: return .windowsCP1252
            case .latin1: return .isoLatin1
            case .windows1250: return .windowsCP1250
            case .windows1254: return .windowsCP1254
            case .macRoman: return .macOSRoman
            }
        }
    }

    /// `text` misread as `page`, `times` times over.
    static func text(_ text: String, as page: Page = .windows1252, dropUndefined: Bool = false, times: Int = 1) -> String {
        var result = text
        for _ in 0..<times {
            var scalars = String.UnicodeScalarView()
            for byte in result.utf8 {
                if byte < 0x80 {
                    scalars.append(Unicode.Scalar(byte))
                    continue
                }
                let decoded = String(data: Data([byte]), encoding: page.encoding)?.unicodeScalars.first
                // Undefined: no character, or (in Foundation's Windows-1250/-1254) the C1 control.
                let undefined = decoded == nil || (page != .latin1 && decoded!.value >= 0x80 && decoded!.value <= 0x9F)
                if !undefined {
                    scalars.append(decoded!)
                } else if !dropUndefined {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            result = String(scalars)
        }
        return result
    }
}
