import ContentParsing
import SiteCore

/// One `frontmatter.unsupported` warning per front matter field Chronicle does not act on
/// (`HugoFrontMatterFields`, found when each page is read), at the field's first place in the
/// site (in content order), with how many more files set it and notes for the next few.
enum UnsupportedFields {
    static let code = "frontmatter.unsupported"
    /// Notes listed after a warning; the rest are counted.
    static let noteLimit = 3

    /// Where a top-level key is written: its line, at the key's column (not its value's).
    private static func keyLocation(_ key: String, in document: Document) -> (location: SourceLocation, line: String?) {
        var location = document.location(ofKey: key)
        let sourceLine = location.line.map { LineIndex(document.source.text).lineText($0) }
        if let sourceLine { location.column = sourceLine.prefix { $0 == " " || $0 == "\t" }.count + 1 }
        return (location, sourceLine)
    }

    static func diagnostics(_ loaded: [PageLoader.Loaded]) -> [Diagnostic] {
        var places: [String: (instead: String, documents: [(key: String, document: Document)])] = [:]
        for page in loaded {
            for field in page.unsupportedFields {
                places[field.key.lowercased(), default: (field.instead, [])].documents.append((field.key, page.document))
            }
        }
        return places.keys.sorted().map { name in
            let (instead, documents) = places[name]!
            let first = documents[0]
            let more = documents.count - 1
            let notes = documents.dropFirst().prefix(noteLimit).map { place in
                Diagnostic.Note("'\(place.key)' is also set here", location: keyLocation(place.key, in: place.document).location)
            }
            let (location, sourceLine) = keyLocation(first.key, in: first.document)
            return ConfigKeyCheck.warning(
                code: code, key: first.key, instead: instead, more: more,
                location: location, sourceLine: sourceLine, notes: Array(notes))
        }
    }
}
