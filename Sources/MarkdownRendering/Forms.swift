/// One piece of rendered HTML in both of its forms: as the page shows it, and as feeds show it
/// (admonitions as plain block quotes, videos as links, images without lazy loading). Most
/// HTML is the same in both; only shortcodes make them differ.
struct Forms {
    var page: String
    var feed: String
    /// Inline HTML (an image): a paragraph with nothing else in it stays a paragraph, where a
    /// shortcode's block HTML replaces it.
    var isInline = false

    init(page: String, feed: String) {
        self.page = page
        self.feed = feed
    }

    /// The same HTML in both forms.
    init(_ both: String) {
        page = both
        feed = both
    }

    static let empty = Forms("")

    var isSame: Bool { page == feed }
}
