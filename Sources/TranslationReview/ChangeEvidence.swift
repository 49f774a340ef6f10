/// What says when a page last changed.
public enum ChangeEvidence: String, Sendable, Hashable, Codable {
    /// Every language's front matter has `lastmod`.
    case lastmod
    /// The site is in a git work tree: each file's last commit (or its file time when the
    /// work tree has changed it since).
    case git
    /// The files' modification times.
    case fileTime = "file time"
}
