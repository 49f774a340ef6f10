/// The type YAML 1.1 gives a plain scalar, by the rules of Yams' default resolver (its regular
/// expressions for bool, int, float, merge and null, tried in that order), written out so
/// that no expression runs per scalar. Timestamps and everything else are strings here: front
/// matter keeps dates as written. `YAMLScalarKindTests` checks every rule against Yams.
enum YAMLScalarKind: Equatable {
    case null, bool, int, float, merge, string

    init(_ text: String) {
        let bytes = Array(text.utf8)
        if Self.isBool(text) {
            self = .bool
        } else if Self.isInt(bytes) {
            self = .int
        } else if Self.isFloat(bytes) {
            self = .float
        } else if text == "<<" {
            self = .merge
        } else if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" {
            self = .null
        } else {
            self = .string
        }
    }

    private static let bools: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    private static func isBool(_ text: String) -> Bool {
        text.utf8.count <= 5 && bools.contains(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// One or more bytes from `index` on, all passing `allowed`, to the end.
    private static func allRest(_ bytes: [UInt8], from index: Int, _ allowed: (UInt8) -> Bool) -> Bool {
        index < bytes.count && bytes[index...].allSatisfy(allowed)
    }

    /// Whether `bytes` is exactly `(?::[0-5]?[0-9])+`: one or more groups of `:` and one digit,
    /// or two digits the first of which is 0-5. (`:` ends every group, so there is nothing to
    /// backtrack over.)
    private static func isSexagesimalGroups(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: ":") else { return false }
        return bytes.dropFirst().split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).allSatisfy { group in
            switch group.count {
            case 1: isDigit(group[group.startIndex])
            case 2: group[group.startIndex] >= 0x30 && group[group.startIndex] <= 0x35 && isDigit(group[group.startIndex + 1])
            default: false
            }
        }
    }

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ |
    /// [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    static func isInt(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        guard index < bytes.count else { return false }
        let underscore = UInt8(ascii: "_")
        if bytes[index] == UInt8(ascii: "0") {
            if bytes.count == index + 1 { return true }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "b"), allRest(bytes, from: index + 2, { $0 == 0x30 || $0 == 0x31 || $0 == underscore }) { return true }
            if next == UInt8(ascii: "x"), allRest(bytes, from: index + 2, {
                isDigit($0) || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66 || $0 == underscore
            }) { return true }
            let octalStart = next == UInt8(ascii: "o") ? index + 2 : index + 1
            return allRest(bytes, from: octalStart) { ($0 >= 0x30 && $0 <= 0x37) || $0 == underscore }
        }
        guard bytes[index] >= 0x31, bytes[index] <= 0x39 else { return false }
        var cursor = index + 1
        while cursor < bytes.count, isDigit(bytes[cursor]) || bytes[cursor] == underscore { cursor += 1 }
        // `[0-9_]*` ends at the first `:`, where the sexagesimal groups must take the rest.
        return cursor == bytes.count || isSexagesimalGroups(bytes[cursor...])
    }

    /// `[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)? |
    /// [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    static func isFloat(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, isDigit(first) || first == UInt8(ascii: ".") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "+") else { return false }
        let underscore = UInt8(ascii: "_"), dot = UInt8(ascii: ".")
        let text = String(decoding: bytes, as: UTF8.self)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var index = 0
        let signed = bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+")
        if signed { index = 1 }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        if [".inf", ".Inf", ".INF"].contains(rest) { return true }
        guard index < bytes.count else { return false }
        if bytes[index] == dot {
            // `\.[0-9_]+(?:[eE][-+][0-9]+)?`, unsigned only.
            guard !signed else { return false }
            var cursor = index + 1
            let digits = cursor
            while cursor < bytes.count, isDigit(bytes[cursor]) || bytes[cursor] == underscore { cursor += 1 }
            guard cursor > digits else { return false }
            if cursor == bytes.count { return true }
            guard bytes[cursor] | 0x20 == UInt8(ascii: "e"), cursor + 1 < bytes.count,
                  bytes[cursor + 1] == UInt8(ascii: "-") || bytes[cursor + 1] == UInt8(ascii: "+") else { return false }
            return allRest(bytes, from: cursor + 2, isDigit)
        }
        guard isDigit(bytes[index]) else { return false }
        var cursor = index + 1
        while cursor < bytes.count, isDigit(bytes[cursor]) || bytes[cursor] == underscore { cursor += 1 }
        if cursor == bytes.count { return true }
        if bytes[cursor] == UInt8(ascii: ":") {
            // `(?::[0-5]?[0-9])+\.[0-9_]*`: the groups run to the first `.`.
            guard let point = bytes[cursor...].firstIndex(of: dot) else { return false }
            return isSexagesimalGroups(bytes[cursor..<point])
                && bytes[(point + 1)...].allSatisfy { isDigit($0) || $0 == underscore }
        }
        if bytes[cursor] == dot {
            cursor += 1
            while cursor < bytes.count, isDigit(bytes[cursor]) || bytes[cursor] == underscore { cursor += 1 }
            if cursor == bytes.count { return true }
        }
        guard bytes[cursor] | 0x20 == UInt8(ascii: "e") else { return false }
        cursor += 1
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") { cursor += 1 }
        return allRest(bytes, from: cursor, isDigit)
    }

    /// The value of a plain `.bool` scalar, as Yams' `Bool.construct` reads it.
    static func boolValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }
}
