/// An image's size in pixels, as its file header gives it (the `width`/`height` of an `<img>`,
/// so the browser reserves the space before the image arrives).
public struct ImageSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// ` width="W" height="H"`, for an `<img>` tag.
    var attributes: String { " width=\"\(width)\" height=\"\(height)\"" }
}
