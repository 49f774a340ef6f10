extension AdmonitionType {
    /// The type's small icon for the admonition's title: an inline SVG drawn in the text colour
    /// (`currentColor`), hidden from screen readers (the title says the same).
    var icon: String {
        "<svg class=\"admonition-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\""
            + " fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
            + iconShapes + "</svg>"
    }

    /// The icon's shapes on a 24×24 grid.
    var iconShapes: String {
        switch self {
        case .note:  // a pencil
            "<path d=\"M4 20h4L19 9l-4-4L4 16z\"/><path d=\"M13 7l4 4\"/>"
        case .abstract:  // a list
            "<path d=\"M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01\"/>"
        case .info:  // an i in a circle
            "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M12 11v6M12 7.5h.01\"/>"
        case .tip:  // a light bulb
            "<path d=\"M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.8.8 1 1.5 1 2.5h6c0-1 .2-1.7 1-2.5A6 6 0 0 0 12 3z\"/>"
        case .success:  // a check mark
            "<path d=\"M4 12l5 5L20 6\"/>"
        case .question:  // a question mark in a circle
            "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.7M12 17h.01\"/>"
        case .warning:  // a triangle with an exclamation mark
            "<path d=\"M12 3L2 20h20z\"/><path d=\"M12 10v4M12 17h.01\"/>"
        case .failure:  // a cross
            "<path d=\"M6 6l12 12M18 6L6 18\"/>"
        case .danger:  // a lightning bolt
            "<path d=\"M13 2L4 14h7l-1 8 9-12h-7z\"/>"
        case .bug:  // a beetle
            "<rect x=\"8\" y=\"7\" width=\"8\" height=\"13\" rx=\"4\"/><path d=\"M12 11v9M3 13h5M16 13h5M4 8l4 2M20 8l-4 2M4 19l4-2M20 19l-4-2M10 7L9 4M14 7l1-3\"/>"
        case .example:  // a flask
            "<path d=\"M9 3h6M10 3v6l-6 10a1.5 1.5 0 0 0 1.3 2h13.4a1.5 1.5 0 0 0 1.3-2L14 9V3M7 15h10\"/>"
        case .quote:  // quotation marks
            "<path d=\"M4 11h5v6H4zM4 11c0-3 2-5 5-5M15 11h5v6h-5zM15 11c0-3 2-5 5-5\"/>"
        }
    }
}
