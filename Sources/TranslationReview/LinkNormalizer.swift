import Foundation

/// Makes link targets of two languages comparable: a link to the same page in each
/// language's own version (`/de/posts/a/` and `/posts/a/`, `docs.example.org/de/x` and
/// `docs.example.org/en/x`, `de.wikipedia.org` and `en.wikipedia.org`) is one target. Anchors
/// are left out (headings are translated, and so are their ids).
struct LinkNormalizer: Sendable {
    /// The site's language codes.
    var languages: Set<String>
    /// The host of the site's `baseURL`: absolute links to it are links inside the site.
    var siteHost: String?

    init(languages: Set<String>, baseURL: String? = nil) {
        self.languages = languages
        siteHost = baseURL.flatMap { URL(string: $0)?.host?.lowercased() }
    }

    /// What a target is compared by.
    func key(_ target: String, pageURL: String) -> String {
        var value = target.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("#") { return "#" }
        if let hash = value.firstIndex(of: "#") { value = String(value[..<hash]) }
        if value.isEmpty { return "" }
        // A mail's subject and body are translated: the address is the target.
        if value.lowercased().hasPrefix("mailto:") { return String(value.prefix { $0 != "?" }).lowercased() }
        if let resolved = Self.resolve(value, pageURL: pageURL) { value = resolved }
        if value.hasPrefix("/") && !value.hasPrefix("//") { return sitePath(value) }
        guard var components = URLComponents(string: value.hasPrefix("//") ? "https:" + value : value),
              let host = components.host?.lowercased(), !host.isEmpty
        else { return value }
        if host == siteHost || "www." + host == siteHost || host == "www." + (siteHost ?? "") {
            return sitePath(components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? ""))
        }
        var labels = host.split(separator: ".").map(String.init)
        if labels.count >= 3, languages.contains(labels[0]) { labels.removeFirst() }
        components.host = labels.joined(separator: ".")
        // Documentation sites put the language anywhere in the path (`/docs/de/x`).
        var path = components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false)
            .filter { !languages.contains($0.lowercased()) }.joined(separator: "/")
        while path.hasSuffix("/") { path.removeLast() }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return (components.host ?? host) + path + query
    }

    /// A path inside the site without its language prefix and trailing slash.
    private func sitePath(_ path: String) -> String {
        let stripped = withoutLanguage(path)
        return stripped.isEmpty ? "/" : stripped
    }

    private func withoutLanguage(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "/de/x" -> ["", "de", "x"]
        if segments.count >= 2, segments[0].isEmpty, languages.contains(segments[1].lowercased()) { segments.remove(at: 1) }
        var joined = segments.joined(separator: "/")
        while joined.hasSuffix("/") { joined.removeLast() }
        return joined
    }

    /// A relative `href` or `src` (`images/a.png`, `../b/`) as the site path it leads to from
    /// `pageURL`; nil when the value is not relative (`/x`, `#x`, `https:…`, `mailto:…`).
    static func resolve(_ value: String, pageURL: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first != "/", first != "#", first != "?" else { return nil }
        if trimmed.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil { return nil }
        guard let base = URL(string: "https://site.invalid" + pageURL),
              let resolved = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let components = URLComponents(url: resolved, resolvingAgainstBaseURL: true)
        else { return nil }
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        if let query = components.percentEncodedQuery { path += "?" + query }
        if let fragment = components.percentEncodedFragment { path += "#" + fragment }
        return path
    }
}
