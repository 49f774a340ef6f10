import Foundation
import SiteCore

/// A `[permalinks]` pattern (`/:year/:month/:slug/`) as Hugo 0.111 reads it, parsed once when
/// the config is read into literal text and tokens, so that expanding it for a page is a walk
/// over its parts. Tokens are `:` and a word (`[A-Za-z0-9_]+`), `:sections` optionally with a
/// slice (`:sections[1:]`, `:sections[last]`); a word that is a Go time layout (`:2006`,
/// `:Jan`) formats the page's date, as Hugo 0.111 allows. `:contentbasename` (Hugo 0.144+)
/// is not a token here, as it is not in 0.111.
public struct PermalinkPattern: Sendable, Hashable {
    /// The pattern as written.
    public let text: String
    let parts: [Part]

    enum Part: Sendable, Hashable {
        case literal(String)
        case year, month, monthName, day, weekday, weekdayName, yearDay
        case section, title, slug, filename, slugOrFilename
        /// `:sections`, or a slice of it: `[a:b]` (`nil` ends: 0 and the count) or `[n]`.
        case sections(Slice?)
        /// A Go time layout made of the chunks `GoTimeLayout` knows.
        case timeLayout(GoTimeLayout)
    }

    enum Slice: Sendable, Hashable {
        case index(Bound)
        case range(Bound?, Bound?)
    }

    enum Bound: Sendable, Hashable {
        case number(Int)
        case last
    }

    /// Hugo 0.111's token names, as the error message lists them.
    public static let knownTokens = [
        ":year", ":month", ":monthname", ":day", ":weekday", ":weekdayname", ":yearday", ":section",
        ":sections", ":sections[a:b]", ":title", ":slug", ":filename", ":slugorfilename",
    ]

    /// What is wrong with a pattern.
    public enum Problem: Error, Sendable, Hashable {
        /// `:name` is not a token; `offset` is its place in the pattern (in characters).
        case unknownToken(String, offset: Int)
        /// A `//` before the end: Hugo calls the pattern ill-formed.
        case emptySegment
    }

    /// Parses a pattern; an unknown token or an empty segment before the last makes it wrong,
    /// as Hugo 0.111 refuses the build then.
    public static func parse(_ text: String) -> Result<PermalinkPattern, Problem> {
        let fragments = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if fragments.dropLast().contains(where: \.isEmpty) { return .failure(.emptySegment) }
        let characters = Array(text)
        var parts: [Part] = []
        var literal = ""
        var index = 0
        while index < characters.count {
            let start = index
            guard characters[index] == ":", index + 1 < characters.count, isWord(characters[index + 1]) else {
                literal.append(characters[index])
                index += 1
                continue
            }
            index += 1
            var name = ""
            while index < characters.count, isWord(characters[index]) {
                name.append(characters[index])
                index += 1
            }
            // `[…]` up to the first `]` in the same segment belongs to the token.
            var bracket: String?
            if index < characters.count, characters[index] == "[",
               let close = characters[(index + 1)...].firstIndex(where: { $0 == "]" || $0 == "/" }),
               characters[close] == "]", close > index + 1 {
                bracket = String(characters[index...close])
                index = close + 1
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            // Hugo's order: `sections[`, then a Go time layout, then the names.
            if name == "sections", let bracket {
                parts.append(.sections(slice(bracket)))
            } else if let layout = GoTimeLayout(name + (bracket ?? "")) {
                parts.append(.timeLayout(layout))
            } else if bracket == nil, let part = named[name] {
                parts.append(part)
            } else {
                return .failure(.unknownToken(":" + name + (bracket ?? ""), offset: start))
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return .success(PermalinkPattern(text: text, parts: parts))
    }

    private static let named: [String: Part] = [
        "year": .year, "month": .month, "monthname": .monthName, "day": .day, "weekday": .weekday,
        "weekdayname": .weekdayName, "yearday": .yearDay, "section": .section, "sections": .sections(nil),
        "title": .title, "slug": .slug, "filename": .filename, "slugorfilename": .slugOrFilename,
    ]

    private static func isWord(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }

    /// Hugo's `toSliceFunc`: `[1:]`, `[:last]`, `[0]`; a number that is not one counts as 0.
    private static func slice(_ bracket: String) -> Slice {
        let inner = bracket.dropFirst().dropLast().lowercased()
        func bound(_ text: Substring) -> Bound? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            if trimmed == "last" { return .last }
            return .number(max(0, Int(trimmed) ?? 0))
        }
        let pieces = inner.split(separator: ":", omittingEmptySubsequences: false)
        if pieces.count == 1 { return .index(bound(pieces[0]) ?? .number(0)) }
        return .range(bound(pieces[0]), bound(pieces[1]))
    }

    /// Whether expanding needs the page's sections (`:sections`): they cost a look-up.
    public var usesSections: Bool {
        parts.contains { if case .sections = $0 { true } else { false } }
    }

    /// The page facts a pattern reads.
    public struct Subject {
        /// The date's calendar fields as written; nil: Hugo's zero date, 0001-01-01, a Monday.
        public var date: CivilTime?
        public var section: String
        /// The page's section path (`posts`, `sub`), its nearest section's folders.
        public var sections: [String]
        public var title: String
        public var slug: String?
        /// The file name without language and extension; a bundle's folder; `_index` for a list.
        public var filename: String

        public init(date: CivilTime?, section: String, sections: [String], title: String, slug: String?, filename: String) {
            self.date = date
            self.section = section
            self.sections = sections
            self.title = title
            self.slug = slug
            self.filename = filename
        }
    }

    /// The URL path the pattern gives, without a language prefix: `/2024/03/a-title/`. As
    /// Hugo: each token's text joined, `+` read as a space and `%XX` decoded (Hugo's
    /// `QueryUnescape`), the whole path urlized (lower case, spaces to `-`, other characters
    /// dropped), empty segments dropped, always a folder (a trailing `/`).
    public func expand(_ subject: Subject) -> String {
        var path = ""
        for part in parts {
            switch part {
            case .literal(let text): path += text
            default: path += value(part, subject)
            }
        }
        if path.utf8.contains(UInt8(ascii: "+")) { path = path.replacingOccurrences(of: "+", with: " ") }
        if path.utf8.contains(UInt8(ascii: "%")), let decoded = path.removingPercentEncoding { path = decoded }
        // By scalars: `/` and a combining mark after it (`/\u{FE0F}`) are one Character.
        let segments = Slug.urlize(path).unicodeScalars.split(separator: "/").map { String($0) }
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    private func value(_ part: Part, _ subject: Subject) -> String {
        switch part {
        case .literal(let text): return text
        case .year: return String(date(subject).year)
        case .month: return twoDigits(date(subject).month)
        case .monthName: return GoTimeLayout.monthNames[date(subject).month - 1]
        case .day: return twoDigits(date(subject).day)
        case .weekday: return String(date(subject).weekday - 1)
        case .weekdayName: return GoTimeLayout.weekdayNames[date(subject).weekday - 1]
        case .yearDay: return String(GoTimeLayout.yearDay(date(subject)))
        case .section: return subject.section
        case .sections(let slice): return Self.cut(subject.sections, slice).joined(separator: "/")
        case .title: return Slug.urlize(subject.title)
        case .slug: return Slug.urlize(nonEmpty(subject.slug) ?? subject.title)
        case .filename: return Slug.urlize(subject.filename)
        case .slugOrFilename: return Slug.urlize(nonEmpty(subject.slug) ?? subject.filename)
        case .timeLayout(let layout): return layout.format(date(subject))
        }
    }

    private func date(_ subject: Subject) -> CivilTime {
        subject.date ?? CivilTime(year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, weekday: 2)
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    private func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// Hugo's slice of the sections: out-of-range bounds are clamped, a reversed range is empty.
    static func cut(_ sections: [String], _ slice: Slice?) -> [String] {
        guard let slice else { return sections }
        guard !sections.isEmpty else { return [] }
        func resolve(_ bound: Bound?, low: Bool) -> Int {
            switch bound {
            case nil: return low ? 0 : sections.count
            case .last: return sections.count - 1
            case .number(let number): return min(number, sections.count)
            }
        }
        switch slice {
        case .index(let bound):
            let position = resolve(bound, low: true)
            return position < sections.count ? [sections[position]] : []
        case .range(let low, let high):
            let (from, to) = (resolve(low, low: true), resolve(high, low: false))
            return from <= to ? Array(sections[from..<to]) : []
        }
    }
}
