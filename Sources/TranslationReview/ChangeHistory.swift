import ContentParsing
import Foundation
import SiteBuilder

/// Where the times of the evidence after `lastmod` come from: git, else the files. Tests
/// make one with the times they need.
public struct ChangeHistory: Sendable {
    /// When the site is in a git work tree: each file's last change by its path relative to
    /// the site folder (`content/posts/a/index.en.md`): the time of the last commit that
    /// touched it, or its modification time when the work tree changed it since (modified,
    /// added, untracked). nil when the site is not in a git work tree (or git is missing).
    public var git: [String: Date]?
    /// The modification time of a file, by absolute path.
    public var fileTime: @Sendable (String) -> Date?

    public init(git: [String: Date]? = nil, fileTime: @escaping @Sendable (String) -> Date? = ChangeHistory.modificationDate) {
        self.git = git
        self.fileTime = fileTime
    }

    /// The history of the site in `site`: git's when it is in a work tree (one `git log` for
    /// the whole content folder, or each language's, and one `git status`), else the files'
    /// times.
    public static func read(site: URL, config: SiteConfig) -> ChangeHistory {
        let folders = ContentRoot.roots(site: site, config: config).map(\.displayPrefix)
        return ChangeHistory(git: GitLog.changes(site: site, folders: folders))
    }

    /// A file's modification time.
    @Sendable public static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
