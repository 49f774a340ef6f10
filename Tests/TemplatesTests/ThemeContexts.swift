import Templates

/// Random page contexts with the keys the site's `TemplateData` makes: every optional key
/// sometimes present, sometimes absent, sometimes empty; lists empty and full; strings with
/// characters to escape and line breaks.
struct ThemeContexts {
    var random: SeededGenerator

    static let texts = ["Hello", "Tom & Jerry", "<b>bold</b>", "quote \"q\" 'a'", "multi\nline", "é ü 日本", "", " "]
    static let html = ["<p>Hi</p>\n", "<p>One</p>\n<p>Two &amp; three</p>\n", "", "line\r\nbreak", "<pre>\n  code\n</pre>"]

    mutating func text() -> TemplateValue { .string(random.pick(Self.texts)) }

    /// A string, absent (nil) or empty, as a key of `values`.
    mutating func maybe(_ key: String, in values: inout [String: TemplateValue], _ value: TemplateValue) {
        switch random.int(0...5) {
        case 0: break
        case 1: values[key] = ""
        default: values[key] = value
        }
    }

    mutating func list(_ max: Int, _ item: (inout ThemeContexts) -> TemplateValue) -> TemplateValue {
        let count = random.chance(0.3) ? 0 : random.int(1...max)
        var items: [TemplateValue] = []
        for _ in 0..<count { items.append(item(&self)) }
        return .list(items)
    }

    mutating func translations() -> TemplateValue {
        var table: [String: TemplateValue] = [:]
        for key in [
            "notFoundText", "backHome", "archives", "noPosts", "poweredBy", "menu", "languages", "pages", "newer", "older",
            "by", "readMore", "updated", "alsoIn", "contents", "categories",
        ] where random.chance(0.9) {
            table[key] = .string(key.capitalized + (random.chance(0.2) ? " <&>" : ""))
        }
        return .object(TemplateObject(table))
    }

    mutating func menuItem(depth: Int) -> TemplateValue {
        var item: [String: TemplateValue] = ["name": text(), "url": "/about/", "external": .bool(random.chance(0.2))]
        maybe("title", in: &item, text())
        let children: TemplateValue = depth < 1 ? list(3) { $0.menuItem(depth: depth + 1) } : []
        item["children"] = children
        if case .list(let items) = children { item["hasChildren"] = .bool(!items.isEmpty) }
        return .object(TemplateObject(item))
    }

    mutating func site() -> TemplateValue {
        var site: [String: TemplateValue] = [
            "title": text(), "baseURL": "https://example.org/", "home": "../", "archives": "../archives/",
            "language": ["code": "en", "name": "English"], "multilingual": .bool(random.chance(0.5)),
            "menuHasArchives": .bool(random.chance(0.5)), "params": ["x": "y"], "year": 2025, "assets": "../",
        ]
        maybe("description", in: &site, text())
        site["languages"] = list(3) {
            ["code": $0.random.pick(["en", "de"]), "name": $0.text(), "url": "/de/", "current": .bool($0.random.chance(0.5))]
        }
        site["menu"] = list(4) { $0.menuItem(depth: 0) }
        return .object(TemplateObject(site))
    }

    mutating func terms() -> TemplateValue {
        list(3) { ["name": $0.text(), "url": "/tags/x/"] }
    }

    mutating func summary() -> TemplateValue {
        var page: [String: TemplateValue] = [
            "title": text(), "url": "../post/", "summary": .string(random.pick(Self.html)),
            "truncated": .bool(random.chance(0.5)), "tags": terms(),
        ]
        maybe("author", in: &page, text())
        maybe("description", in: &page, text())
        if random.chance(0.7) {
            page["date"] = "1 May 2024"
            page["dateISO"] = "2024-05-01T00:00:00Z"
        }
        if random.chance(0.3) { page["authorLink"] = "https://a.example/" }
        return .object(TemplateObject(page))
    }

    mutating func page(round: Int) -> TemplateValue {
        var page: [String: TemplateValue] = [
            "title": text(), "url": "../post/", "summary": .string(random.pick(Self.html)),
            "truncated": .bool(random.chance(0.5)), "tags": terms(), "site": site(), "t": translations(),
            "language": .string(random.pick(["en", "de"])), "toc": "", "hasToc": false,
            "permalink": "https://example.org/post/", "feedURL": "../index.xml", "relPermalink": "../post/",
            "categories": terms(), "hasTaxonomies": .bool(random.chance(0.6)), "isPost": .bool(random.chance(0.5)),
            "wordCount": .int(random.int(0...5000)), "readingMinutes": .int(random.int(1...20)), "params": [:],
        ]
        maybe("content", in: &page, .string(self.random.pick(Self.html)))
        maybe("author", in: &page, text())
        maybe("authorLink", in: &page, "https://a.example/")
        maybe("description", in: &page, text())
        maybe("featuredImage", in: &page, "img.png")
        if random.chance(0.5) {
            page["toc"] = "<nav>\n<ul><li>x</li></ul>\n</nav>"
            page["hasToc"] = true
        }
        if random.chance(0.7) {
            page["date"] = "1 May 2024"
            page["dateISO"] = "2024-05-01T00:00:00Z"
        }
        if random.chance(0.3) {
            page["lastmod"] = "2 May 2024"
            page["lastmodISO"] = "2024-05-02T00:00:00Z"
        }
        let translations = list(2) {
            ["code": "de", "name": "Deutsch", "url": "../de/", "permalink": "https://example.org/de/", "title": $0.text()]
        }
        page["translations"] = translations
        if case .list(let items) = translations { page["hasTranslations"] = .bool(!items.isEmpty) }
        // List pages.
        page["pages"] = list(20) { $0.summary() }
        page["isTerm"] = .bool(random.chance(0.3))
        if random.chance(0.6) {
            page["hasPager"] = true
            var pager: [String: TemplateValue] = [:]
            maybe("prev", in: &pager, "../page/1/")
            maybe("next", in: &pager, "../page/3/")
            pager["numbers"] = list(5) {
                [
                    "number": .int($0.random.int(1...9)), "url": "../page/2/", "current": .bool($0.random.chance(0.3)),
                    "gap": .bool($0.random.chance(0.2)),
                ]
            }
            page["pager"] = .object(TemplateObject(pager))
        } else if random.chance(0.5) {
            page["hasPager"] = false
        }
        page["years"] = list(3) { ["year": .int($0.random.int(2000...2025)), "pages": $0.list(4) { $0.summary() }] }
        page["terms"] = list(5) { ["name": $0.text(), "url": "../t/", "count": .int($0.random.int(0...40))] }
        return .object(TemplateObject(page))
    }
}
