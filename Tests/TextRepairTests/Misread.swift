import Foundation

/// Makes mojibake from correct text the way it happens: the UTF-8 bytes read one by one as a
/// single-byte code page and written out again, with Foundation's converters (independent of the
/// tables in TextRepair; Mac Roman from the table below, as Foundation on Linux decodes it as
/// something else). Bytes the code page leaves undefined become C1 controls or, with
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
                let decoded = page == .macRoman
                    ? Unicode.Scalar(macRoman[Int(byte) - 0x80])
                    : String(data: Data([byte]), encoding: page.encoding)?.unicodeScalars.first
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

    /// Mac OS Roman 0x80...0xFF (Python's mac_roman codec, after Apple's ROMAN.TXT).
    private static let macRoman: [UInt32] = [
        0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,
        0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
        0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
        0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
        0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,
        0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
        0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
        0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
        0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
        0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
        0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,
        0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
        0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
        0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
        0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
        0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
    ]
}
