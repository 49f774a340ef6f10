import Foundation
import SiteCore

/// What the template actions of an archetype can refer to, for one language's file.
public struct ArchetypeContext: Sendable {
    /// `.Date`: the post's date, RFC 3339 (`2026-12-04T10:15:00+01:00`).
    public var date: String
    /// `.Name`, `.File.ContentBaseName`: the post's folder name (its slug).
    public var name: String
    /// `.Section`, `.Type`: the section the post goes into (`posts`).
    public var section: String
    /// `.Site.Title`: the language's site title.
    public var siteTitle: String
    /// `.Site.Language.Lang`: the language code of the file being made.
    public var language: String
    /// `.Site.Params.KEY`: the site params as merged for the language.
    public var siteParams: ParamValue
    /// Hugo's `titleCaseStyle` for the `title` function (`ap`, `chicago`, `go`, `firstupper`,
    /// `none`); Hugo's default is `ap`.
    public var titleCaseStyle: String

    public init(
        date: String, name: String, section: String = "posts", siteTitle: String = "", language: String = "en",
        siteParams: ParamValue = .table([:]), titleCaseStyle: String = "ap"
    ) {
        self.date = date
        self.name = name
        self.section = section
        self.siteTitle = siteTitle
        self.language = language
        self.siteParams = siteParams
        self.titleCaseStyle = titleCaseStyle
    }
}

/// Fills the Go template actions of a Hugo archetype, as far as plain archetypes use them.
///
/// Supported: the fields of `ArchetypeContext` (`{{ .Date }}`, `{{ .Name }}`,
/// `{{ .File.ContentBaseName }}`, `{{ .Section }}`, `{{ .Type }}`, `{{ .Site.Title }}`,
/// `{{ .Site.Language.Lang }}`, `{{ .Site.Params.KEY }}`, empty when the site has no such param,
/// as in Hugo), string literals (`"…"`, `` `…` ``),
/// pipelines and parentheses, the functions `replace` (`strings.Replace`), `title`
/// (`strings.Title`), `humanize`, `lower` (`strings.ToLower`) and `upper` (`strings.ToUpper`),
/// comments `{{/* … */}}` and the trim markers `{{-` and `-}}`. Anything else (`if`, `range`,
/// variables, other fields and functions) is an error at its line and column: the archetype is
/// never written out half filled.
public enum ArchetypeTemplate {
    /// Fields an archetype may use, for messages.
    public static let fieldNames = [
        ".Date", ".Name", ".File.ContentBaseName", ".Section", ".Type", ".Site.Title", ".Site.Language.Lang",
        ".Site.Params.KEY",
    ]
    /// Functions an archetype may use, for messages.
    public static let functionNames = ["replace", "title", "humanize", "lower", "upper"]

    /// The filled text, or nil and a `new.archetype` error for each action that cannot be filled.
    public static func fill(_ text: String, path: String, context: ArchetypeContext) -> (text: String?, diagnostics: [Diagnostic]) {
        var filler = Filler(bytes: Array(text.utf8), context: context)
        filler.run()
        guard !filler.errors.isEmpty else { return (String(decoding: filler.output, as: UTF8.self), []) }
        let lines = LineIndex(text)
        let diagnostics = filler.errors.map { error in
            lines.diagnostic(.error, code: "new.archetype", message: error.message, path: path, offset: error.offset)
        }
        return (nil, diagnostics)
    }

    // MARK: - Title case

    /// Words AP and Chicago style leave in lower case inside a title.
    static let smallWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "for", "if", "in", "nor", "of", "off", "on", "or", "per", "so",
        "the", "to", "up", "via", "vs", "yet",
    ]

    /// Hugo's `title` in a `titleCaseStyle`: `ap`/`chicago` capitalize every word but small
    /// ones inside the title, `go` every word, `firstupper` the first letter, `none` nothing.
    public static func titleCase(_ text: String, style: String) -> String {
        switch style.lowercased() {
        case "none":
            return text
        case "firstupper":
            return capitalizedFirst(text)
        case "go":
            return text.split(separator: " ", omittingEmptySubsequences: false)
                .map { capitalizedFirst(String($0)) }.joined(separator: " ")
        default:
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let lastWord = words.lastIndex { !$0.isEmpty } ?? 0
            let firstWord = words.firstIndex { !$0.isEmpty } ?? 0
            return words.enumerated().map { index, word in
                if index != firstWord, index != lastWord, smallWords.contains(word.lowercased()) { return word.lowercased() }
                return capitalizedFirst(word)
            }.joined(separator: " ")
        }
    }

    /// Hugo's `humanize` of a name: hyphens and underscores as spaces, the first letter upper
    /// case (`my-first-post` -> `My first post`).
    public static func humanize(_ text: String) -> String {
        let spaced = String(text.map { $0 == "-" || $0 == "_" ? " " : $0 })
        return capitalizedFirst(spaced.trimmingCharacters(in: .whitespaces))
    }

    static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// One template problem: what it is and where (a UTF-8 offset into the archetype).
private struct TemplateError: Error {
    var message: String
    var offset: Int
}

/// Walks the archetype's bytes once, copying text and filling each action.
private struct Filler {
    let bytes: [UInt8]
    let context: ArchetypeContext
    var output: [UInt8] = []
    var errors: [TemplateError] = []

    init(bytes: [UInt8], context: ArchetypeContext) {
        self.bytes = bytes
        self.context = context
        output.reserveCapacity(bytes.count + 64)
    }

    mutating func run() {
        var index = 0
        var trimNextText = false
        while index < bytes.count {
            let open = find([0x7B, 0x7B], from: index) ?? bytes.count
            var text = bytes[index..<open]
            if trimNextText {
                while let first = text.first, Self.isSpace(first) { text = text.dropFirst() }
            }
            output += text
            guard open < bytes.count else { break }
            var lexer = Lexer(bytes: bytes, index: open + 2, actionStart: open)
            if lexer.takeTrimMarker() {
                while let last = output.last, Self.isSpace(last) { output.removeLast() }
            }
            do {
                let action = try lexer.action()
                if let pipeline = action.pipeline {
                    output += Array(try evaluate(pipeline).utf8)
                }
                trimNextText = action.trimAfter
                index = action.end
            } catch let error as TemplateError {
                errors.append(error)
                trimNextText = false
                // Go on after this action (or stop at an action that never closes).
                guard let close = find([0x7D, 0x7D], from: open + 2) else { return }
                index = close + 2
            } catch {
                return
            }
        }
    }

    func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index + 1] == pattern[1] { return index }
            index += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    // MARK: Evaluation

    func evaluate(_ pipeline: Pipeline) throws -> String {
        var value: String?
        for (position, command) in pipeline.commands.enumerated() {
            switch command.head {
            case .function(let name, let offset):
                try checkSupported(name, offset: offset)
                var arguments = try command.arguments.map(evaluate)
                if let value { arguments.append(value) }
                value = try call(name, arguments, offset: offset)
            case let head:
                guard command.arguments.isEmpty else {
                    throw TemplateError(message: "\(head.display) takes no arguments", offset: command.arguments[0].offset)
                }
                guard position == 0 else {
                    throw TemplateError(
                        message: "only a function can follow '|' in a pipeline, not \(head.display)", offset: head.offset)
                }
                value = try evaluate(head)
            }
        }
        return value ?? ""
    }

    func evaluate(_ operand: Operand) throws -> String {
        switch operand {
        case .string(let text, _): return text
        case .field(let path, let offset): return try field(path, offset: offset)
        case .group(let pipeline, _): return try evaluate(pipeline)
        case .function(let name, let offset):
            // A function as an argument is called with no arguments (Go's rule).
            try checkSupported(name, offset: offset)
            return try call(name, [], offset: offset)
        }
    }

    func field(_ path: [String], offset: Int) throws -> String {
        let joined = "." + path.joined(separator: ".")
        switch joined {
        case ".Date": return context.date
        case ".Name", ".File.ContentBaseName": return context.name
        case ".Section", ".Type": return context.section
        case ".Site.Title": return context.siteTitle
        case ".Site.Language.Lang": return context.language
        default:
            if path.count >= 3, path[0] == "Site", path[1] == "Params" {
                let key = path[2...].joined(separator: ".")
                // A param the site does not have prints nothing, as in Hugo.
                guard let value = context.siteParams.lookup(key) else { return "" }
                guard let text = value.stringValue else {
                    throw TemplateError(message: "\(joined) is not a string, number or boolean", offset: offset)
                }
                return text
            }
            throw TemplateError(
                message: "unsupported field \(joined) in an archetype; supported: "
                    + ArchetypeTemplate.fieldNames.joined(separator: ", "),
                offset: offset)
        }
    }

    func call(_ name: String, _ arguments: [String], offset: Int) throws -> String {
        func expect(_ count: Int) throws {
            guard arguments.count == count else {
                throw TemplateError(
                    message: "'\(name)' takes \(count) argument\(count == 1 ? "" : "s"), not \(arguments.count)",
                    offset: offset)
            }
        }
        switch name {
        case "replace", "strings.Replace":
            try expect(3)
            guard !arguments[1].isEmpty else { return arguments[0] }
            return arguments[0].replacingOccurrences(of: arguments[1], with: arguments[2])
        case "title", "strings.Title":
            try expect(1)
            return ArchetypeTemplate.titleCase(arguments[0], style: context.titleCaseStyle)
        case "humanize", "inflect.Humanize":
            try expect(1)
            return ArchetypeTemplate.humanize(arguments[0])
        case "lower", "strings.ToLower":
            try expect(1)
            return arguments[0].lowercased()
        case "upper", "strings.ToUpper":
            try expect(1)
            return arguments[0].uppercased()
        default:
            try checkSupported(name, offset: offset)
            return ""
        }
    }

    static let functions: Set<String> = [
        "replace", "strings.Replace", "title", "strings.Title", "humanize", "inflect.Humanize", "lower", "strings.ToLower",
        "upper", "strings.ToUpper",
    ]

    /// An error for a keyword or function outside the supported set.
    func checkSupported(_ name: String, offset: Int) throws {
        guard !Self.functions.contains(name) else { return }
        if ["if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"].contains(name) {
            throw TemplateError(
                message: "'\(name)' is not supported in an archetype: only plain fields and functions are filled in",
                offset: offset)
        }
        throw TemplateError(
            message: "unsupported function '\(name)' in an archetype; supported: "
                + ArchetypeTemplate.functionNames.joined(separator: ", "),
            offset: offset)
    }
}

// MARK: - Syntax

/// `a | b c | d`: commands joined by pipes.
private struct Pipeline {
    var commands: [Command]
}

/// One command of a pipeline: a function and its arguments, or a single value.
private struct Command {
    var head: Operand
    var arguments: [Operand]
}

private indirect enum Operand {
    case string(String, offset: Int)
    /// `.Site.Title` as `["Site", "Title"]`.
    case field([String], offset: Int)
    case function(String, offset: Int)
    case group(Pipeline, offset: Int)

    var offset: Int {
        switch self {
        case .string(_, let offset), .field(_, let offset), .function(_, let offset), .group(_, let offset): offset
        }
    }

    var display: String {
        switch self {
        case .string(let text, _): "the string \"\(text)\""
        case .field(let path, _): "." + path.joined(separator: ".")
        case .function(let name, _): "'\(name)'"
        case .group: "a (…) group"
        }
    }
}

/// One action as read: its pipeline (nil for a comment), whether it ends with `-}}`, and the
/// offset after its `}}`.
private struct Action {
    var pipeline: Pipeline?
    var trimAfter: Bool
    var end: Int
}

/// Reads one action after its `{{`.
private struct Lexer {
    let bytes: [UInt8]
    var index: Int
    /// Offset of the action's `{{`, for errors about the whole action.
    let actionStart: Int

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ distance: Int) -> UInt8? { index + distance < bytes.count ? bytes[index + distance] : nil }

    /// `{{- ` trims the white space before the action (the `-` must be followed by a space).
    mutating func takeTrimMarker() -> Bool {
        guard current == UInt8(ascii: "-"), let next = peek(1), Filler.isSpace(next) else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while let byte = current, Filler.isSpace(byte) { index += 1 }
    }

    /// The end of the action at `index` (after optional spaces): `}}` or ` -}}`.
    mutating func takeClose() -> (trim: Bool, end: Int)? {
        let start = index
        skipSpaces()
        if index > start, current == UInt8(ascii: "-"), peek(1) == 0x7D, peek(2) == 0x7D { return (true, index + 3) }
        if current == 0x7D, peek(1) == 0x7D { return (false, index + 2) }
        index = start
        return nil
    }

    mutating func action() throws -> Action {
        skipSpaces()
        if current == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
            index += 2
            while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                index += 1
            }
            guard index + 1 < bytes.count else { throw unclosed() }
            index += 2
            guard let close = takeClose() else {
                throw TemplateError(message: "a comment must end right before '}}'", offset: index)
            }
            return Action(pipeline: nil, trimAfter: close.trim, end: close.end)
        }
        let pipeline = try self.pipeline(inGroup: false)
        guard let close = takeClose() else { throw unclosed() }
        guard !pipeline.commands.isEmpty else {
            throw TemplateError(message: "empty template action", offset: actionStart)
        }
        return Action(pipeline: pipeline, trimAfter: close.trim, end: close.end)
    }

    func unclosed() -> TemplateError {
        TemplateError(message: "template action is never closed with '}}'", offset: actionStart)
    }

    /// Commands up to `}}` (or `)` in a group).
    mutating func pipeline(inGroup: Bool) throws -> Pipeline {
        var commands: [Command] = []
        var operands: [Operand] = []
        func finishCommand(at offset: Int) throws {
            guard let head = operands.first else {
                throw TemplateError(message: "missing value before '|'", offset: offset)
            }
            commands.append(Command(head: head, arguments: Array(operands.dropFirst())))
            operands = []
        }
        while true {
            skipSpaces()
            guard let byte = current else { throw unclosed() }
            let start = index
            switch byte {
            case 0x7D where peek(1) == 0x7D:
                guard !inGroup else { throw TemplateError(message: "'(' is never closed", offset: start) }
                if !operands.isEmpty { try finishCommand(at: start) }
                return Pipeline(commands: commands)
            case UInt8(ascii: "-") where peek(1) == 0x7D && peek(2) == 0x7D && start > 0 && Filler.isSpace(bytes[start - 1]):
                // ` -}}`: let `takeClose` read it.
                guard !inGroup else { throw TemplateError(message: "'(' is never closed", offset: start) }
                index = start
                while index > 0, Filler.isSpace(bytes[index - 1]) { index -= 1 }
                if !operands.isEmpty { try finishCommand(at: start) }
                return Pipeline(commands: commands)
            case UInt8(ascii: ")"):
                guard inGroup else { throw TemplateError(message: "unexpected ')'", offset: start) }
                index += 1
                if !operands.isEmpty { try finishCommand(at: start) }
                guard !commands.isEmpty else { throw TemplateError(message: "empty '( )'", offset: start) }
                return Pipeline(commands: commands)
            case UInt8(ascii: "("):
                index += 1
                operands.append(.group(try pipeline(inGroup: true), offset: start))
            case UInt8(ascii: "|"):
                index += 1
                try finishCommand(at: start)
            case UInt8(ascii: "\""):
                operands.append(.string(try quotedString(), offset: start))
            case UInt8(ascii: "`"):
                index += 1
                while let next = current, next != UInt8(ascii: "`") { index += 1 }
                guard current != nil else { throw TemplateError(message: "raw string is never closed", offset: start) }
                operands.append(.string(String(decoding: bytes[(start + 1)..<index], as: UTF8.self), offset: start))
                index += 1
            case UInt8(ascii: "."):
                index += 1
                var path: [String] = []
                while let next = current, Self.isIdentifier(next) {
                    let partStart = index
                    while let char = current, Self.isIdentifier(char) { index += 1 }
                    path.append(String(decoding: bytes[partStart..<index], as: UTF8.self))
                    guard current == UInt8(ascii: "."), let after = peek(1), Self.isIdentifier(after) else { break }
                    index += 1
                }
                guard !path.isEmpty else {
                    throw TemplateError(message: "'.' alone (the whole page) cannot be printed in an archetype", offset: start)
                }
                operands.append(.field(path, offset: start))
            case let byte where Self.isIdentifier(byte) && !(48...57).contains(byte):
                while let next = current, Self.isIdentifier(next) || next == UInt8(ascii: ".") { index += 1 }
                let name = String(decoding: bytes[start..<index], as: UTF8.self)
                if name == "true" || name == "false" || name == "nil" {
                    throw TemplateError(message: "the constant '\(name)' is not supported in an archetype", offset: start)
                }
                operands.append(.function(name, offset: start))
            case UInt8(ascii: "$"):
                throw TemplateError(message: "variables ('$…') are not supported in an archetype", offset: start)
            case UInt8(ascii: "<"), UInt8(ascii: "%"):
                let opener = "{{" + String(decoding: [byte], as: UTF8.self)
                throw TemplateError(
                    message: "a shortcode in an archetype must be written as a string: {{ \"\(opener)\" }}", offset: start)
            default:
                throw TemplateError(
                    message: "unexpected '\(String(decoding: [byte], as: UTF8.self))' in a template action", offset: start)
            }
        }
    }

    /// A Go interpreted string literal with the common escapes.
    mutating func quotedString() throws -> String {
        let start = index
        index += 1
        var result: [UInt8] = []
        while let byte = current, byte != UInt8(ascii: "\"") {
            if byte == 10 { break }
            if byte == UInt8(ascii: "\\") {
                guard let escaped = peek(1) else { break }
                switch escaped {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): result.append(escaped)
                case UInt8(ascii: "n"): result.append(10)
                case UInt8(ascii: "t"): result.append(9)
                case UInt8(ascii: "r"): result.append(13)
                default:
                    throw TemplateError(message: "unsupported escape '\\\(String(decoding: [escaped], as: UTF8.self))' in a string", offset: index)
                }
                index += 2
                continue
            }
            result.append(byte)
            index += 1
        }
        guard current == UInt8(ascii: "\"") else { throw TemplateError(message: "string is never closed", offset: start) }
        index += 1
        return String(decoding: result, as: UTF8.self)
    }

    static func isIdentifier(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95
    }
}
