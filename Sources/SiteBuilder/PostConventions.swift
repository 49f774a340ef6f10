import ContentParsing
import Foundation
import SiteCore

/// How a site's existing posts are written, for the built-in archetype of `chronicle new post`:
/// the front matter fields most of them have, their front matter format, whether the default
/// language's file is `index.md` or `index.<lang>.md`, and whether they mark the summary with
/// `<!--more-->`.
public struct PostConventions: Sendable, Equatable {
    /// A front matter field and the empty value a new post gets for it.
    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: Value

        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }

        public enum Value: Sendable, Equatable {
            /// `""`
            case emptyString
            /// `[]`
            case emptyList
            /// The value most posts give it (`toc: true`).
            case bool(Bool)
        }
    }

    /// How many post files were looked at.
    public var postCount = 0
    /// The fields more than half of the posts have, in the order they usually come in (the
    /// ones every new post gets anyway — title, date, draft, translationKey — and fields
    /// that belong to one post only, such as dates, `slug`, `url`, `aliases` and `weight`,
    /// left out).
    public var fields: [Field] = []
    /// The format most posts' front matter is in (YAML when most use JSON or nothing).
    public var format: FrontMatterFormat = .yaml
    /// Whether the default language's file is a plain `index.md` (else `index.<lang>.md`);
    /// nil when no post says.
    public var plainDefaultIndex: Bool?
    /// Whether most posts mark the end of their summary with `<!--more-->`.
    public var usesMoreMarker = false

    public init() {}

    /// At most this many post files are read: the last ones by path (with `posts/YEAR/…`
    /// folders, the newest), which show how posts are written now.
    public static let sampleLimit = 200

    /// Keys a new post always gets, or that belong to a single post.
    static let ownKeys: Set<String> = [
        "title", "date", "draft", "translationkey", "lastmod", "publishdate", "pubdate", "published",
        "expirydate", "unpublishdate", "modified", "slug", "url", "aliases", "weight", "linktitle", "type",
        "layout", "kind", "lang", "language", "iscjklanguage", "headless", "build",
    ]

    /// One post file: its path relative to the content folder (`posts/2026/a/index.de.md`),
    /// its language and text.
    public struct Post: Sendable {
        public var relativePath: String
        public var language: String
        public var text: String

        public init(relativePath: String, language: String, text: String) {
            self.relativePath = relativePath
            self.language = language
            self.text = text
        }
    }

    /// The conventions of `posts`; `defaultLanguage` tells which files name the default language.
    public static func survey(_ posts: [Post], defaultLanguage: String) -> PostConventions {
        var conventions = PostConventions()
        conventions.postCount = posts.count
        guard !posts.isEmpty else { return conventions }

        struct KeyTally {
            var count = 0
            var spellings: [String: Int] = [:]
            var positionSum = 0.0
            var strings = 0, lists = 0, trues = 0, falses = 0, dates = 0
        }
        var tallies: [String: KeyTally] = [:]
        var formats: [FrontMatterFormat: Int] = [:]
        var plainIndex = 0
        var languageIndex = 0
        var moreMarkers = 0
        for post in posts {
            let source = SourceFile(path: post.relativePath, language: post.language, text: post.text)
            let (block, _) = FrontMatterSplitter.split(source)
            formats[block.format, default: 0] += 1
            if block.body.contains("<!--more-->") { moreMarkers += 1 }
            let name = post.relativePath.split(separator: "/").last.map(String.init) ?? post.relativePath
            if post.language == defaultLanguage, ContentScanner.stem(of: name) == "index" {
                if name == "index.md" || name == "index.markdown" { plainIndex += 1 } else { languageIndex += 1 }
            }
            let (frontMatter, diagnostics) = FrontMatterParser.parse(block, source: source)
            guard diagnostics.isEmpty else { continue }
            let ordered = frontMatter.values.keys.sorted {
                (frontMatter.keyLines[$0] ?? 0, $0) < (frontMatter.keyLines[$1] ?? 0, $1)
            }
            for (position, key) in ordered.enumerated() {
                let lower = key.lowercased()
                var tally = tallies[lower] ?? KeyTally()
                tally.count += 1
                tally.spellings[key, default: 0] += 1
                tally.positionSum += Double(position) / Double(max(1, ordered.count))
                switch frontMatter.values[key] {
                case .string(let text):
                    if ContentDate.parse(text) != nil { tally.dates += 1 } else { tally.strings += 1 }
                case .array: tally.lists += 1
                case .bool(let flag): if flag { tally.trues += 1 } else { tally.falses += 1 }
                default: break
                }
                tallies[lower] = tally
            }
        }

        var fields: [(field: Field, position: Double)] = []
        for (lower, tally) in tallies where tally.count * 2 > posts.count && !ownKeys.contains(lower) {
            let key = tally.spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? lower
            let bools = tally.trues + tally.falses
            let value: Field.Value
            switch max(tally.strings, tally.lists, bools, tally.dates) {
            case 0: continue
            case tally.dates: continue
            case tally.lists: value = .emptyList
            case tally.strings: value = .emptyString
            default: value = .bool(tally.trues >= tally.falses)
            }
            fields.append((Field(key: key, value: value), tally.positionSum / Double(tally.count)))
        }
        conventions.fields = fields.sorted { ($0.position, $0.field.key) < ($1.position, $1.field.key) }.map(\.field)
        let yaml = formats[.yaml, default: 0]
        conventions.format = formats[.toml, default: 0] > yaml ? .toml : .yaml
        if plainIndex + languageIndex > 0 { conventions.plainDefaultIndex = plainIndex > languageIndex }
        conventions.usesMoreMarker = moreMarkers * 2 > posts.count
        return conventions
    }

    /// Reads the posts of a site's `posts/` (in every content folder) (the last `sampleLimit` files by path) and
    /// surveys them. Files that cannot be read are left out.
    public static func read(siteDirectory: URL, config: SiteConfig) -> PostConventions {
        let files = ContentScanner(site: siteDirectory, config: config).scan().files.filter { $0.relativePath.hasPrefix("posts/") && $0.kind != .branchBundle }
        let posts = files.suffix(sampleLimit).compactMap { file -> Post? in
            guard let data = FileManager.default.contents(atPath: file.absolutePath) else { return nil }
            return Post(relativePath: file.relativePath, language: file.language, text: SourceFile.decode(data).text)
        }
        return survey(posts, defaultLanguage: config.defaultContentLanguage)
    }
}
