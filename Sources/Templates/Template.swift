/// A parsed Mustache template, rendered by a `TemplateLibrary`.
///
/// It is the subset of swift-mustache 2.1.1 that the site uses, with the same output byte for
/// byte (whitespace, standalone lines, partial indentation, escaping and their quirks; see
/// `TemplateParser` and `TemplateRenderer`). Supported: text, `{{name}}`, `{{{name}}}`,
/// `{{& name}}`, `{{#name}}…{{/name}}`, `{{^name}}…{{/name}}`, `{{> partial}}`,
/// `{{! comment }}` and `{{=<% %>=}}`.
///
/// Where it differs from swift-mustache, on purpose:
/// - `{{x}}` / `{{{x}}}` of a list or an object prints nothing (swift-mustache printed Swift's
///   debug description of the `[Any]` / `[String: Any]`, e.g. `["a", "b"]`);
/// - transforms (`{{name(arg)}}`), inheritance (`{{< parent}}`, `{{$ block}}`), dynamic
///   partials (`{{>* name}}`) and pragmas (`{{% … }}`) are syntax errors ("… not supported");
/// - partials nested more than 100 deep render nothing (swift-mustache overflowed the stack);
/// - a syntax error has a message for people (swift-mustache had an error enum, and reported
///   running out of text inside a tag as `overflow`); its position is swift-mustache's.
public struct Template: Sendable {
    let code: TemplateCode

    /// Parses a template; throws on a syntax error.
    public init(_ source: String) throws(TemplateSyntaxError) {
        code = TemplateCode(try TemplateParser.parse(source))
    }
}
