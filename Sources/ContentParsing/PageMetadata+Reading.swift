import SiteCore

extension PageMetadata {
    /// Reads the fields Chronicle knows (DESIGN.md §5) from front matter; every key, known or
    /// not, also goes into `params`. Keys are matched case-insensitively, as Hugo does.
    ///
    /// Dates are taken as written, without Hugo's fallbacks between `date`, `publishDate` and
    /// `lastmod` (callers decide those). Problems are errors at the key's line, column of the
    /// value: a date that does not parse (`frontmatter.date`), a `title`, `draft` or taxonomy
    /// of the wrong type (`frontmatter.type`). A field with a problem keeps its default.
    ///
    /// - Parameter taxonomies: the plural taxonomy names (`tags`, `categories`) to read terms of.
    public static func read(
        _ frontMatter: FrontMatter, source: SourceFile, taxonomies: [String]
    ) -> (PageMetadata, [Diagnostic]) {
        var reader = MetadataReader(frontMatter: frontMatter, source: source)
        var metadata = PageMetadata()
        metadata.params = frontMatter.values

        metadata.title = reader.string("title") ?? ""
        reader.warnAboutHTML(metadata.title, key: "title")
        metadata.date = reader.date("date")
        metadata.lastmod = reader.date("lastmod")
        metadata.publishDate = reader.date("publishDate")
        metadata.expiryDate = reader.date("expiryDate")
        metadata.draft = reader.bool("draft") ?? false
        metadata.author = reader.author()
        metadata.authorLink = reader.string("authorLink")
        metadata.description = reader.string("description")
        metadata.summary = reader.string("summary")
        metadata.toc = reader.toc()
        metadata.featuredImage = reader.string("featuredImage")
        metadata.featuredImagePreview = reader.string("featuredImagePreview")
        metadata.slug = reader.string("slug")
        metadata.url = reader.string("url")
        metadata.aliases = reader.list("aliases") ?? []
        metadata.translationKey = reader.string("translationKey")
        metadata.weight = reader.int("weight") ?? 0
        for taxonomy in taxonomies {
            if let terms = reader.list(taxonomy) { metadata.taxonomies[taxonomy] = terms }
        }
        return (metadata, reader.diagnostics)
    }
}

/// Reads typed fields from front matter and reports the ones of the wrong type.
private struct MetadataReader {
    let frontMatter: FrontMatter
    let source: SourceFile
    var diagnostics: [Diagnostic] = []
    private var lineIndex: LineIndex?

    /// Each key lower-cased -> the key as written (the first in sorted order when several
    /// differ only in case), made once: most fields looked up are absent.
    private let writtenKeys: [String: String]

    init(frontMatter: FrontMatter, source: SourceFile) {
        self.frontMatter = frontMatter
        self.source = source
        var writtenKeys: [String: String] = [:]
        for key in frontMatter.values.keys.sorted() where writtenKeys[key.lowercased()] == nil {
            writtenKeys[key.lowercased()] = key
        }
        self.writtenKeys = writtenKeys
    }

    /// The key as written and its value, matched case-insensitively; nil for absent or empty.
    private func entry(_ key: String) -> (key: String, value: ParamValue)? {
        let found = frontMatter.values[key].map { (key, $0) }
            ?? writtenKeys[key.lowercased()].flatMap { written in frontMatter.values[written].map { (written, $0) } }
        guard let found else { return nil }
        if case .null = found.1 { return nil }
        return found
    }

    mutating func string(_ key: String) -> String? {
        guard let (written, value) = entry(key) else { return nil }
        if let text = value.stringValue, value.isScalar { return text }
        report("frontmatter.type", "'\(written)' must be a string, not \(value.kindDescription)", key: written)
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let (written, value) = entry(key) else { return nil }
        if let flag = value.boolValue { return flag }
        let shown = value.isScalar ? "'\(value.stringValue ?? "")'" : value.kindDescription
        report("frontmatter.type", "'\(written)' must be true or false, not \(shown)", key: written)
        return nil
    }

    mutating func int(_ key: String) -> Int? {
        guard let (written, value) = entry(key) else { return nil }
        if let number = value.intValue { return number }
        let shown = value.isScalar ? "'\(value.stringValue ?? "")'" : value.kindDescription
        report("frontmatter.type", "'\(written)' must be a whole number, not \(shown)", key: written)
        return nil
    }

    mutating func date(_ key: String) -> ContentDate? {
        guard let (written, value) = entry(key) else { return nil }
        guard value.isScalar, let text = value.stringValue else {
            report(
                "frontmatter.date",
                "'\(written)' must be a date (e.g. \(ContentDate.example)), not \(value.kindDescription)",
                key: written)
            return nil
        }
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        if let date = ContentDate.parse(text) {
            // A day alone is midnight wherever it is read; a time without an offset is not.
            if !date.hasOffset, text.contains(":") {
                report(
                    "frontmatter.date",
                    "\(written) '\(text)' has a time but no UTC offset; read as UTC (write e.g. \(ContentDate.example))",
                    key: written, severity: .warning)
            }
            return date
        }
        report(
            "frontmatter.date",
            "\(written) '\(text)' is not a valid date (expected e.g. \(ContentDate.example))", key: written)
        return nil
    }

    /// A list of strings; a single string is a list of one.
    mutating func list(_ key: String) -> [String]? {
        guard let (written, value) = entry(key) else { return nil }
        switch value {
        case .array(let items):
            var terms: [String] = []
            for (index, item) in items.enumerated() {
                guard item.isScalar, let text = item.stringValue else {
                    if case .null = item { continue }
                    report(
                        "frontmatter.type",
                        "'\(written)' must be a list of strings, but item \(index + 1) is \(item.kindDescription)",
                        key: written)
                    return nil
                }
                if !text.isEmpty { terms.append(text) }
            }
            return terms
        case .string(let text):
            return text.isEmpty ? [] : [text]
        case .int, .double, .bool:
            return [value.stringValue ?? ""]
        default:
            report("frontmatter.type", "'\(written)' must be a list of strings, not \(value.kindDescription)", key: written)
            return nil
        }
    }

    /// `author: Name` or `author: {name: Name}` (some themes).
    mutating func author() -> String? {
        guard let (written, value) = entry("author") else { return nil }
        if value.isScalar { return value.stringValue }
        if let name = value["name"]?.stringValue { return name }
        report("frontmatter.type", "'\(written)' must be a string, not \(value.kindDescription)", key: written)
        return nil
    }

    /// `toc: true` or, as FixIt/LoveIt write it, `toc: {enable: true}`.
    mutating func toc() -> Bool? {
        guard let (_, value) = entry("toc") else { return nil }
        if case .table = value { return value["enable"]?.boolValue }
        return bool("toc")
    }

    /// Elements people put in titles; `Array<Int>` or `a <3 b` are not HTML.
    static let htmlElements = [
        "a", "abbr", "b", "big", "br", "cite", "code", "del", "div", "em", "font", "h[1-6]", "i", "iframe",
        "img", "ins", "kbd", "mark", "object", "p", "q", "s", "script", "small", "span", "strike", "strong",
        "style", "sub", "sup", "svg", "u",
    ]

    /// Markup in a field that is printed as text: it is escaped (shown as written), which is
    /// rarely what its author meant.
    mutating func warnAboutHTML(_ text: String, key: String) {
        // Every match starts with `<`: most titles have none, and need no expression.
        guard text.utf8.contains(UInt8(ascii: "<")) else { return }
        let pattern = #"<(/?("# + Self.htmlElements.joined(separator: "|") + #")(?=[\s/>])[^<>]*>?|!--)"#
        guard let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { return }
        let written = frontMatter.values.keys.first { $0.lowercased() == key.lowercased() } ?? key
        report(
            "frontmatter.html",
            "'\(written)' contains HTML ('\(text[range].prefix(40))'); it is shown as text, not as markup",
            key: written, severity: .warning)
    }

    private mutating func report(_ code: String, _ message: String, key: String, severity: Severity = .error) {
        if lineIndex == nil { lineIndex = LineIndex(source.text) }
        let index = lineIndex!
        let line = frontMatter.keyLines[key]
            ?? frontMatter.keyLines.first { $0.key.lowercased() == key.lowercased() }?.value
            ?? 1
        let lineStart = index.text.utf8.count == 0 ? 0 : Self.offset(ofLine: line, in: index.text)
        let lineText = index.lineText(line)
        let offset = lineStart + Self.valueOffset(in: lineText, key: key)
        diagnostics.append(index.diagnostic(severity, code: code, message: message, path: source.path, offset: offset))
    }

    private static func offset(ofLine line: Int, in text: String) -> Int {
        var current = 1
        var offset = 0
        for byte in text.utf8 {
            if current == line { break }
            offset += 1
            if byte == UInt8(ascii: "\n") { current += 1 }
        }
        return offset
    }

    /// The UTF-8 offset, inside a `key: value` / `key = value` / `"key": value` line, of the
    /// value; of the key when the value is on later lines.
    static func valueOffset(in line: String, key: String) -> Int {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        let keyStart = index
        let quote = index < bytes.count && (bytes[index] == 34 || bytes[index] == 39) ? bytes[index] : nil
        if let quote {
            index += 1
            while index < bytes.count, bytes[index] != quote { index += 1 }
            index += 1
        } else {
            index += key.utf8.count
        }
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        guard index < bytes.count, bytes[index] == 58 || bytes[index] == 61 else { return keyStart }
        index += 1
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
        return index < bytes.count && bytes[index] != 35 ? index : keyStart
    }
}

extension Document {
    /// Where the value of a top-level front matter key is written: the key's line, at the
    /// column where the value starts (the key's column when the value is on later lines).
    /// With `text` (an item of a list value), the first place at or below the key's line, in
    /// the front matter, where that text is written (its `occurrence`-th time, for an item
    /// written twice). Without the key: the file alone.
    public func location(ofKey key: String, text: String? = nil, occurrence: Int = 1) -> SourceLocation {
        let written = frontMatter.keyLines[key] != nil ? key
            : frontMatter.keyLines.keys.first { $0.lowercased() == key.lowercased() }
        guard let written, let keyLine = frontMatter.keyLines[written] else {
            return SourceLocation(path: source.path)
        }
        let index = LineIndex(source.text)
        if let text, !text.isEmpty {
            let lastLine = max(keyLine, min(bodyStartLine - 1, index.lineCount))
            var seen = 0
            for line in keyLine...lastLine {
                let lineText = index.lineText(line)
                var searchStart = lineText.startIndex
                while let range = lineText.range(of: text, range: searchStart..<lineText.endIndex) {
                    seen += 1
                    if seen == occurrence {
                        return SourceLocation(path: source.path, line: line, column: lineText[..<range.lowerBound].count + 1)
                    }
                    searchStart = range.upperBound
                }
            }
        }
        let lineText = index.lineText(keyLine)
        let offset = MetadataReader.valueOffset(in: lineText, key: written)
        let column = String(decoding: Array(lineText.utf8).prefix(offset), as: UTF8.self).count + 1
        return SourceLocation(path: source.path, line: keyLine, column: column)
    }
}
