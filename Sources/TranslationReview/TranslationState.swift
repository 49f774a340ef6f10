/// Where a translation group stands.
public enum TranslationState: String, Sendable, Hashable, Codable {
    /// Every configured language has the page, and none changed after another.
    case complete
    /// At least one configured language has no page.
    case missing
    /// Every language has the page, but one changed later than another.
    case stale
}
