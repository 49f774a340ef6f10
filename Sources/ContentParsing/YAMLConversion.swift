import Foundation
import SiteCore
import Yams

/// YAML text to `ParamValue` through `Yams.compose`, so timestamps stay text with the written
/// offset (Yams' `Date` would drop it). YAML 1.1 `yes`/`no`/`on`/`off` are booleans; quoted
/// scalars are always strings.
enum YAMLConversion {
    static func parse(_ text: String) throws(StructuredDataError) -> StructuredData {
        // Most front matter is flat `key: value` lines: read without Yams (same result).
        if let simple = SimpleYAML.parse(text) { return simple }
        return try parseWithYams(text)
    }

    /// The text through Yams, whatever it holds.
    static func parseWithYams(_ text: String) throws(StructuredDataError) -> StructuredData {
        // Yams resolves every plain scalar's type by trying up to seven regular expressions in
        // turn (a tenth of a site build). Front matter without `!` has no explicit tags, so
        // Yams' basic resolver (no expressions) is used and `YAMLScalarKind` types the plain
        // scalars by the same rules, written out; with a `!`, Yams does it all as before.
        let fast = !text.utf8.contains(UInt8(ascii: "!"))
        let root: Node?
        do {
            // UTF-8 named: Yams' default encoding reads the whole environment on every call.
            root = try Yams.compose(yaml: text, fast ? .basic : .default, .default, .utf8)
        } catch let error as YamlError {
            throw convert(error)
        } catch {
            throw StructuredDataError(message: "\(error)", line: 1, column: 1)
        }
        guard let root else { return StructuredData(value: .table([:]), keyLines: [:]) }
        guard case .mapping(let mapping) = root else {
            if case .scalar(let scalar) = root, scalar.style == .plain, kind(root) == .null {
                return StructuredData(value: .table([:]), keyLines: [:])
            }
            throw StructuredDataError(
                message: "expected 'key: value' lines, found \(value(root).kindDescription)",
                line: root.mark?.line ?? 1, column: root.mark?.column ?? 1)
        }
        var keyLines: [String: Int] = [:]
        for (key, _) in mapping {
            if let name = key.scalar?.string, let line = key.mark?.line, keyLines[name] == nil {
                keyLines[name] = line
            }
        }
        return StructuredData(value: value(root), keyLines: keyLines)
    }

    static func value(_ node: Node) -> ParamValue {
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, node: node)
        case .sequence(let sequence):
            return .array(sequence.map(value))
        case .mapping(let mapping):
            var table: [String: ParamValue] = [:]
            var merged: [String: ParamValue] = [:]
            for (key, item) in mapping {
                if key.scalar?.style == .plain, kind(key) == .merge {
                    // `<<: *base` or `<<: [*a, *b]`: the merged keys lose to the mapping's own.
                    let sources = item.sequence.map(Array.init) ?? [item]
                    for source in sources.reversed() {
                        if case .table(let extra) = value(source) {
                            merged.merge(extra) { _, new in new }
                        }
                    }
                    continue
                }
                table[keyText(key)] = value(item)
            }
            return .table(merged.merging(table) { _, own in own })
        case .alias:
            return .null
        }
    }

    private static func keyText(_ key: Node) -> String {
        switch key {
        case .scalar(let scalar): scalar.string
        default: "\(value(key).anyValue)"
        }
    }

    /// A node's type: from its tag, or, for a plain scalar that the basic resolver left a
    /// string, by the default resolver's rules (`YAMLScalarKind`).
    private static func kind(_ node: Node) -> YAMLScalarKind {
        let tag = node.tag.rawValue
        if tag == Tag.Name.str.rawValue, let scalar = node.scalar, scalar.style == .plain {
            return YAMLScalarKind(scalar.string)
        }
        switch tag {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return .bool
        case Tag.Name.int.rawValue: return .int
        case Tag.Name.float.rawValue: return .float
        case Tag.Name.merge.rawValue: return .merge
        default: return .string
        }
    }

    private static func scalarValue(_ scalar: Node.Scalar, node: Node) -> ParamValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch kind(node) {
        case .null:
            return .null
        case .bool:
            return YAMLScalarKind.boolValue(text).map(ParamValue.bool) ?? .string(text)
        case .int:
            // Sexagesimal `1:30` is an int in YAML 1.1; nobody means that in front matter.
            guard !text.contains(":"), let number = node.int else { return .string(text) }
            return .int(number)
        case .float:
            guard !text.contains(":"), let number = node.float else { return .string(text) }
            return .double(number)
        case .merge, .string:
            // Timestamps stay as written; everything else is a string.
            return .string(text)
        }
    }

    private static func convert(_ error: YamlError) -> StructuredDataError {
        func make(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> StructuredDataError {
            StructuredDataError(
                message: problem, line: mark.line, column: mark.column,
                context: context.flatMap { $0.text.isEmpty ? nil : ($0.text, $0.mark.line, $0.mark.column) })
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return make(context, problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return StructuredDataError(
                message: "duplicate key \(names)", line: max(context.mark.line, 1),
                column: max(context.mark.column, 1))
        case .reader(let problem, _, _, _):
            return StructuredDataError(message: problem, line: 1, column: 1)
        default:
            return StructuredDataError(message: "\(error)", line: 1, column: 1)
        }
    }
}
