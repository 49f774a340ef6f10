import Foundation

/// Chronicle's default theme, embedded from `themes/default` when the package is built.
public enum DefaultTheme {
    /// Every file of the theme, keyed by its path inside the theme folder
    /// (`layouts/single.mustache`, `i18n/de.toml`, `assets/style.css`, …).
    public static let files: [String: Data] = embeddedThemeFiles.compactMapValues {
        Data(base64Encoded: $0)
    }

    /// The text of one theme file, if the theme has it.
    public static func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
