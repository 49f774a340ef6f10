import SiteCore

/// Warns about every site config key Chronicle does not act on that would change what Hugo
/// writes (`HugoConfigKeys`): one `config.unsupported` warning per key at the key's line,
/// `'outputs' is not supported: <what Chronicle does instead>`.
public enum ConfigKeyCheck {
    public static let code = "config.unsupported"

    public static func diagnostics(raw: ParamValue, text: String, path: String) -> [Diagnostic] {
        var check = Walker(locator: ConfigKeyLocator(text: text, path: path))
        if let table = raw.tableValue {
            check.walk(table, written: [], rules: HugoConfigKeys.site, prefix: "")
            check.disableKinds(raw)
            if let languages = raw["languages"]?.tableValue {
                for (code, value) in languages.sorted(by: { $0.key < $1.key }) {
                    guard let table = value.tableValue else { continue }
                    let written = [writtenKey(raw, "languages"), code]
                    check.walkLanguage(table, written: written)
                }
            }
        }
        return check.diagnostics
    }

    /// A `config.unsupported` or `frontmatter.unsupported` warning: the message for people
    /// (`'KEY' is not supported: INSTEAD`, with `more` other files counted), and the key, what
    /// Chronicle does instead and the count as `fields` for tools.
    public static func warning(
        code: String, key: String, instead: String, more: Int = 0,
        location: SourceLocation, sourceLine: String?, notes: [Diagnostic.Note] = []
    ) -> Diagnostic {
        let count = more == 0 ? "" : " (and in \(more) more file\(more == 1 ? "" : "s"))"
        var diagnostic = Diagnostic(
            .warning, code: code, message: "'\(key)' is not supported: \(instead)\(count)",
            location: location, sourceLine: sourceLine, notes: notes)
        diagnostic.fields = ["key": key, "instead": instead, "moreFiles": String(more)]
        return diagnostic
    }

    private static func writtenKey(_ table: ParamValue, _ key: String) -> String {
        table.tableValue?.keys.first { $0.lowercased() == key } ?? key
    }

    private struct Walker {
        let locator: ConfigKeyLocator
        var diagnostics: [Diagnostic] = []

        /// `prefix`: the lower-cased dotted path of `table` inside the rules ("" at the top).
        mutating func walk(_ table: [String: ParamValue], written: [String], rules: [String: HugoConfigKeys.Rule], prefix: String) {
            for (key, value) in table.sorted(by: { $0.key < $1.key }) {
                let path = prefix.isEmpty ? key.lowercased() : prefix + "." + key.lowercased()
                if prefix.isEmpty, path == "languages" { continue }
                let rule = rules[path]
                if case .unsupported(let instead, let fine)? = rule {
                    if !fine.matches(value) { warn(written + [key], instead: instead) }
                    continue
                }
                guard let inner = value.tableValue, rules.keys.contains(where: { $0.hasPrefix(path + ".") }) else { continue }
                walk(inner, written: written + [key], rules: rules, prefix: path)
            }
        }

        mutating func walkLanguage(_ table: [String: ParamValue], written: [String]) {
            for (key, value) in table.sorted(by: { $0.key < $1.key }) {
                let name = key.lowercased()
                switch HugoConfigKeys.language[name] ?? HugoConfigKeys.site[name] {
                case .unsupported(let instead, let fine)?:
                    if !fine.matches(value) { warn(written + [key], instead: instead) }
                case .actedOn? where HugoConfigKeys.language[name] == nil:
                    warn(written + [key], instead: "Chronicle reads '\(key)' from the top of the config only, for every language")
                default:
                    if let inner = value.tableValue, HugoConfigKeys.language[name] == nil {
                        walk(inner, written: written + [key], rules: HugoConfigKeys.site, prefix: name)
                    }
                }
            }
        }

        /// `disableKinds` values Chronicle does not act on (`home`, `section`, `page`).
        mutating func disableKinds(_ raw: ParamValue) {
            guard let key = raw.tableValue?.keys.first(where: { $0.lowercased() == "disablekinds" }),
                  let kinds = raw[key]?.stringList else { return }
            let other = kinds.filter { !HugoConfigKeys.disableableKinds.contains($0.lowercased()) }
            guard !other.isEmpty else { return }
            let shown = other.map { "'\($0)'" }.joined(separator: ", ")
            warn([key], instead: "Chronicle disables only taxonomy, term, RSS, sitemap, robotsTXT and 404, and still writes the \(shown) pages")
        }

        mutating func warn(_ written: [String], instead: String) {
            let location = locator.location(of: written)
            diagnostics.append(ConfigKeyCheck.warning(
                code: ConfigKeyCheck.code, key: written.joined(separator: "."), instead: instead,
                location: location, sourceLine: location.line.map { locator.lines[$0 - 1] }))
        }
    }
}

/// Finds where a key of the config is written: a TOML `[a.b]` / `[[a.b]]` header, a
/// `key = …` line below its table's header, a YAML `key:` or JSON `"key":` below its parent's.
struct ConfigKeyLocator {
    let path: String
    let lines: [String]
    private let lowered: [String]

    init(text: String, path: String) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingSuffix("\r")) }
        lowered = lines.map { $0.lowercased() }
    }

    func location(of written: [String]) -> SourceLocation {
        let keys = written.map { $0.lowercased() }
        for count in stride(from: keys.count, through: 1, by: -1) {
            let header = keys[..<count].joined(separator: ".")
            if let line = headerLine(header) {
                if count == keys.count { return at(line, column: column(ofHeaderIn: line)) }
                if let found = sequential(Array(keys[count...]), from: line + 1) { return found }
            }
        }
        if let found = sequential(keys, from: 0) { return found }
        // A table only named by its sub-tables' headers: `[outputs.home]`.
        let prefix = "[" + keys.joined(separator: ".") + "."
        if let line = lowered.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }) {
            return at(line, column: column(ofHeaderIn: line))
        }
        return SourceLocation(path: path)
    }

    private func at(_ index: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: index + 1, column: column)
    }

    private func headerLine(_ header: String) -> Int? {
        lowered.firstIndex { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let stripped = trimmed.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return stripped == "[\(header)]" || stripped == "[[\(header)]]"
        }
    }

    private func column(ofHeaderIn line: Int) -> Int {
        (lines[line].firstIndex(of: "[").map { lines[line].distance(from: lines[line].startIndex, to: $0) } ?? 0) + 1
    }

    /// Each key in turn, each on a line at or after the one before; the last one's place.
    private func sequential(_ keys: [String], from start: Int) -> SourceLocation? {
        var line = start
        var found: SourceLocation?
        for key in keys {
            guard let (index, column) = keyLine(key, from: line) else { return nil }
            found = at(index, column: column)
            line = index + 1
        }
        return found
    }

    /// The first line at or after `start` that sets `key` (`key =`, `key:`, `"key":`), and the
    /// key's column; a TOML header ends the search.
    private func keyLine(_ key: String, from start: Int) -> (Int, Int)? {
        guard start < lowered.count else { return nil }
        for index in start..<lowered.count {
            let line = lowered[index]
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            var rest = line.dropFirst(indent)
            if rest.hasPrefix("[") { return nil }
            if rest.hasPrefix("\"") || rest.hasPrefix("'") { rest = rest.dropFirst() }
            guard rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == "\"" || $0 == "'" || $0 == " " || $0 == "\t" }
            if after.hasPrefix("=") || after.hasPrefix(":") { return (index, lines[index].prefix(indent).count + 1) }
        }
        return nil
    }
}

private extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}
