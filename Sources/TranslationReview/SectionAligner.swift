/// Lines up the sections of a group's languages so that section N of each sits in row N,
/// even when one language has a section more. Headings are translated, so sections are
/// matched by what survives translation: the heading's level, shared words and numbers in
/// it (`Changelog`, `2024-01e`), shared link targets, images, versions and dates, and the
/// number of items of each kind. A global alignment (Needleman–Wunsch) keeps the order;
/// more than two languages are aligned one after the other against the rows so far.
enum SectionAligner {
    /// One row per aligned section: for each language (in the given order) the index of its
    /// section, nil when it has none there.
    static func align(_ languages: [[BodySection]]) -> [[Int?]] {
        guard let first = languages.first else { return [] }
        var rows: [[Int?]] = first.indices.map { [$0] }
        for column in languages.indices.dropFirst() {
            let sections = languages[column]
            let rowCount = rows.count
            // score[i][j]: the best alignment of the first i rows with the first j sections.
            var score = Array(repeating: Array(repeating: 0.0, count: sections.count + 1), count: rowCount + 1)
            var similarity = Array(repeating: Array(repeating: 0.0, count: sections.count), count: rowCount)
            for i in 0..<rowCount {
                for j in sections.indices {
                    similarity[i][j] = rows[i].enumerated().compactMap { member, index in
                        index.map { Self.similarity(languages[member][$0], sections[j]) }
                    }.max() ?? 0
                }
            }
            for i in 0...rowCount {
                for j in 0...sections.count where i > 0 || j > 0 {
                    var best = -Double.infinity
                    if i > 0 && j > 0 && similarity[i - 1][j - 1] > 0 { best = score[i - 1][j - 1] + similarity[i - 1][j - 1] }
                    if i > 0 { best = max(best, score[i - 1][j]) }
                    if j > 0 { best = max(best, score[i][j - 1]) }
                    score[i][j] = best
                }
            }
            // Back from the end; on a tie a pair wins, then a row without this language.
            var merged: [[Int?]] = []
            var i = rowCount, j = sections.count
            while i > 0 || j > 0 {
                if i > 0 && j > 0 && similarity[i - 1][j - 1] > 0 && score[i][j] == score[i - 1][j - 1] + similarity[i - 1][j - 1] {
                    merged.append(rows[i - 1] + [j - 1])
                    i -= 1
                    j -= 1
                } else if i > 0 && score[i][j] == score[i - 1][j] {
                    merged.append(rows[i - 1] + [nil])
                    i -= 1
                } else {
                    merged.append(Array(repeating: nil, count: column) + [j - 1])
                    j -= 1
                }
            }
            rows = merged.reversed()
        }
        return rows
    }

    /// How alike two sections of different languages are; above 0: they may be the same.
    static func similarity(_ a: BodySection, _ b: BodySection) -> Double {
        if a.level == 0 || b.level == 0 { return a.level == b.level ? 10 : -10 }
        var score = 1.0
        score += a.level == b.level ? 2 : -1
        score += 2 * Double(min(3, a.headingWords.intersection(b.headingWords).count))
        var counts: [String: Int] = [:]
        var kindCounts: [TranslationDifference.Kind: Int] = [:]
        for item in a.items {
            counts["\(item.kind.rawValue)|\(item.key)", default: 0] += 1
            kindCounts[item.kind, default: 0] += 1
        }
        var shared = 0
        for item in b.items {
            let key = "\(item.kind.rawValue)|\(item.key)"
            if let count = counts[key], count > 0 {
                counts[key] = count - 1
                shared += 1
            }
            kindCounts[item.kind, default: 0] -= 1
        }
        score += Double(min(6, shared))
        score -= 0.25 * Double(min(8, kindCounts.values.reduce(0) { $0 + abs($1) }))
        return score
    }
}
