/// Templates by name. A template's `{{> name}}` renders the template registered as `name` in
/// the library that renders it, looked up at render time; a missing one renders nothing.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    public func hasTemplate(named name: String) -> Bool {
        templates[name] != nil
    }

    /// Renders a registered template; nil when there is no template of that name.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        guard let template = templates[name] else { return nil }
        return withUnsafePointer(to: context) { root in
            var renderer = TemplateRenderer(templates: templates, root: root, capacity: Self.initialCapacity)
            renderer.render(template.code)
            return Self.string(renderer.output.bytes)
        }
    }

    /// The rendered bytes as a String. They are valid UTF-8 by construction (pieces of Swift
    /// strings cut only before or after ASCII bytes, and ASCII), so where the standard library
    /// can take them unchecked, they are not validated again (which cost more than rendering).
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        #if compiler(>=6.2)
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            return unsafe String(copying: UTF8Span(unchecked: bytes.span))
        }
        #endif
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same, appending UTF-8 bytes to `buffer` (no String made); false when there is no such template.
    public func render(_ name: String, _ context: TemplateValue, into buffer: inout [UInt8]) -> Bool {
        guard let template = templates[name] else { return false }
        withUnsafePointer(to: context) { root in
            var renderer = TemplateRenderer(templates: templates, root: root, capacity: Self.initialCapacity)
            renderer.render(template.code)
            buffer.append(contentsOf: renderer.output.bytes)
        }
        return true
    }

    /// The same, handing the rendered UTF-8 bytes to `body` (valid only during the call: copy
    /// what you keep), so that the caller copies them once, where it wants them; nil when there
    /// is no such template.
    public func render<Result>(
        _ name: String, _ context: TemplateValue, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        guard let template = templates[name] else { return nil }
        return withUnsafePointer(to: context) { root in
            var renderer = TemplateRenderer(templates: templates, root: root, capacity: Self.initialCapacity)
            renderer.render(template.code)
            return body(renderer.output.bytes)
        }
    }

    /// What a render's own buffer starts with; it doubles as needed.
    private static let initialCapacity = 16 * 1024
}
