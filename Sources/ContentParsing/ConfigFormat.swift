/// The language a config file (or a front matter block) is written in.
public enum ConfigFormat: String, Sendable, Hashable, CaseIterable {
    case toml
    case yaml
    case json

    /// The name people know the format by, for messages.
    public var displayName: String {
        switch self {
        case .toml: "TOML"
        case .yaml: "YAML"
        case .json: "JSON"
        }
    }

    /// The format of a file name's extension (`config.yml` -> `.yaml`), nil for other files.
    public init?(fileName: String) {
        switch fileName.split(separator: ".").last?.lowercased() {
        case "toml": self = .toml
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }
}
