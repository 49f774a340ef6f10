/// A language of a group that is behind: another language changed later.
public struct Staleness: Sendable, Hashable {
    /// The language that is behind.
    public var language: String
    /// Its file (`content/posts/2024/a/index.de.md`).
    public var path: String
    /// When it last changed.
    public var changed: ChangeTime
    /// The language that changed last.
    public var newerLanguage: String
    public var newerChanged: ChangeTime
    /// `English changed 2024-05-02 after Deutsch 2024-04-01 (lastmod)`.
    public var message: String

    init(language: String, path: String, changed: ChangeTime, newerLanguage: String, newerChanged: ChangeTime, names: [String: String]) {
        self.language = language
        self.path = path
        self.changed = changed
        self.newerLanguage = newerLanguage
        self.newerChanged = newerChanged
        // The day, and the time when both are on the same day.
        let sameDay = changed.formatted() == newerChanged.formatted()
        message = "\(names[newerLanguage] ?? newerLanguage) changed \(newerChanged.formatted(withTime: sameDay)) after "
            + "\(names[language] ?? language) \(changed.formatted(withTime: sameDay)) (\(changed.evidence.rawValue))"
    }
}
