import DefaultTheme
import Foundation
import MarkdownRendering
import Testing

/// The default theme's strings: both languages have every key, and every key a template or
/// Chronicle's own HTML asks for exists, so no reader sees a key name or an English word on a
/// German page.
@Suite struct ThemeStringsTests {
    static func keys(_ language: String) throws -> [String: String] {
        let text = try #require(DefaultTheme.text("i18n/\(language).toml"))
        var keys: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            keys[key] = String(value.dropFirst().dropLast())
        }
        return keys
    }

    @Test func bothLanguagesHaveTheSameKeys() throws {
        let english = try Self.keys("en")
        let german = try Self.keys("de")
        #expect(english.count > 40)
        #expect(Set(english.keys).subtracting(german.keys).sorted() == [])
        #expect(Set(german.keys).subtracting(english.keys).sorted() == [])
        for (key, value) in german where !["admonition.info"].contains(key) {
            #expect(value != english[key] || value.count <= 4 || key == "poweredBy", "\(key) is English on German pages: \(value)")
        }
    }

    @Test func everyKeyTheTemplatesUseExists() throws {
        let english = try Self.keys("en")
        let pattern = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([A-Za-z.]+)\}\}"#)
        var used: Set<String> = []
        for (path, data) in DefaultTheme.files where path.hasSuffix(".mustache") {
            let text = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(used.count > 25)
        #expect(used.subtracting(english.keys).sorted() == [])
        for type in AdmonitionType.allCases {
            #expect(english["admonition.\(type.rawValue)"] != nil)
        }
    }
}
