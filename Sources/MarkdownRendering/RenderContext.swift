import ContentParsing

/// What a body render needs from the site: the page's language, localized admonition titles, a
/// resolver for `ref`/`relref`, and the theme's shortcodes.
public struct RenderContext: Sendable {
    /// The page's language code (`de`).
    public var language: String
    /// Canonical admonition type (`warning`) -> the default title in the page's language.
    public var admonitionTitle: @Sendable (String) -> String
    /// A content path (`posts/2024/a/index.md`, `/posts/a`) -> its URL, absolute when asked
    /// (`ref`) and site-relative otherwise (`relref`); `language` is the `lang=` argument.
    /// nil when there is no such page. The target comes without its `#anchor`: the renderer
    /// appends that itself.
    public var resolveReference: @Sendable (_ target: String, _ language: String?, _ absolute: Bool) -> String?
    /// A shortcode that is not built in -> its HTML, or nil when the theme has none.
    /// `innerHTML` is nil without a closing tag; for `{{% %}}` it is the inner content rendered as
    /// Markdown (a single paragraph without its `<p>`, as `markdownify` gives it), for `{{< >}}`
    /// the inner content as written with nested shortcodes expanded (Hugo's `.Inner`).
    public var themeShortcode: @Sendable (_ call: ShortcodeCall, _ innerHTML: String?, _ context: RenderContext) -> String?
    /// Built-in shortcode names the theme (or the site's own `layouts/shortcodes/`) overrides.
    /// These win over the built-ins on pages, as a site's own shortcodes do in Hugo; feeds keep
    /// the built-ins' plain forms. Other names always go to `themeShortcode`.
    public var themeShortcodeNames: Set<String>
    /// The scheme of a link that must not be written (`javascript:`…, see
    /// `URLPaths.unsafeScheme`, which the site build passes), nil for any other link. Built-in
    /// shortcodes leave such links out with an error. Without it every link is written.
    public var unsafeLinkScheme: @Sendable (String) -> String?
    /// A string of the theme's in the page's language (`video.note`), nil when the theme has
    /// none (the renderer then uses its own English or German text).
    public var themeText: @Sendable (String) -> String?
    /// The pixel size of an image the page shows, by its `src` as written (`cow.png` next to
    /// the page, `/images/cow.png` under `static/`); nil for remote or unreadable images.
    public var imageSize: @Sendable (String) -> ImageSize?

    public init(
        language: String,
        admonitionTitle: @escaping @Sendable (String) -> String = AdmonitionType.englishTitle(for:),
        resolveReference: @escaping @Sendable (_ target: String, _ language: String?, _ absolute: Bool) -> String? = { _, _, _ in nil },
        themeShortcode: @escaping @Sendable (_ call: ShortcodeCall, _ innerHTML: String?, _ context: RenderContext) -> String? = { _, _, _ in nil },
        themeShortcodeNames: Set<String> = [],
        unsafeLinkScheme: @escaping @Sendable (String) -> String? = { _ in nil },
        themeText: @escaping @Sendable (String) -> String? = { _ in nil },
        imageSize: @escaping @Sendable (String) -> ImageSize? = { _ in nil }
    ) {
        self.themeText = themeText
        self.imageSize = imageSize
        self.unsafeLinkScheme = unsafeLinkScheme
        self.language = language
        self.admonitionTitle = admonitionTitle
        self.resolveReference = resolveReference
        self.themeShortcode = themeShortcode
        self.themeShortcodeNames = themeShortcodeNames
    }
}
