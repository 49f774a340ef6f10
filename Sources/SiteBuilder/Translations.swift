import Foundation

/// A theme's strings per language, read from `i18n/<lang>.toml` (`key = "value"` lines).
public struct Translations: Sendable {
    public private(set) var strings: [String: [String: String]] = [:]

    public init() {}

    /// Adds (overriding) the strings of one `i18n/<lang>.toml` file.
    public mutating func add(language: String, toml: String) {
        var table = strings[language] ?? [:]
        for line in toml.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            var key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
            var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
                    .replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            table[key] = value
        }
        strings[language] = table
    }

    /// The string for a key in a language, falling back to English, then to the key itself.
    public func text(_ key: String, language: String) -> String {
        strings[language]?[key] ?? strings["en"]?[key] ?? key
    }

    /// All strings of a language (English filling the gaps), for templates.
    public func table(for language: String) -> [String: String] {
        (strings["en"] ?? [:]).merging(strings[language] ?? [:]) { $1 }
    }
}
