import Mustache
@testable import Templates

/// Renders the same templates and data with this engine and with swift-mustache 2.1.1.
enum Engines {
    /// The `Any` swift-mustache was fed for a value: `String`, `Bool`, `Int`, `[Any]`, `[String: Any]`.
    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let string): return string
        case .bool(let flag): return flag
        case .int(let number): return number
        case .list(let items): return items.map(any)
        case .object(let object):
            var dictionary: [String: Any] = [:]
            for slot in 0..<object.capacity where object.hashes[slot] != 0 {
                dictionary[object.keys[slot]] = any(object.values[slot])
            }
            return dictionary
        }
    }

    /// This engine's output; nil when some template does not parse.
    static func ours(_ templates: [String: String], render name: String, _ context: TemplateValue) -> String? {
        var library = TemplateLibrary()
        for (templateName, source) in templates {
            guard let template = try? Template(source) else { return nil }
            library.register(template, named: templateName)
        }
        return library.render(name, context)
    }

    /// swift-mustache's output; nil when some template does not parse.
    static func theirs(_ templates: [String: String], render name: String, _ context: TemplateValue) -> String? {
        var library = MustacheLibrary()
        for (templateName, source) in templates {
            guard let template = try? MustacheTemplate(string: source) else { return nil }
            library.register(template, named: templateName)
        }
        return library.render(any(context), withTemplate: name)
    }

    /// One template (named `main`) and its partials, rendered by both.
    static func both(
        _ source: String, _ context: TemplateValue, partials: [String: String] = [:]
    ) -> (ours: String?, theirs: String?) {
        var templates = partials
        templates["main"] = source
        return (ours(templates, render: "main", context), theirs(templates, render: "main", context))
    }
}
