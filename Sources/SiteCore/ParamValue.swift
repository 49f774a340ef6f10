/// A value read from front matter or the site config, in the order the author wrote it.
/// Dates stay text (`"2024-01-17T11:19:02+02:00"`) so the written offset is never lost.
public enum ParamValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([ParamValue])
    case table([String: ParamValue])
    case null

    public subscript(key: String) -> ParamValue? {
        if case .table(let table) = self {
            if let exact = table[key] { return exact }
            // Hugo reads config and front matter keys case-insensitively.
            let lower = key.lowercased()
            return table.first { $0.key.lowercased() == lower }?.value
        }
        return nil
    }

    /// Follows a dotted path: `value["home.posts.paginate"]`.
    public func lookup(_ dottedPath: String) -> ParamValue? {
        var current: ParamValue? = self
        for part in dottedPath.split(separator: ".") {
            current = current?[String(part)]
        }
        return current
    }

    public var stringValue: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .int(let number): number
        case .double(let number): Int(exactly: number.rounded()) ?? nil
        case .string(let text): Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string(let text):
            switch text.lowercased() {
            case "true": true
            case "false": false
            default: nil
            }
        default: nil
        }
    }

    public var arrayValue: [ParamValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var tableValue: [String: ParamValue]? {
        if case .table(let table) = self { return table }
        return nil
    }

    /// A list of strings: an array of scalars, or one scalar as a list of one.
    public var stringList: [String]? {
        switch self {
        case .array(let items): items.compactMap(\.stringValue)
        case .string(let text): [text]
        default: nil
        }
    }

    /// A plain Swift value for template engines: String, Int, Double, Bool, arrays, dictionaries.
    public var anyValue: Any {
        switch self {
        case .string(let text): text
        case .int(let number): number
        case .double(let number): number
        case .bool(let flag): flag
        case .array(let items): items.map(\.anyValue)
        case .table(let table): table.mapValues(\.anyValue)
        case .null: ""
        }
    }

    /// Merges two tables, `other` winning on conflicts, recursively.
    public func merged(with other: ParamValue) -> ParamValue {
        guard case .table(var base) = self, case .table(let overlay) = other else { return other }
        for (key, value) in overlay {
            base[key] = base[key].map { $0.merged(with: value) } ?? value
        }
        return .table(base)
    }
}

import Foundation
