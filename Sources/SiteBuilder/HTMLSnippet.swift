/// HTML a site's config gives the theme (FixIt's `params.footer.license`, `icp`, a profile's
/// disclaimer): printed as written, but balanced, so a tag the author forgot to close (an `<a>`
/// without `</a>`) cannot swallow the rest of the page.
enum HTMLSnippet {
    /// Elements that have no end tag.
    private static let void: Set<String> = ["br", "hr", "img", "wbr", "input", "meta", "link", "source"]

    /// `html` with every open element closed at its end, in order, and end tags without a start
    /// tag left out.
    static func balanced(_ html: String) -> String {
        var output = ""
        var open: [String] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            output += rest[..<start]
            guard let end = rest[start...].firstIndex(of: ">") else {
                output += rest[start...].replacingOccurrences(of: "<", with: "&lt;")
                rest = ""
                break
            }
            let tag = rest[start...end]
            rest = rest[rest.index(after: end)...]
            let body = tag.dropFirst().dropLast()
            let closing = body.hasPrefix("/")
            let name = (closing ? body.dropFirst() : body)
                .prefix { $0.isLetter || $0.isNumber }.lowercased()
            if name.isEmpty || body.hasPrefix("!") {
                output += tag
            } else if closing {
                guard let index = open.lastIndex(of: name) else { continue }
                for inner in open[(index + 1)...].reversed() { output += "</\(inner)>" }
                open.removeSubrange(index...)
                output += tag
            } else {
                output += tag
                if !void.contains(name) && !body.hasSuffix("/") { open.append(name) }
            }
        }
        output += rest
        for name in open.reversed() { output += "</\(name)>" }
        return output
    }
}
