/// Compares the aligned sections of a group's languages and lists what differs, with the
/// places to mark in each body.
struct StructureComparison: Sendable {
    private(set) var differences: [TranslationDifference] = []
    /// Per language (in the group's order), the places to mark.
    private(set) var markers: [[DifferenceMarker]]

    /// The kinds whose unmatched items are paired up as one changed value before the rest
    /// count as present in one language only.
    private static let paired: Set<TranslationDifference.Kind> = [.admonition, .link, .image, .version, .date]

    /// `languages` and `structures` in the same order; `rows` from `SectionAligner`.
    init(languages: [String], names: [String: String], structures: [BodyStructure], rows: [[Int?]]) {
        markers = Array(repeating: [], count: languages.count)
        let name = { (code: String) in names[code] ?? code }
        for (rowIndex, row) in rows.enumerated() {
            guard let base = row.indices.first(where: { row[$0] != nil }), let baseIndex = row[base] else { continue }
            let baseSection = structures[base].sections[baseIndex]
            for other in row.indices where other != base {
                guard let otherIndex = row[other] else {
                    let detail = baseSection.level == 0 ? "text before the first heading" : "“\(baseSection.heading)”"
                    let noun = baseSection.level == 0 ? "text" : "section"
                    add(
                        TranslationDifference(
                            kind: .heading, change: .onlyIn, row: rowIndex, section: baseSection.heading,
                            language: languages[base], detail: detail, otherLanguage: languages[other],
                            message: "\(noun) only in \(name(languages[base])): \(detail)"),
                        marks: [(base, baseSection.headingTag ?? baseSection.range.lowerBound..<baseSection.range.lowerBound, false)])
                    continue
                }
                let otherSection = structures[other].sections[otherIndex]
                for kind in TranslationDifference.Kind.allCases {
                    compare(
                        kind, baseSection.items.filter { $0.kind == kind }, otherSection.items.filter { $0.kind == kind },
                        row: rowIndex, section: baseSection.heading, languages: (base, other), codes: languages, name: name)
                }
            }
        }
    }

    private mutating func compare(
        _ kind: TranslationDifference.Kind, _ a: [StructureItem], _ b: [StructureItem], row: Int, section: String,
        languages: (Int, Int), codes: [String], name: (String) -> String
    ) {
        guard !a.isEmpty || !b.isEmpty else { return }
        var unused = Array(b.indices)
        var onlyA: [StructureItem] = []
        for item in a {
            if let position = unused.firstIndex(where: { b[$0].key == item.key }) {
                unused.remove(at: position)
            } else {
                onlyA.append(item)
            }
        }
        var onlyB = unused.map { b[$0] }
        let (first, second) = languages
        if Self.paired.contains(kind) {
            // Like with like first (`25.0.3` with `25.0.2`, not with `2024-01e`), then in order.
            var pairs: [(StructureItem, StructureItem)] = []
            var restA: [StructureItem] = []
            for item in onlyA {
                if kind == .version || kind == .date,
                   let position = onlyB.firstIndex(where: { Self.shape($0.key) == Self.shape(item.key) }) {
                    pairs.append((item, onlyB.remove(at: position)))
                } else {
                    restA.append(item)
                }
            }
            while !restA.isEmpty && !onlyB.isEmpty { pairs.append((restA.removeFirst(), onlyB.removeFirst())) }
            onlyA = restA
            for (x, y) in pairs {
                let noun = kind == .link ? "link target" : kind.noun
                add(
                    TranslationDifference(
                        kind: kind, change: .differs, row: row, section: section, language: codes[first], detail: x.label,
                        otherLanguage: codes[second], otherDetail: y.label,
                        message: "\(noun) differs: \(name(codes[first])) \(x.label), \(name(codes[second])) \(y.label)"),
                    marks: [(first, x.range, x.isText), (second, y.range, y.isText)])
            }
        }
        for (items, has, lacks) in [(onlyA, first, second), (onlyB, second, first)] {
            for item in items {
                add(
                    TranslationDifference(
                        kind: kind, change: .onlyIn, row: row, section: section, language: codes[has], detail: item.label,
                        otherLanguage: codes[lacks],
                        message: "\(kind.noun) only in \(name(codes[has])): \(item.label)"),
                    marks: [(has, item.range, item.isText)])
            }
        }
    }

    private mutating func add(_ difference: TranslationDifference, marks: [(Int, Range<Int>, Bool)]) {
        differences.append(difference)
        for (language, range, isText) in marks {
            markers[language].append(DifferenceMarker(
                range: range, isText: isText, change: difference.change, number: differences.count, message: difference.message))
        }
    }

    /// A value's form without its digits: `25.0.3` -> `0.0.0`, `2024-01e` -> `0-0e`.
    private static func shape(_ key: String) -> String {
        var shape = ""
        var lastDigit = false
        for character in key {
            if character.isNumber {
                if !lastDigit { shape.append("0") }
                lastDigit = true
            } else {
                shape.append(character.isLetter ? "a" : character)
                lastDigit = false
            }
        }
        return shape
    }
}
