/// Renders compiled templates into UTF-8 bytes, as swift-mustache 2.1.1's
/// `MustacheTemplate.render(context:)` renders them (Template+Render.swift, Sequence.swift).
///
/// Partial indentation. swift-mustache renders every template (the one asked for, each partial,
/// each run of a section's body: once per list item) into a string of its own, and when the
/// indentation it carries is not empty it adds the indentation before a token whose output is
/// not empty if *that own string* ends with a bare "\n" so far (a "\r\n" does not count). The
/// indentation starts with the blanks before a standalone partial tag and grows with nested
/// standalone partials; the line that holds the partial tag is indented by those blanks,
/// which the parent prints as text. Consequences kept here:
/// - a section's output is one token for the template around it, indented as a whole; inside
///   it, each list item starts a fresh string, so its first token is never indented (only the
///   first item of a list whose body starts a line gets the indentation before it);
/// - a line break inside a variable's value is not followed by indentation.
/// Here everything goes into one buffer; `localStart` marks where the current template's own
/// string begins.
///
/// Values are reached by pointer: the context the caller passes holds everything a render can
/// reach (objects and lists are immutable), so the stack holds pointers to values inside it and
/// a render retains nothing per lookup.
struct TemplateRenderer: ~Copyable {
    /// Nested partials beyond this depth render nothing (swift-mustache recursed until the
    /// stack overflowed).
    static let maximumPartialDepth = 100

    /// One entry of the context stack: the value, and the object it is (if it is one).
    typealias Frame = (value: UnsafePointer<TemplateValue>, object: Unmanaged<TemplateObject>?)

    let templates: [String: Template]
    var output: OutputBuffer
    var stack: [Frame] = []
    /// The current indentation (swift-mustache's `context.indentation`), a stack of the
    /// indentations of the standalone partials being rendered.
    var indentation: [UInt8] = []
    var partialDepth = 0

    /// A renderer whose stack holds `root`, which must outlive it.
    init(templates: [String: Template], root: UnsafePointer<TemplateValue>, capacity: Int) {
        self.templates = templates
        self.output = OutputBuffer(capacity: capacity)
        self.stack.reserveCapacity(16)
        push(root)
    }

    /// Renders a whole template.
    mutating func render(_ code: TemplateCode) {
        renderBody(code, 0, code.nodeCount)
    }

    @inline(__always)
    private mutating func push(_ value: UnsafePointer<TemplateValue>) {
        if case .object(let object) = value.pointee {
            stack.append((value, Unmanaged.passUnretained(object)))
        } else {
            stack.append((value, nil))
        }
    }

    /// Renders `code.nodes[from..<to]` as one template of its own (a template, a partial, one
    /// run of a section body).
    @inline(__always)
    private mutating func renderBody(_ code: TemplateCode, _ from: Int, _ to: Int) {
        if indentation.isEmpty {
            renderPlain(code, from, to)
        } else {
            renderIndented(code, from, to, localStart: output.count)
        }
    }

    // MARK: - Without indentation

    private mutating func renderPlain(_ code: TemplateCode, _ from: Int, _ to: Int) {
        let nodes = code.nodes
        let bytes = code.bytes
        var index = from
        while index < to {
            switch nodes[index] {
            case .text(let start, let end, _):
                output.append(bytes + Int(start), count: Int(end &- start))
                index += 1
            case .variable(let name, let escaped):
                if let value = lookUp(code, name) {
                    Self.append(value, escaped: escaped, to: &output)
                }
                index += 1
            case .section(let name, let inverted, let end):
                renderSection(code, name: name, inverted: inverted, body: index + 1, end: Int(end))
                index = Int(end)
            case .partial(let name, let indentStart, let indentEnd):
                renderPartial(code, name: name, indentStart: indentStart, indentEnd: indentEnd)
                index += 1
            }
        }
    }

    // MARK: - With indentation

    private mutating func renderIndented(_ code: TemplateCode, _ from: Int, _ to: Int, localStart: Int) {
        let nodes = code.nodes
        let bytes = code.bytes
        var index = from
        while index < to {
            switch nodes[index] {
            case .text(let start, let end, let firstBreak):
                // One node may hold several text tokens; each ended with its line break.
                var segmentStart = start
                var nextBreak = Int(firstBreak)
                while segmentStart < end {
                    let segmentEnd = Swift.min(code.lineBreaks[nextBreak], end)
                    nextBreak += 1
                    if endsWithBareLineFeed(localStart: localStart) { appendIndentation() }
                    output.append(bytes + Int(segmentStart), count: Int(segmentEnd - segmentStart))
                    segmentStart = segmentEnd
                }
                index += 1
            case .variable(let name, let escaped):
                if let value = lookUp(code, name), Self.printsSomething(value) {
                    if endsWithBareLineFeed(localStart: localStart) { appendIndentation() }
                    Self.append(value, escaped: escaped, to: &output)
                }
                index += 1
            case .section(let name, let inverted, let end):
                let indent = endsWithBareLineFeed(localStart: localStart)
                let mark = output.count
                if indent { appendIndentation() }
                let tokenStart = output.count
                renderSection(code, name: name, inverted: inverted, body: index + 1, end: Int(end))
                if indent, output.count == tokenStart { output.truncate(to: mark) }
                index = Int(end)
            case .partial(let name, let indentStart, let indentEnd):
                let indent = endsWithBareLineFeed(localStart: localStart)
                let mark = output.count
                if indent { appendIndentation() }
                let tokenStart = output.count
                renderPartial(code, name: name, indentStart: indentStart, indentEnd: indentEnd)
                if indent, output.count == tokenStart { output.truncate(to: mark) }
                index += 1
            }
        }
    }

    /// swift-mustache's `string.last == "\n"` on the current template's own string.
    @inline(__always)
    private func endsWithBareLineFeed(localStart: Int) -> Bool {
        let count = output.count
        guard count > localStart, output[count - 1] == 0x0A else { return false }
        return count - 2 < localStart || output[count - 2] != 0x0D
    }

    private mutating func appendIndentation() {
        indentation.withUnsafeBufferPointer { output.append($0) }
    }

    // MARK: - Tags

    private mutating func renderSection(_ code: TemplateCode, name: Int32, inverted: Bool, body: Int, end: Int) {
        guard let value = lookUp(code, name) else {
            if inverted { renderBody(code, body, end) }
            return
        }
        switch value.pointee {
        case .list(let items):
            if inverted {
                // swift-mustache pushes the empty list itself.
                if items.isEmpty {
                    push(value)
                    renderBody(code, body, end)
                    stack.removeLast()
                }
            } else {
                items.withUnsafeBufferPointer { items in
                    guard let first = items.baseAddress else { return }
                    for item in 0..<items.count {
                        push(first + item)
                        renderBody(code, body, end)
                        stack.removeLast()
                    }
                }
            }
        case .bool(let flag):
            if flag != inverted { renderBody(code, body, end) }
        case .string, .int, .object:
            if !inverted {
                push(value)
                renderBody(code, body, end)
                stack.removeLast()
            }
        }
    }

    private mutating func renderPartial(_ code: TemplateCode, name: Int32, indentStart: Int32, indentEnd: Int32) {
        guard partialDepth < Self.maximumPartialDepth,
            let partial = templates[code.partialNames[Int(name)]]?.code
        else { return }
        partialDepth += 1
        let savedIndentation = indentation.count
        if indentStart >= 0 {
            indentation.append(
                contentsOf: UnsafeBufferPointer(start: code.bytes + Int(indentStart), count: Int(indentEnd - indentStart)))
        }
        renderBody(partial, 0, partial.nodeCount)
        indentation.removeSubrange(savedIndentation...)
        partialDepth -= 1
    }

    // MARK: - Values

    /// The value a name stands for; nil when it is missing.
    @inline(__always)
    private func lookUp(_ code: TemplateCode, _ nameIndex: Int32) -> UnsafePointer<TemplateValue>? {
        let name = code.names[Int(nameIndex)]
        let first = Int(name.first)
        let end = first + Int(name.count)
        switch name.kind {
        case .top:
            return stack[stack.count - 1].value
        case .topOnly:
            return Self.lookUp(code, first, end, in: stack[stack.count - 1].value)
        case .stack:
            let key = code.segmentKeys[first]
            let hash = code.segmentHashes[first]
            var level = stack.count - 1
            while level >= 0 {
                if let object = stack[level].object,
                    let found = object._withUnsafeGuaranteedRef({ $0.value(forKey: key, hash: hash) })
                {
                    return first + 1 == end ? found : Self.lookUp(code, first + 1, end, in: found)
                }
                level -= 1
            }
            return nil
        }
    }

    /// Segments `first..<end` of a name, looked up inside `value` only.
    private static func lookUp(
        _ code: TemplateCode, _ first: Int, _ end: Int, in value: UnsafePointer<TemplateValue>
    ) -> UnsafePointer<TemplateValue>? {
        var value = value
        for segment in first..<end {
            guard case .object(let object) = value.pointee,
                let found = object.value(forKey: code.segmentKeys[segment], hash: code.segmentHashes[segment])
            else { return nil }
            value = found
        }
        return value
    }

    @inline(__always)
    private static func printsSomething(_ value: UnsafePointer<TemplateValue>) -> Bool {
        switch value.pointee {
        case .string(let string): !string.isEmpty
        case .int, .bool: true
        case .list, .object: false
        }
    }

    /// What `{{x}}` (escaped) or `{{{x}}}` prints. A list or an object prints nothing here;
    /// swift-mustache printed `String(describing:)` of the `[Any]` or `[String: Any]`.
    @inline(__always)
    private static func append(_ value: UnsafePointer<TemplateValue>, escaped: Bool, to output: inout OutputBuffer) {
        switch value.pointee {
        case .string(let string):
            if escaped {
                HTMLEscaper.appendEscaped(string, to: &output)
            } else {
                HTMLEscaper.appendRaw(string, to: &output)
            }
        case .int(let number):
            appendDecimal(number, to: &output)
        case .bool(let flag):
            let text: StaticString = flag ? "true" : "false"
            output.append(text.utf8Start, count: text.utf8CodeUnitCount)
        case .list, .object:
            break
        }
    }

    private static func appendDecimal(_ number: Int, to output: inout OutputBuffer) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output.reverse(from: start)
    }
}
