import MarkdownRendering
import Testing

/// Task lists on pages: classes to style them by, and the item's text as the checkbox's
/// label (its accessible name); feeds keep cmark-gfm's plain form.
@Suite struct TaskListItemTests {
    @Test func labelsEachCheckboxWithItsItemText() {
        let output = Fixture.render(Fixture.document("- [ ] open *task*\n- [x] done [link](https://example.org)\n"))
        #expect(output.body.html == """
            <ul class="contains-task-list">
            <li class="task-list-item"><label><input type="checkbox" disabled="" /> open <em>task</em></label></li>
            <li class="task-list-item"><label><input type="checkbox" checked="" disabled="" /> done <a href="https://example.org">link</a></label></li>
            </ul>

            """)
        #expect(output.feed.html == """
            <ul>
            <li><input type="checkbox" disabled="" /> open <em>task</em></li>
            <li><input type="checkbox" checked="" disabled="" /> done <a href="https://example.org">link</a></li>
            </ul>

            """)
    }

    @Test func marksTheListWhateverItsFirstItem() {
        let html = Fixture.html("- plain\n- [x] done\n  - [ ] nested\n")
        #expect(html == """
            <ul class="contains-task-list">
            <li>plain</li>
            <li class="task-list-item"><label><input type="checkbox" checked="" disabled="" /> done</label>
            <ul class="contains-task-list">
            <li class="task-list-item"><label><input type="checkbox" disabled="" /> nested</label></li>
            </ul>
            </li>
            </ul>

            """)
    }

    @Test func handlesLooseAndNumberedLists() {
        #expect(Fixture.html("3. [ ] a\n\n4. [x] b\n") == """
            <ol class="contains-task-list" start="3">
            <li class="task-list-item">
            <p><label><input type="checkbox" disabled="" /> a</label></p>
            </li>
            <li class="task-list-item">
            <p><label><input type="checkbox" checked="" disabled="" /> b</label></p>
            </li>
            </ol>

            """)
    }

    @Test func leavesOtherListsAlone() {
        #expect(Fixture.html("- a\n- [link](x)\n\n1. one\n") == "<ul>\n<li>a</li>\n<li><a href=\"x\">link</a></li>\n</ul>\n<ol>\n<li>one</li>\n</ol>\n")
    }

    @Test func worksInsideShortcodes() {
        let call = Fixture.call("admonition", inner: [.text("\n- [x] inside\n", offset: 0)])
        let output = Fixture.render(Fixture.document([.call(call)]))
        #expect(output.body.html.contains("<ul class=\"contains-task-list\">\n<li class=\"task-list-item\"><label><input type=\"checkbox\" checked=\"\" disabled=\"\" /> inside</label></li>"))
        #expect(output.feed.html.contains("<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> inside</li>"))
        #expect(!output.body.html.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
    }
}
