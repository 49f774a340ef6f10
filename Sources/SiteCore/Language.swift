/// A site language from `[languages.xx]`, ordered by weight.
public struct Language: Sendable, Hashable {
    public var code: String
    public var name: String
    public var weight: Int
    public var title: String?
    public var languageCode: String?

    public init(code: String, name: String? = nil, weight: Int = 0, title: String? = nil, languageCode: String? = nil) {
        self.code = code
        self.name = name ?? code
        self.weight = weight
        self.title = title
        self.languageCode = languageCode
    }
}
