import SiteCore

/// A syntax error in YAML, TOML or JSON text, positioned inside that text.
struct StructuredDataError: Error, Sendable {
    /// What went wrong, lower-case, without a position.
    var message: String
    /// 1-based line inside the parsed text.
    var line: Int
    /// 1-based column inside the line, counted in Unicode scalars (as libyaml and toml++ do).
    var column: Int
    /// What the parser was doing, and the line inside the text where that began
    /// (libyaml's `while parsing a flow sequence`).
    var context: (text: String, line: Int, column: Int)?

    init(message: String, line: Int, column: Int, context: (text: String, line: Int, column: Int)? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.context = context
    }

    /// The message, with the context's line moved by `lineShift` (the text's first line in its file, minus one).
    func describe(lineShift: Int) -> String {
        guard let context else { return message }
        return "\(message) (\(context.text) that started on line \(context.line + lineShift))"
    }
}

/// A parsed YAML, TOML or JSON document: its value and the 1-based line of each top-level key.
struct StructuredData: Sendable {
    var value: ParamValue
    var keyLines: [String: Int]

    /// Parses `text` in `format`. The top level must be a table (or empty).
    static func parse(_ text: String, format: ConfigFormat) throws(StructuredDataError) -> StructuredData {
        switch format {
        case .yaml: try YAMLConversion.parse(text)
        case .toml: try TOMLConversion.parse(text)
        case .json: try JSONConversion.parse(text)
        }
    }

    /// The UTF-8 offset of a 1-based line and scalar column inside `text` (clamped to the text).
    static func utf8Offset(in text: String, line: Int, scalarColumn: Int) -> Int {
        var offset = 0
        var currentLine = 1
        let utf8 = Array(text.utf8)
        while currentLine < line, offset < utf8.count {
            if utf8[offset] == UInt8(ascii: "\n") { currentLine += 1 }
            offset += 1
        }
        var scalars = 1
        while scalars < scalarColumn, offset < utf8.count, utf8[offset] != UInt8(ascii: "\n") {
            offset += 1
            while offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
            scalars += 1
        }
        return offset
    }
}

extension ParamValue {
    /// What kind of value this is, for messages: `a list`, `a table`.
    var kindDescription: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .array: "a list"
        case .table: "a table"
        case .null: "empty"
        }
    }

    /// Whether this is a string, number or boolean.
    var isScalar: Bool {
        switch self {
        case .string, .int, .double, .bool: true
        default: false
        }
    }
}
