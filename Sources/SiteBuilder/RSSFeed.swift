import ContentParsing
import Foundation
import SiteCore

/// An RSS 2.0 feed with atom:link self and content:encoded, as feed readers expect it.
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
    }

    var title: String
    /// The absolute URL of the list the feed belongs to.
    var link: String
    /// The absolute URL of the feed itself.
    var selfLink: String
    var description: String
    var language: String
    var items: [Item]

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
        for item in items {
            xml += "<item>\n"
            xml += "<title>\(XMLText.escape(item.title))</title>\n"
            xml += "<link>\(XMLText.escape(item.link))</link>\n"
            if let date = item.date { xml += "<pubDate>\(Self.rfc822(date))</pubDate>\n" }
            if let author = item.author, !author.isEmpty { xml += "<dc:creator>\(XMLText.escape(author))</dc:creator>\n" }
            xml += "<guid isPermaLink=\"true\">\(XMLText.escape(item.link))</guid>\n"
            for category in item.categories { xml += "<category>\(XMLText.escape(category))</category>\n" }
            xml += "<description>\(XMLText.escape(item.descriptionHTML))</description>\n"
            if let content = item.contentHTML {
                xml += "<content:encoded>\(XMLText.cdata(content))</content:encoded>\n"
            }
            xml += "</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    /// RFC 822 with English names and the date's own offset: `Wed, 09 Aug 2023 10:24:31 +0200`.
    static func rfc822(_ date: ContentDate) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = date.components
        let offset = date.offsetSeconds
        let minutes = abs(offset) / 60
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d %@%02d%02d",
            days[(parts.weekday ?? 1) - 1], parts.day ?? 1, months[(parts.month ?? 1) - 1], parts.year ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, offset < 0 ? "-" : "+", minutes / 60, minutes % 60)
    }
}

/// Escaping for XML text and attributes.
enum XMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
                if (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
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
    static func rewrite(_ html: String, base: String) -> String {
        guard let baseURL = URL(string: base) else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        while let match = rest.range(of: #"(?:href|src)="([^"]*)""#, options: .regularExpression) {
            result += rest[..<match.lowerBound]
            let attribute = rest[match]
            let nameEnd = attribute.firstIndex(of: "=")!
            let name = attribute[..<nameEnd]
            let value = String(attribute[attribute.index(nameEnd, offsetBy: 2)..<attribute.index(before: attribute.endIndex)])
            result += "\(name)=\"\(absolute(value, base: baseURL))\""
            rest = rest[match.upperBound...]
        }
        result += rest
        return result
    }

    static func absolute(_ value: String, base: URL) -> String {
        let unescaped = value.replacingOccurrences(of: "&amp;", with: "&")
        let hasScheme = unescaped.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil
        if unescaped.isEmpty || hasScheme { return value }
        guard let resolved = URL(string: unescaped, relativeTo: base)?.absoluteString else { return value }
        return resolved.replacingOccurrences(of: "&", with: "&amp;")
    }
}
