import Foundation
import SiteCore

/// Reads a Hugo-style site config (`hugo.toml`, `config.toml`, `config.yaml`, `config.json`).
/// Keys are matched case-insensitively, as Hugo does.
public enum ConfigReader {
    /// The file names looked for in a site folder, in order; the first that exists wins.
    public static let fileNames = ["hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "config.yml", "config.json"]

    /// Reads the first config file of `siteDirectory`. Without one: nil and a `config.missing`
    /// error for the folder. Diagnostics name the file relative to the folder (`config.toml`).
    public static func read(siteDirectory: URL) -> (SiteConfig?, [Diagnostic]) {
        let manager = FileManager.default
        for name in fileNames {
            let url = siteDirectory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                return (nil, [Diagnostic(
                    .error, code: "config.unreadable",
                    message: "the site config is a folder, not a file",
                    location: SourceLocation(path: name))])
            }
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                return (nil, [Diagnostic(
                    .error, code: "config.unreadable",
                    message: "cannot read the site config: \((error as NSError).localizedDescription)",
                    location: SourceLocation(path: name))])
            }
            let (text, notes) = SourceFile.decode(data)
            let (config, diagnostics) = parse(text: text, path: name, format: ConfigFormat(fileName: name) ?? .toml)
            return (config, decodingDiagnostics(notes, data: data, path: name) + diagnostics)
        }
        let names = fileNames.joined(separator: ", ")
        return (nil, [Diagnostic(
            .error, code: "config.missing",
            message: "no site config found (looked for \(names))",
            location: SourceLocation(path: siteDirectory.path))])
    }

    /// What decoding noticed, as warnings (the config is read all the same).
    static func decodingDiagnostics(_ notes: [SourceFile.DecodingNote], data: Data, path: String) -> [Diagnostic] {
        notes.compactMap { note -> Diagnostic? in
            let location = SourceLocation(path: path)
            switch note {
            case .byteOrderMark:
                return Diagnostic(.warning, code: "source.bom", message: "file starts with a byte order mark; ignored", location: location)
            case .crlfLineEndings:
                return nil
            case .mixedLineEndings:
                return Diagnostic(.warning, code: "source.line-endings", message: "file mixes CRLF and LF line endings; read as LF", location: location)
            case .notUTF8(let fallback):
                let first = SourceFile.firstInvalidUTF8(in: data)
                return Diagnostic(
                    .warning, code: "source.encoding",
                    message: "byte 0x\(String(first?.byte ?? 0, radix: 16, uppercase: true)) is not UTF-8; read as \(fallback)",
                    location: SourceLocation(path: path, line: first?.line, column: first?.column))
            case .nulBytes:
                return Diagnostic(.warning, code: "source.nul", message: "file contains NUL bytes", location: location)
            }
        }
    }

    /// Parses config text. A syntax error is a `config.syntax` error at its line and column,
    /// and gives no config; a value of the wrong type is a `config.type` error and keeps the
    /// default.
    public static func parse(text: String, path: String, format: ConfigFormat) -> (SiteConfig?, [Diagnostic]) {
        let data: StructuredData
        do {
            data = try StructuredData.parse(text, format: format)
        } catch {
            let offset = StructuredData.utf8Offset(in: text, line: error.line, scalarColumn: error.column)
            let diagnostic = LineIndex(text).diagnostic(
                .error, code: "config.syntax",
                message: "the site config is not valid \(format.displayName): \(error.describe(lineShift: 0))",
                path: path, offset: offset)
            return (nil, [diagnostic])
        }
        var builder = ConfigBuilder(raw: data.value, text: text, path: path)
        let config = builder.build()
        return (config, builder.diagnostics + ConfigKeyCheck.diagnostics(raw: data.value, text: text, path: path))
    }
}

/// Fills a `SiteConfig` from parsed values, reporting values of the wrong type.
private struct ConfigBuilder {
    let raw: ParamValue
    let text: String
    let path: String
    var diagnostics: [Diagnostic] = []
    /// How often `valueLocation` was asked for each key and value.
    private var valueOccurrences: [String: Int] = [:]

    init(raw: ParamValue, text: String, path: String) {
        self.raw = raw
        self.text = text
        self.path = path
    }

    mutating func build() -> SiteConfig {
        var config = SiteConfig()
        config.raw = raw
        if let baseURL = string("baseURL") { config.baseURL = baseURL }
        if let title = string("title") { config.title = title }
        config.theme = theme()
        if let language = string("defaultContentLanguage") { config.defaultContentLanguage = language.lowercased() }
        if let inSubdir = bool("defaultContentLanguageInSubdir") { config.defaultContentLanguageInSubdir = inSubdir }
        if let params = raw["params"] {
            if case .table = params { config.params = params } else { typeError("params", "a table", params) }
        }
        if let taxonomies = raw["taxonomies"] {
            if let table = taxonomies.tableValue {
                config.taxonomies = table.compactMapValues { $0.stringValue }
            } else {
                typeError("taxonomies", "a table", taxonomies)
            }
        }
        config.paginate = int("pagination.pagerSize") ?? int("paginate")
        config.rssLimit = int("services.rss.limit") ?? int("rssLimit")
        if let length = int("summaryLength") { config.summaryLength = length }
        if let robots = bool("enableRobotsTXT") { config.enableRobotsTXT = robots }
        if let folder = string("contentDir"), !folder.isEmpty { config.contentDir = folder }
        config.markup = markup()
        config.disableKinds = Set((raw["disableKinds"]?.stringList ?? []).map { kind in
            kind.lowercased() == "taxonomyterm" ? "taxonomy" : kind.lowercased()
        })
        switch raw["uglyURLs"] {
        case .table(let sections)?:
            config.uglySections = Set(sections.filter { $0.value.boolValue == true }.keys.map { $0.lowercased() })
        case nil, .null?:
            break
        case let ugly?:
            if let flag = ugly.boolValue { config.uglyURLs = flag } else { typeError("uglyURLs", "true or false, or a table of sections", ugly) }
        }
        config.languages = languages(site: config)
        readPermalinks(into: &config)
        if !config.languages.contains(where: { $0.language.code == config.defaultContentLanguage }),
           let first = config.languages.first {
            report(
                "config.language",
                "defaultContentLanguage '\(config.defaultContentLanguage)' is not one of the languages "
                    + "(\(config.languages.map(\.language.code).joined(separator: ", ")))",
                key: "defaultContentLanguage")
            config.defaultContentLanguage = first.language.code
        }
        return config
    }

    // MARK: - Sections

    private mutating func theme() -> String? {
        guard let value = raw["theme"] else { return nil }
        switch value {
        case .string(let name): return name.isEmpty ? nil : name
        case .array(let items): return items.first?.stringValue
        default:
            typeError("theme", "a string or a list of strings", value)
            return nil
        }
    }

    private mutating func markup() -> MarkupConfig {
        var markup = MarkupConfig()
        let extensions = "markup.goldmark.extensions"
        if let unsafe = bool("markup.goldmark.renderer.unsafe") { markup.unsafe = unsafe }
        if let typographer = raw.lookup("\(extensions).typographer"), case .table = typographer {
            // Hugo 0.112+: [markup.goldmark.extensions.typographer] disable = false
            if let disable = bool("\(extensions).typographer.disable") { markup.typographer = !disable }
        } else if let typographer = bool("\(extensions).typographer") {
            markup.typographer = typographer
        }
        if let linkify = bool("\(extensions).linkify") { markup.linkify = linkify }
        if let strikethrough = bool("\(extensions).strikethrough") { markup.strikethrough = strikethrough }
        if let table = bool("\(extensions).table") { markup.table = table }
        if let taskList = bool("\(extensions).taskList") { markup.taskList = taskList }
        if let footnote = bool("\(extensions).footnote") { markup.footnote = footnote }
        if let lineNumbers = bool("markup.highlight.lineNos") { markup.lineNumbers = lineNumbers }
        if let codeFences = bool("markup.highlight.codeFences") { markup.highlightCodeFences = codeFences }
        if let start = int("markup.tableOfContents.startLevel") { markup.tocStartLevel = start }
        if let end = int("markup.tableOfContents.endLevel") { markup.tocEndLevel = end }
        return markup
    }

    private mutating func languages(site: SiteConfig) -> [LanguageConfig] {
        let siteMenus = menus(raw["menus"] ?? raw["menu"], keyPrefix: "menu")
        var result: [LanguageConfig] = []
        if let languages = raw["languages"] {
            guard let table = languages.tableValue else {
                typeError("languages", "a table", languages)
                return [defaultLanguage(site: site, menus: siteMenus)]
            }
            // In a fixed order, so that equal menu URLs of two languages find their places alike.
            for (code, value) in table.sorted(by: { $0.key < $1.key }) {
                guard case .table = value else {
                    typeError("languages.\(code)", "a table", value)
                    continue
                }
                let prefix = "languages.\(code)"
                var params = site.params
                if let own = value["params"] {
                    if case .table = own {
                        params = Self.merge(params, own)
                    } else {
                        typeError("\(prefix).params", "a table", own)
                    }
                }
                var languageMenus = menus(value["menus"] ?? value["menu"], keyPrefix: "\(prefix).menu")
                for (name, entries) in siteMenus { languageMenus[name, default: []] += entries }
                let language = Language(
                    code: code.lowercased(), name: string("\(prefix).languageName"),
                    weight: int("\(prefix).weight") ?? 0, title: string("\(prefix).title"),
                    languageCode: string("\(prefix).languageCode"))
                let folder = string("\(prefix).contentDir")
                result.append(LanguageConfig(
                    language: language, params: params, menus: languageMenus.mapValues(Self.sorted),
                    contentDir: folder?.isEmpty == false ? folder : nil))
            }
        }
        if result.isEmpty { return [defaultLanguage(site: site, menus: siteMenus)] }
        return result.sorted { lhs, rhs in
            let (left, right) = (lhs.language.weight, rhs.language.weight)
            if left != right { return right == 0 || (left != 0 && left < right) }
            return lhs.language.code < rhs.language.code
        }
    }

    private mutating func defaultLanguage(site: SiteConfig, menus: [String: [MenuEntry]]) -> LanguageConfig {
        let language = Language(
            code: site.defaultContentLanguage, name: string("languageName"), weight: 0,
            title: nil, languageCode: string("languageCode"))
        return LanguageConfig(language: language, params: site.params, menus: menus.mapValues(Self.sorted))
    }

    /// `[[menu.main]]` entries, or `[menu] main = [...]`: menu name -> entries.
    private mutating func menus(_ value: ParamValue?, keyPrefix: String) -> [String: [MenuEntry]] {
        guard let value else { return [:] }
        guard let table = value.tableValue else {
            typeError(keyPrefix, "a table of menus", value)
            return [:]
        }
        var result: [String: [MenuEntry]] = [:]
        for (name, entries) in table.sorted(by: { $0.key < $1.key }) {
            let items: [ParamValue]
            switch entries {
            case .array(let list): items = list
            case .table: items = [entries]
            default:
                typeError("\(keyPrefix).\(name)", "a list of menu entries", entries)
                continue
            }
            for item in items {
                guard case .table = item else {
                    typeError("\(keyPrefix).\(name)", "a list of menu entries", item)
                    continue
                }
                let entryName = item["name"]?.stringValue ?? ""
                let weight = item["weight"].flatMap { $0.intValue } ?? 0
                let urlKey = item["url"]?.stringValue != nil ? "url" : "pageRef"
                let url = item[urlKey]?.stringValue ?? ""
                result[name, default: []].append(MenuEntry(
                    identifier: item["identifier"]?.stringValue ?? entryName,
                    name: entryName,
                    url: url,
                    title: item["title"]?.stringValue ?? "",
                    pre: item["pre"]?.stringValue ?? "",
                    post: item["post"]?.stringValue ?? "",
                    weight: weight,
                    parent: item["parent"]?.stringValue, urlLocation: url.isEmpty ? nil : valueLocation(key: urlKey, value: url)))
            }
        }
        return result
    }

    /// Where a `key = "value"` / `key: value` / `"key": "value"` (also inside an inline table)
    /// is written: the value's line and column. The n-th call for one key and value finds its
    /// n-th place in the text, so equal values of several entries each find their own. Values
    /// are looked for as written and with JSON/TOML escapes; the file alone when not found.
    private mutating func valueLocation(key: String, value: String) -> SourceLocation {
        let occurrence = valueOccurrences["\(key)\u{0}\(value)", default: 0] + 1
        valueOccurrences["\(key)\u{0}\(value)"] = occurrence
        func escaped(uppercase: Bool) -> String {
            var text = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": text += "\\\\"
                case "\"": text += "\\\""
                case "\t": text += "\\t"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case _ where scalar.value < 0x20:
                    text += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: uppercase)
                default: text.unicodeScalars.append(scalar)
                }
            }
            return text
        }
        let forms = [value, escaped(uppercase: true), escaped(uppercase: false)]
        let keyName = key.lowercased()
        var seen = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            let characters = Array(line)
            let lowered = characters.map { Character($0.lowercased()) }
            var index = 0
            while index < characters.count {
                defer { index += 1 }
                guard index + keyName.count <= characters.count,
                      String(lowered[index..<(index + keyName.count)]) == keyName,
                      index == 0 || " \t{,\"'".contains(characters[index - 1]) else { continue }
                var at = index + keyName.count
                if at < characters.count, characters[at] == "\"" || characters[at] == "'" { at += 1 }
                while at < characters.count, characters[at] == " " || characters[at] == "\t" { at += 1 }
                guard at < characters.count, characters[at] == "=" || characters[at] == ":" else { continue }
                at += 1
                while at < characters.count, characters[at] == " " || characters[at] == "\t" { at += 1 }
                let valueStart = at
                if at < characters.count, characters[at] == "\"" || characters[at] == "'" { at += 1 }
                let rest = String(characters[at...])
                // The whole value: what follows it ends it (a quote, a comma, a space, the line's end).
                guard forms.contains(where: { form in
                    guard rest.hasPrefix(form) else { return false }
                    let next = rest.dropFirst(form.count).first
                    return next.map { "\"', \t}#\r".contains($0) } ?? true
                }) else { continue }
                seen += 1
                if seen == occurrence { return SourceLocation(path: path, line: number + 1, column: valueStart + 1) }
            }
        }
        return SourceLocation(path: path)
    }

    /// Hugo's menu order: by weight (entries without a weight last), then name, then identifier.
    static func sorted(_ entries: [MenuEntry]) -> [MenuEntry] {
        entries.sorted { lhs, rhs in
            if lhs.weight != rhs.weight { return rhs.weight == 0 || (lhs.weight != 0 && lhs.weight < rhs.weight) }
            let (left, right) = (lhs.name.lowercased(), rhs.name.lowercased())
            if left != right { return left < right }
            if lhs.name != rhs.name { return lhs.name < rhs.name }
            return lhs.identifier < rhs.identifier
        }
    }

    /// `overlay` merged over `base`, recursively; keys match case-insensitively and keep the
    /// base's spelling.
    static func merge(_ base: ParamValue, _ overlay: ParamValue) -> ParamValue {
        guard case .table(var result) = base, case .table(let extra) = overlay else { return overlay }
        for (key, value) in extra {
            let existing = result[key] != nil ? key : result.keys.first { $0.lowercased() == key.lowercased() }
            if let existing {
                result[existing] = merge(result[existing]!, value)
            } else {
                result[key] = value
            }
        }
        return .table(result)
    }

    // MARK: - Permalinks

    /// `[permalinks]` and each `[languages.xx.permalinks]` (which replaces the site's for its
    /// language, as in Hugo 0.111). A pattern Hugo would refuse is a `config.permalink` error at
    /// its token, and its section or taxonomy keeps its default URLs.
    private mutating func readPermalinks(into config: inout SiteConfig) {
        if let site = raw["permalinks"] { config.permalinks = permalinkTable(site, key: "permalinks") }
        guard let languages = raw["languages"]?.tableValue else { return }
        for (code, value) in languages.sorted(by: { $0.key < $1.key }) {
            guard let own = value["permalinks"],
                  let index = config.languages.firstIndex(where: { $0.language.code == code.lowercased() }) else { continue }
            config.languages[index].permalinks = permalinkTable(own, key: "languages.\(code).permalinks")
        }
    }

    private mutating func permalinkTable(_ value: ParamValue, key: String) -> [String: PermalinkPattern] {
        guard let table = value.tableValue else {
            typeError(key, "a table", value)
            return [:]
        }
        var patterns: [String: PermalinkPattern] = [:]
        for (name, item) in table.sorted(by: { $0.key < $1.key }) {
            let entry = "\(key).\(name)"
            guard case .string(let text) = item else {
                typeError(entry, "a string", item)
                continue
            }
            // Hugo trims spaces and slashes off the key: `"/posts/"` is `posts`.
            let section = name.trimmingCharacters(in: CharacterSet(charactersIn: " /")).lowercased()
            switch PermalinkPattern.parse(text) {
            case .success(let pattern):
                patterns[section] = pattern
            case .failure(let problem):
                let known = PermalinkPattern.knownTokens.joined(separator: ", ")
                let what: String
                var offset: Int?
                switch problem {
                case .unknownToken(let token, let at):
                    what = "has the unknown token '\(token)' (known: \(known), and Go time layouts such as :2006)"
                    offset = at
                case .emptySegment:
                    what = "has an empty segment ('//')"
                }
                report("config.permalink", "permalink '\(text)' for '\(name)' \(what); '\(name)' keeps its default URLs", key: entry)
                if let offset, let line = diagnostics.last?.sourceLine,
                   let start = line.range(of: text, options: [], range: line.range(of: "=").map { $0.upperBound..<line.endIndex } ?? line.startIndex..<line.endIndex) {
                    diagnostics[diagnostics.count - 1].location.column = line.distance(from: line.startIndex, to: start.lowerBound) + offset + 1
                }
            }
        }
        return patterns
    }

    // MARK: - Typed values

    private mutating func string(_ key: String) -> String? {
        guard let value = raw.lookup(key) else { return nil }
        if value.isScalar { return value.stringValue }
        if case .null = value { return nil }
        typeError(key, "a string", value)
        return nil
    }

    private mutating func int(_ key: String) -> Int? {
        guard let value = raw.lookup(key) else { return nil }
        if let number = value.intValue { return number }
        if case .null = value { return nil }
        typeError(key, "a whole number", value)
        return nil
    }

    private mutating func bool(_ key: String) -> Bool? {
        guard let value = raw.lookup(key) else { return nil }
        if let flag = value.boolValue { return flag }
        if case .null = value { return nil }
        typeError(key, "true or false", value)
        return nil
    }

    private mutating func typeError(_ key: String, _ expected: String, _ value: ParamValue) {
        let shown = value.isScalar ? "'\(value.stringValue ?? "")'" : value.kindDescription
        report("config.type", "'\(key)' must be \(expected), not \(shown)", key: key)
    }

    private mutating func report(_ code: String, _ message: String, key: String) {
        var location = SourceLocation(path: path, line: line(of: key))
        let sourceLine = location.line.map { LineIndex(text).lineText($0) }
        if let sourceLine { location.column = Self.valueColumn(in: sourceLine) }
        diagnostics.append(Diagnostic(.error, code: code, message: message, location: location, sourceLine: sourceLine))
    }

    /// The column of the value in a `key = value` / `key: value` line; of the key when the
    /// value is on later lines.
    static func valueColumn(in line: String) -> Int {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        let keyColumn = index + 1
        guard let separator = characters[index...].firstIndex(where: { $0 == "=" || $0 == ":" }) else { return keyColumn }
        var value = separator + 1
        while value < characters.count, characters[value] == " " || characters[value] == "\t" { value += 1 }
        return value < characters.count && characters[value] != "#" ? value + 1 : keyColumn
    }

    /// The line where a dotted key is set, found by looking for its last part after its
    /// section's header (TOML), or anywhere; nil when not found.
    private func line(of dottedKey: String) -> Int? {
        let parts = dottedKey.lowercased().split(separator: ".").map(String.init)
        guard let last = parts.last else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.lowercased() }
        var start = 0
        if parts.count > 1 {
            let section = parts.dropLast().joined(separator: ".")
            if let header = lines.firstIndex(where: {
                let trimmed = $0.trimmingCharacters(in: .whitespaces)
                return trimmed == "[\(section)]" || trimmed == "[[\(section)]]"
            }) {
                start = header
            }
        }
        for index in start..<lines.count {
            var line = Substring(lines[index]).drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("\"") { line = line.dropFirst() }
            guard line.hasPrefix(last) else { continue }
            let rest = line.dropFirst(last.count).drop { $0 == " " || $0 == "\t" || $0 == "\"" }
            if rest.hasPrefix("=") || rest.hasPrefix(":") { return index + 1 }
        }
        return nil
    }
}
