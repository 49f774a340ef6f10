import ContentParsing
import Foundation
import SiteCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `chronicle new post SLUG`: the files of a new draft post, one per site language, in
/// `content/posts/YEAR/SLUG/` (in each language's own content folder when it has one), made from the site's archetype (Hugo's lookup order:
/// `archetypes/posts.md`, `archetypes/default.md`, then the same in `themes/<theme>/`) or from a
/// built-in one that follows the site's existing posts (`PostConventions`).
///
/// `plan` reads and decides everything and writes nothing; `write` creates the files and never
/// replaces one. Paths are relative to the site folder.
public struct PostScaffold: Sendable {
    /// One file to write.
    public struct File: Sendable, Equatable {
        /// Relative to the site folder: `content/posts/2026/my-post/index.de.md`.
        public var path: String
        public var language: String
        public var text: String

        /// The folder the file goes in.
        var folder: String { (path as NSString).deletingLastPathComponent }
    }

    /// What `plan` was asked for.
    public struct Request: Sendable {
        public var slug: String
        /// The post's date; nil for now, in `timeZone`.
        public var date: ContentDate?
        /// The title; nil derives it from the slug (the archetype's `title`, else `My post`).
        public var title: String?
        public var now: Date
        public var timeZone: TimeZone

        public init(slug: String, date: ContentDate? = nil, title: String? = nil, now: Date = Date(), timeZone: TimeZone = .current) {
            self.slug = slug
            self.date = date
            self.title = title
            self.now = now
            self.timeZone = timeZone
        }
    }

    /// The files, default content language first.
    public var files: [File]
    /// The archetype used (`archetypes/posts.md`), nil for the built-in one.
    public var archetype: String?
    /// What the built-in archetype followed (also surveyed when an archetype file was used).
    public var conventions: PostConventions
    /// The post's folder in each content folder it is written to (one, unless languages have
    /// content folders of their own), relative to the site.
    public var folders: [String]

    /// The section new posts go into.
    public static let section = "posts"

    // MARK: - Plan

    /// Decides the files of a new post. Nil (and errors) when the config cannot be read, the
    /// slug is not plain, an archetype cannot be filled, or a file of the post already exists
    /// (`new.exists`): then nothing may be written.
    public static func plan(siteDirectory: URL, request: Request) -> (scaffold: PostScaffold?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if let problem = slugProblem(request.slug) {
            return (nil, [Diagnostic(.error, code: "new.slug", message: problem, location: SourceLocation(path: request.slug))])
        }
        let (readConfig, configDiagnostics) = ConfigReader.read(siteDirectory: siteDirectory)
        diagnostics += configDiagnostics
        guard let config = readConfig, !configDiagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        let date = request.date ?? currentDate(request.now, timeZone: request.timeZone)
        let dateText = DateFormatting.iso8601(date)
        let year = DateFormatting.padded(date.civil.year, 4)
        let roots = ContentRoot.roots(site: siteDirectory, config: config)
        let conventions = PostConventions.read(siteDirectory: siteDirectory, config: config)
        let languages = orderedLanguages(config)
        let plainDefaultIndex = conventions.plainDefaultIndex ?? (languages.count == 1)

        let archetype = findArchetype(siteDirectory: siteDirectory, theme: config.theme)
        var files: [File] = []
        /// Each post folder's language for files named for none (its content folder's).
        var folderLanguages: [String: String?] = [:]
        for language in languages {
            let code = language.language.code
            let isDefault = code == config.defaultContentLanguage
            // The language's content folder: a folder of its own needs no language in the name.
            let root = roots.first { $0.languages.contains(code) } ?? roots[0]
            let ownFolder = root.language == code
            let name = ownFolder || isDefault && plainDefaultIndex ? "index.md" : "index.\(code).md"
            let path = "\(root.displayPrefix)/\(section)/\(year)/\(request.slug)/\(name)"
            var text: String
            if let archetype {
                let context = ArchetypeContext(
                    date: dateText, name: request.slug, section: section,
                    siteTitle: language.language.title ?? config.title, language: code, siteParams: language.params,
                    titleCaseStyle: config.raw["titleCaseStyle"]?.stringValue ?? "ap")
                let (filled, fillDiagnostics) = ArchetypeTemplate.fill(archetype.text, path: archetype.path, context: context)
                guard let filled else {
                    // The same problems for every language: report them once.
                    return (nil, diagnostics + fillDiagnostics)
                }
                text = filled
                if let title = request.title { text = settingTitle(title, in: text) }
            } else {
                text = builtIn(
                    title: request.title ?? ArchetypeTemplate.humanize(request.slug), date: dateText,
                    translationKey: "\(section)/\(year)/\(request.slug)", language: code, conventions: conventions)
            }
            if let problem = frontMatterProblem(text, path: archetype?.path ?? path) {
                return (nil, diagnostics + [problem])
            }
            files.append(File(path: path, language: code, text: text))
            folderLanguages[(path as NSString).deletingLastPathComponent] = root.language
        }

        var folders: [String] = []
        for file in files where !folders.contains(file.folder) { folders.append(file.folder) }
        let existing = folders.flatMap { folder in
            existingFiles(
                files.filter { $0.folder == folder }, folder: folder, folderLanguage: folderLanguages[folder] ?? nil,
                siteDirectory: siteDirectory, config: config)
        }
        guard existing.isEmpty else { return (nil, diagnostics + existing) }
        return (PostScaffold(files: files, archetype: archetype?.path, conventions: conventions, folders: folders), diagnostics)
    }

    /// Why `slug` cannot name a post folder (with the plain form to use instead), or nil.
    public static func slugProblem(_ slug: String) -> String? {
        guard !Slug.isPlain(slug) else { return nil }
        let suggestion = Slug.plain(slug)
        let rule = "a post's slug is lowercase letters (a-z), digits and single hyphens between them"
        return suggestion.isEmpty
            ? "'\(slug)' is not a slug: \(rule)"
            : "'\(slug)' is not a slug: \(rule); did you mean '\(suggestion)'?"
    }

    /// `--date`: an ISO 8601 date or date and time; one without an offset is read in `timeZone`
    /// (the machine's), and a date alone is midnight there.
    public static func date(_ text: String, timeZone: TimeZone = .current) -> ContentDate? {
        let start = Array(text.utf8.prefix(5))
        guard start.count == 5, start[..<4].allSatisfy({ (48...57).contains($0) }), start[4] == UInt8(ascii: "-"),
              let parsed = ContentDate.parse(text)
        else { return nil }
        guard !parsed.hasOffset else { return parsed }
        // Read as UTC by the parser: move it to the same wall clock time in `timeZone`.
        var offset = timeZone.secondsFromGMT(for: parsed.date)
        offset = timeZone.secondsFromGMT(for: parsed.date.addingTimeInterval(-Double(offset)))
        return ContentDate(
            date: parsed.date.addingTimeInterval(-Double(offset)), offsetSeconds: offset, hasOffset: true, text: text)
    }

    /// Now, to the second, with the machine's current UTC offset.
    static func currentDate(_ now: Date, timeZone: TimeZone) -> ContentDate {
        let seconds = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        return ContentDate(date: seconds, offsetSeconds: timeZone.secondsFromGMT(for: now), hasOffset: true, text: "")
    }

    /// The site's languages, the default content language first, then by weight.
    static func orderedLanguages(_ config: SiteConfig) -> [LanguageConfig] {
        let languages = config.languages.isEmpty
            ? [LanguageConfig(language: Language(code: config.defaultContentLanguage), params: config.params, menus: [:])]
            : config.languages
        return languages.filter { $0.language.code == config.defaultContentLanguage }
            + languages.filter { $0.language.code != config.defaultContentLanguage }
    }

    // MARK: - Archetypes

    /// An archetype file: its path for messages (`archetypes/posts.md`) and its text.
    struct ArchetypeFile {
        var path: String
        var text: String
    }

    /// The archetype paths looked at, in Hugo's order, relative to the site folder.
    public static func archetypeCandidates(theme: String?) -> [String] {
        var folders = ["archetypes"]
        if let theme { folders.append("themes/\(theme)/archetypes") }
        return folders.flatMap { ["\($0)/\(section).md", "\($0)/default.md"] }
    }

    static func findArchetype(siteDirectory: URL, theme: String?) -> ArchetypeFile? {
        for path in archetypeCandidates(theme: theme) {
            var isDirectory: ObjCBool = false
            let url = siteDirectory.appending(path: path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            return ArchetypeFile(path: path, text: SourceFile.decode(data).text)
        }
        return nil
    }

    // MARK: - The built-in archetype

    /// The built-in archetype's text for one language: title, date, `draft: true`, the shared
    /// `translationKey`, the fields the site's posts use (empty), and a short body.
    public static func builtIn(
        title: String, date: String, translationKey: String, language: String, conventions: PostConventions
    ) -> String {
        let toml = conventions.format == .toml
        let delimiter = toml ? "+++" : "---"
        func line(_ key: String, _ value: String) -> String { toml ? "\(key) = \(value)\n" : "\(key): \(value)\n" }
        var text = delimiter + "\n"
        text += line("title", quoted(title))
        text += line("date", date)
        text += line("draft", "true")
        text += line("translationKey", quoted(translationKey))
        for field in conventions.fields {
            let key = isBareKey(field.key) ? field.key : quoted(field.key)
            switch field.value {
            case .emptyString: text += line(key, "\"\"")
            case .emptyList: text += line(key, "[]")
            case .bool(let flag): text += line(key, flag ? "true" : "false")
            }
        }
        text += delimiter + "\n\n"
        let german = language.lowercased().hasPrefix("de")
        if conventions.usesMoreMarker {
            text += german
                ? "Die Zusammenfassung: ein, zwei Sätze für die Startseite und die Feeds.\n\n<!--more-->\n\nDer Rest des Beitrags.\n"
                : "The summary: a sentence or two for the home page and the feeds.\n\n<!--more-->\n\nThe rest of the post.\n"
        } else {
            text += german ? "Der Text des Beitrags.\n" : "The text of the post.\n"
        }
        return text
    }

    /// A double-quoted string, as YAML, TOML and JSON all read it.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95 || byte == 45
        }
    }

    // MARK: - --title with an archetype

    /// The archetype's text with its front matter `title` set to `title` (the line replaced,
    /// or added first when there is none).
    public static func settingTitle(_ title: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let open = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return "---\ntitle: \(quoted(title))\n---\n" + text
        }
        let opener = lines[open].trimmingCharacters(in: .whitespaces)
        func key(of line: String, separator: Character) -> String? {
            guard let end = line.firstIndex(of: separator) else { return nil }
            return line[..<end].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
        }
        switch opener {
        case "---", "+++":
            let yaml = opener == "---"
            let close = lines[(open + 1)...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == opener } ?? lines.count
            let newLine = yaml ? "title: \(quoted(title))" : "title = \(quoted(title))"
            var index = open + 1
            while index < close {
                let line = lines[index]
                if !yaml, line.trimmingCharacters(in: .whitespaces).hasPrefix("[") { break }
                let startsIndented = line.first == " " || line.first == "\t"
                if !startsIndented, key(of: line, separator: yaml ? ":" : "=") == "title" {
                    var end = index + 1
                    // A YAML value continued on indented lines goes with it.
                    while yaml, end < close, lines[end].first == " " || lines[end].first == "\t" { end += 1 }
                    lines.replaceSubrange(index..<end, with: [newLine])
                    return lines.joined(separator: "\n")
                }
                index += 1
            }
            lines.insert(newLine, at: open + 1)
            return lines.joined(separator: "\n")
        case _ where opener.hasPrefix("{"):
            for (index, line) in lines.enumerated() where key(of: line, separator: ":") == "title" {
                let indent = line.prefix { $0 == " " || $0 == "\t" }
                let comma = line.trimmingCharacters(in: .whitespaces).hasSuffix(",") ? "," : ""
                lines[index] = "\(indent)\"title\": \(quoted(title))\(comma)"
                return lines.joined(separator: "\n")
            }
            lines.insert("  \"title\": \(quoted(title)),", at: open + 1)
            return lines.joined(separator: "\n")
        default:
            return "---\ntitle: \(quoted(title))\n---\n" + text
        }
    }

    // MARK: - Checks

    /// A front matter that does not parse after filling, as a `new.archetype` error.
    static func frontMatterProblem(_ text: String, path: String) -> Diagnostic? {
        let source = SourceFile(path: path, text: text)
        let (block, splitDiagnostics) = FrontMatterSplitter.split(source)
        if var problem = splitDiagnostics.first(where: { $0.severity == .error }) {
            problem.code = "new.archetype"
            return problem
        }
        let (_, diagnostics) = FrontMatterParser.parse(block, source: source)
        guard var problem = diagnostics.first(where: { $0.severity == .error }) else { return nil }
        problem.code = "new.archetype"
        problem.message = "once filled in, " + problem.message
        return problem
    }

    /// `new.exists` for each planned file already there, and for each other index file of the
    /// folder in one of the post's languages (`index.md` beside a planned `index.en.md`).
    static func existingFiles(
        _ files: [File], folder: String, folderLanguage: String?, siteDirectory: URL, config: SiteConfig
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for file in files {
            var info = stat()
            guard lstat(siteDirectory.appending(path: file.path).path, &info) == 0 else { continue }
            diagnostics.append(Diagnostic(
                .error, code: "new.exists",
                message: "already exists; nothing was written ('new post' never overwrites a file)",
                location: SourceLocation(path: file.path)))
        }
        let planned = Set(files.map { ($0.path as NSString).lastPathComponent })
        let scanner = ContentScanner(site: siteDirectory, config: config)
        let names = (try? manager.contentsOfDirectory(atPath: siteDirectory.appending(path: folder).path)) ?? []
        let languages = Set(files.map(\.language))
        for name in names.sorted() where !planned.contains(name) {
            let isMarkdown = ["md", "markdown"].contains((name as NSString).pathExtension.lowercased())
            guard isMarkdown, ContentScanner.stem(of: name) == "index" else { continue }
            let language = scanner.language(of: name, folderLanguage: folderLanguage)
            guard languages.contains(language) else { continue }
            diagnostics.append(Diagnostic(
                .error, code: "new.exists",
                message: "already holds this post's '\(language)' page; nothing was written ('new post' never overwrites a file)",
                location: SourceLocation(path: "\(folder)/\(name)")))
        }
        return diagnostics
    }

    // MARK: - Write

    /// Creates the folders and the files, none of which may exist (`O_EXCL`: a file made in the
    /// meantime is not replaced either). On any failure the files and folders made so far are
    /// removed again and the error is returned.
    public func write(siteDirectory: URL) -> [Diagnostic] {
        let manager = FileManager.default
        var madeFolders: [URL] = []
        func undo(_ written: [URL]) {
            for url in written { try? manager.removeItem(at: url) }
            for url in madeFolders { try? manager.removeItem(at: url) }
        }
        for folder in folders {
            let folderURL = siteDirectory.appending(path: folder)
            let folderExisted = manager.fileExists(atPath: folderURL.path)
            do {
                try manager.createDirectory(at: folderURL, withIntermediateDirectories: true)
                if !folderExisted { madeFolders.append(folderURL) }
            } catch {
                undo([])
                return [Diagnostic(
                    .error, code: "new.write", message: "cannot create the folder: \((error as NSError).localizedDescription)",
                    location: SourceLocation(path: folder))]
            }
        }
        var written: [URL] = []
        for file in files {
            let url = siteDirectory.appending(path: file.path)
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            var failure: (code: String, message: String)?
            if descriptor < 0 {
                failure = errno == EEXIST
                    ? ("new.exists", "already exists; nothing was written ('new post' never overwrites a file)")
                    : ("new.write", "cannot create the file: \(String(cString: strerror(errno))); nothing was written")
            } else {
                written.append(url)
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                do {
                    try handle.write(contentsOf: Data(file.text.utf8))
                    try handle.close()
                } catch {
                    failure = ("new.write", "cannot write the file: \((error as NSError).localizedDescription); nothing was written")
                }
            }
            if let failure {
                undo(written)
                return [Diagnostic(.error, code: failure.code, message: failure.message, location: SourceLocation(path: file.path))]
            }
        }
        return []
    }
}
