import ContentParsing
import Foundation

/// `sitemap.xml` per language with hreflang alternates, and the sitemap index at the root.
enum Sitemap {
    struct Entry {
        var location: String
        var lastmod: ContentDate?
        /// hreflang -> absolute URL, the entry's own language included; empty without translations.
        var alternates: [(language: String, url: String)] = []
    }

    static func urlset(_ entries: [Entry], changefreq: String?, priority: String?) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for entry in entries {
            xml += "  <url>\n    <loc>\(XMLText.escape(entry.location))</loc>\n"
            if let lastmod = entry.lastmod { xml += "    <lastmod>\(DateFormatting.iso8601(lastmod))</lastmod>\n" }
            if let changefreq { xml += "    <changefreq>\(XMLText.escape(changefreq))</changefreq>\n" }
            if let priority { xml += "    <priority>\(XMLText.escape(priority))</priority>\n" }
            for alternate in entry.alternates {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(alternate.language))\" href=\"\(XMLText.escape(alternate.url))\"/>\n"
            }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    static func index(_ sitemaps: [(location: String, lastmod: ContentDate?)]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for sitemap in sitemaps {
            xml += "  <sitemap>\n    <loc>\(XMLText.escape(sitemap.location))</loc>\n"
            if let lastmod = sitemap.lastmod { xml += "    <lastmod>\(DateFormatting.iso8601(lastmod))</lastmod>\n" }
            xml += "  </sitemap>\n"
        }
        xml += "</sitemapindex>\n"
        return xml
    }
}
