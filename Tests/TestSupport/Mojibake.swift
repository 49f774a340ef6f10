/// Makes mojibake the way it happens: the UTF-8 bytes of a text read as Windows-1252 and written
/// out again. Tests compute damaged text from the original with it instead of typing it by hand.
public enum Mojibake {
    /// `text` misread as Windows-1252. Its five undefined bytes become C1 controls (what Windows
    /// and browsers do), or vanish with `dropUndefined`.
    public static func windows1252(_ text: String, dropUndefined: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in text.utf8 {
            if byte >= 0x80 && byte <= 0x9F {
                if let value = high[Int(byte) - 0x80] {
                    scalars.append(Unicode.Scalar(value)!)
                } else if !dropUndefined {
                    scalars.append(Unicode.Scalar(byte))
                }
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252 0x80...0x9F (from the Unicode mapping table cp1252.txt).
    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]
}
