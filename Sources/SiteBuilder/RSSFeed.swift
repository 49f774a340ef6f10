import ContentParsing
import Foundation
import SiteCore

/// An RSS 2.0 feed with atom:link self and content:encoded, as feed readers expect it. Items
/// are written once per page (`Item.xml`) and put into every feed the page appears in.
struct RSSFeed {
    struct Item {
        var title: String
        var link: String
        var date: ContentDate?
        /// Item HTML with every link absolute; escaped once into `<description>`.
        var descriptionHTML: String
        /// Full text for `content:encoded`, nil for summary-only feeds.
        var contentHTML: String?
        var categories: [String] = []
        var author: String?

        /// `<item>…</item>` with its line break.
        var xml: String {
            var xml = "<item>\n"
            xml += "<title>\(XMLText.escape(title))</title>\n"
            xml += "<link>\(XMLText.escape(link))</link>\n"
            if let date { xml += "<pubDate>\(RSSFeed.rfc822(date))</pubDate>\n" }
            if let author, !author.isEmpty { xml += "<dc:creator>\(XMLText.escape(author))</dc:creator>\n" }
            xml += "<guid isPermaLink=\"true\">\(XMLText.escape(link))</guid>\n"
            for category in categories { xml += "<category>\(XMLText.escape(category))</category>\n" }
            xml += "<description>\(XMLText.escape(descriptionHTML))</description>\n"
            if let contentHTML {
                xml += "<content:encoded>\(XMLText.cdata(contentHTML))</content:encoded>\n"
            }
            xml += "</item>\n"
            return xml
        }
    }

    var title: String
    /// The absolute URL of the list the feed belongs to.
    var link: String
    /// The absolute URL of the feed itself.
    var selfLink: String
    var description: String
    var language: String
    /// Each item's XML (`Item.xml`) with its date.
    var items: [(xml: String, date: ContentDate?)]

    var xml: String {
        var xml = """
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
            <title>\(XMLText.escape(title))</title>
            <link>\(XMLText.escape(link))</link>
            <description>\(XMLText.escape(description))</description>
            <generator>Chronicle</generator>
            <language>\(XMLText.escape(language))</language>

            """
        if let newest = items.compactMap(\.date).max() {
            xml += "<lastBuildDate>\(Self.rfc822(newest))</lastBuildDate>\n"
        }
        xml += "<atom:link href=\"\(XMLText.escape(selfLink))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        xml.reserveCapacity(xml.utf8.count + items.reduce(0) { $0 + $1.xml.utf8.count } + 32)
        for item in items { xml += item.xml }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    /// RFC 822 with English names and the date's own offset: `Wed, 09 Aug 2023 10:24:31 +0200`.
    static func rfc822(_ date: ContentDate) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = date.civil
        let offset = date.offsetSeconds
        let minutes = abs(offset) / 60
        let pad = DateFormatting.padded
        return "\(days[parts.weekday - 1]), \(pad(parts.day, 2)) \(months[parts.month - 1]) \(pad(parts.year, 4)) "
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)) "
            + "\(offset < 0 ? "-" : "+")\(pad(minutes / 60, 2))\(pad(minutes % 60, 2))"
    }
}

/// Escaping for XML text and attributes.
enum XMLText {
    /// Escapes `& < > " '` and drops what XML 1.0 does not allow (control characters other than
    /// tab and line breaks, U+FFFE, U+FFFF). Works on UTF-8 bytes, copying clean stretches whole.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { needsWork($0) }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 64)
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsWork(byte) else {
                    index += 1
                    continue
                }
                var replacement: StaticString?
                var skip = 0
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0xEF:
                    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are dropped.
                    if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                        skip = 3
                    }
                default:
                    skip = 1 // a control character
                }
                if replacement == nil && skip == 0 {
                    index += 1
                    continue
                }
                result.append(contentsOf: bytes[copied..<index])
                if let replacement {
                    replacement.withUTF8Buffer { result.append(contentsOf: $0) }
                    index += 1
                } else {
                    index += skip
                }
                copied = index
            }
            result.append(contentsOf: bytes[copied...])
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        case 0x09, 0x0A, 0x0D: false
        default: byte < 0x20
        }
    }

    /// A CDATA section; `]]>` inside is split across two sections.
    static func cdata(_ text: String) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r"
        }))
        return "<![CDATA[" + cleaned.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }
}

/// Makes every relative `href` and `src` in HTML absolute against a base URL, since feed
/// readers show items away from the site.
enum AbsoluteLinks {
    /// Every `href="…"` and `src="…"` value made absolute against `base` (what the pattern
    /// `(?:href|src)="([^"]*)"` finds, scanned on bytes).
    static func rewrite(_ html: String, base: String) -> String {
        guard let baseURL = URL(string: base) else { return html }
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        let href = Array("href=\"".utf8), src = Array("src=\"".utf8)
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "s") else {
                index += 1
                continue
            }
            let name = bytes[index...].starts(with: href) ? href : (bytes[index...].starts(with: src) ? src : nil)
            guard let name, let close = bytes[(index + name.count)...].firstIndex(of: UInt8(ascii: "\"")) else {
                index += 1
                continue
            }
            if result.isEmpty { result.reserveCapacity(bytes.count + 256) }
            let valueStart = index + name.count
            result.append(contentsOf: bytes[copied..<valueStart])
            let value = String(decoding: bytes[valueStart..<close], as: UTF8.self)
            result.append(contentsOf: absolute(value, base: baseURL).utf8)
            result.append(UInt8(ascii: "\""))
            index = close + 1
            copied = index
        }
        guard copied > 0 else { return html }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    static func absolute(_ value: String, base: URL) -> String {
        let unescaped = value.replacingOccurrences(of: "&amp;", with: "&")
        if unescaped.isEmpty || URLPaths.hasScheme(unescaped) { return value }
        guard let resolved = URL(string: unescaped, relativeTo: base)?.absoluteString else { return value }
        return resolved.replacingOccurrences(of: "&", with: "&amp;")
    }
}
