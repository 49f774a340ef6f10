import Mustache
import Testing
import Templates

/// Syntax errors: message, line, column and line text, the positions being swift-mustache's.
@Suite struct SyntaxErrorTests {
    func error(_ source: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(source)
            return nil
        } catch {
            return error
        }
    }

    /// Expects the error, and swift-mustache to fail at the same line and column.
    func expectError(
        _ source: String, _ message: String, line: Int, column: Int, lineText: String? = nil,
        sameAsSwiftMustache: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error = error(source) else {
            Issue.record("parsed", sourceLocation: sourceLocation)
            return
        }
        #expect(error.message == message, sourceLocation: sourceLocation)
        #expect(error.line == line, sourceLocation: sourceLocation)
        #expect(error.column == column, sourceLocation: sourceLocation)
        if let lineText { #expect(error.lineText == lineText, sourceLocation: sourceLocation) }
        guard sameAsSwiftMustache else { return }
        do {
            _ = try MustacheTemplate(string: source)
            Issue.record("swift-mustache parsed it", sourceLocation: sourceLocation)
        } catch let theirs as MustacheTemplate.ParserError {
            #expect(theirs.context.lineNumber == line, "swift-mustache's line", sourceLocation: sourceLocation)
            #expect(theirs.context.columnNumber == column, "swift-mustache's column", sourceLocation: sourceLocation)
            #expect(theirs.context.line == error.lineText, "swift-mustache's line text", sourceLocation: sourceLocation)
        } catch {
            Issue.record("swift-mustache threw \(error)", sourceLocation: sourceLocation)
        }
    }

    // The four cases the site's tests pin.

    @Test func sectionNeverClosedAtEndOfText() {
        expectError("<div>{{#inner}}{{{inner}}}</div>\n", "a section is never closed", line: 2, column: 1, lineText: "")
    }

    @Test func sectionClosedWithWrongName() {
        expectError(
            "<ul>{{#pages}}<li>{{title}}</li>{{/page}}</ul>\n", "a section is closed with the wrong name", line: 1,
            column: 36, lineText: "<ul>{{#pages}}<li>{{title}}</li>{{/page}}</ul>")
    }

    @Test func tagNotClosed() {
        expectError(
            "<header>\n  <a href=\"{{site.home}\">{{site.title}}</a>\n</header>\n", "a tag is not closed with '}}'",
            line: 2, column: 23, lineText: "  <a href=\"{{site.home}\">{{site.title}}</a>")
    }

    @Test func sectionNeverClosedInLongerText() {
        expectError(
            "<html><body>\n{{#title}}<h1>{{title}}</h1>\n{{{content}}}\n</body></html>\n", "a section is never closed",
            line: 5, column: 1)
    }

    // Others.

    @Test func otherErrors() {
        expectError("ab{{/x}}", "a section is closed that was never opened", line: 1, column: 6)
        expectError("a\nb{{#x}}{{/ y}}", "a section is closed with the wrong name", line: 2, column: 11)
        expectError("a{{! x", "a comment is not closed with '}}'", line: 1, column: 5)
        expectError("a{{{x}}b", "a tag is not closed with '}}}'", line: 1, column: 8)
        expectError("a{{{x}}", "a tag is not closed with '}}}'", line: 1, column: 8)
        expectError("a{{x", "a tag is not closed with '}}'", line: 1, column: 5)
        expectError("a{{x}", "a tag is not closed with '}}'", line: 1, column: 5)
        expectError("a{{x y}}", "a tag is not closed with '}}'", line: 1, column: 6)
        expectError("{{=<% %>=}}<%x}}", "a tag is not closed with '%>'", line: 1, column: 15)
        expectError("abc{", "the template ends inside '{{'", line: 1, column: 4)
        expectError("a{{=<%%>=}}", "a set-delimiter tag is not of the form '{{=<start> <end>=}}'", line: 1, column: 5)
    }

    @Test func crlfColumnsCountFromTheLastBareLineFeed() {
        // swift-mustache's getContext() walks back to a "\n" Character; "\r\n" is another one.
        expectError("a\r\nb{{/x}}", "a section is closed that was never opened", line: 2, column: 7, lineText: "a\r\nb{{/x}}")
    }

    @Test func unsupportedConstructs() {
        let unsupported: [(String, String, Int)] = [
            ("a{{x(y)}}", "transforms ('x(y)') are not supported", 2),
            ("a\n {{#first(l)}}{{/first(l)}}", "transforms ('first(l)') are not supported", 2),
            ("{{<parent}}{{/parent}}", "template inheritance ('{{<parent}}') is not supported", 1),
            ("xy{{$block}}{{/block}}", "inheritance blocks ('{{$block}}') are not supported", 3),
            ("{{>*name}}", "dynamic partials ('{{>*name}}') are not supported", 1),
            ("{{% CONTENT_TYPE: TEXT}}", "pragmas ('{{%…}}') are not supported", 1),
            ("{{=<% %>=}}<%% CONTENT_TYPE: TEXT%>", "pragmas ('<%%…%>') are not supported", 12),
        ]
        for (source, message, column) in unsupported {
            let error = error(source)
            #expect(error?.message == message, "\(source)")
            #expect(error?.column == column, "\(source)")
        }
    }
}
