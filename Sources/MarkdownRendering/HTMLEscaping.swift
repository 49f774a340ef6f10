/// HTML escaping and unescaping for the few places that build HTML by hand.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`: safe in text and in double-quoted attributes.
    public static func escape(_ text: String) -> String {
        // On the bytes: these four are ASCII, and most texts hold none of them.
        guard text.utf8.contains(where: {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
        }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Decodes numeric character references and the named entities that cmark-gfm and
    /// hand-written HTML commonly use. Unknown entities stay as written.
    /// The text of an HTML snippet as a reader sees it: tags dropped, entities decoded, white
    /// space collapsed and trimmed (a heading's text, an alt text made from a caption).
    public static func plainText(_ html: String) -> String {
        unescape(HugoText.stripHTML(html)).trimmingGoWhitespace()
    }

    public static func unescape(_ text: String) -> String {
        let ampersand = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";")
        guard text.utf8.contains(ampersand) else { return text }
        // On UTF-8 bytes: entity names are ASCII, and everything else is copied in stretches.
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while let found = bytes[index...].firstIndex(of: ampersand) {
            index = found + 1
            // The `;` within 32 bytes after the `&` (no entity name is longer).
            guard let end = bytes[index..<min(bytes.count, index + 33)].firstIndex(of: semicolon),
                  let decoded = decodeEntity(Substring(String(decoding: bytes[index..<end], as: UTF8.self)))
            else { continue }
            result.append(contentsOf: bytes[copied..<found])
            result.append(contentsOf: decoded.utf8)
            index = end + 1
            copied = index
        }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    private static func decodeEntity(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return namedEntities[String(name)]
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "shy": "\u{00AD}", "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
        "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "copy": "\u{00A9}", "reg": "\u{00AE}",
        "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}",
        "cent": "\u{00A2}", "sect": "\u{00A7}", "para": "\u{00B6}", "deg": "\u{00B0}",
        "plusmn": "\u{00B1}", "times": "\u{00D7}", "divide": "\u{00F7}", "middot": "\u{00B7}",
        "bull": "\u{2022}", "rarr": "\u{2192}", "larr": "\u{2190}", "uarr": "\u{2191}",
        "darr": "\u{2193}", "harr": "\u{2194}", "rArr": "\u{21D2}", "lArr": "\u{21D0}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü",
        "szlig": "ß", "eacute": "é", "egrave": "è", "Eacute": "É", "aacute": "á",
        "agrave": "à", "ccedil": "ç", "iacute": "í", "oacute": "ó", "uacute": "ú",
        "ntilde": "ñ", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "check": "\u{2713}", "hearts": "\u{2665}",
    ]
}
