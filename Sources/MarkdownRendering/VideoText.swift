/// The words around an embedded video, in the page's language: the theme's `video.title` and
/// `video.note` strings, else Chronicle's own English or German ones.
struct VideoText {
    /// The link's text when the shortcode has no `title`.
    var title: String
    /// What a click does, and what it tells YouTube.
    var note: String

    init(context: RenderContext) {
        let german = context.language.lowercased().hasPrefix("de")
        title = context.themeText("video.title") ?? (german ? "YouTube-Video" : "YouTube video")
        note = context.themeText("video.note") ?? (german
            ? "Lädt das Video von YouTube (youtube-nocookie.com); YouTube erhält dabei Ihre IP-Adresse."
            : "Loads the video from YouTube (youtube-nocookie.com); YouTube receives your IP address.")
    }
}
