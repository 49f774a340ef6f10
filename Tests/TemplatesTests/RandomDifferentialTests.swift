import Testing
import Templates

/// Random small templates (text with line breaks and blanks, every supported tag, nesting,
/// standalone lines, indented partials, set delimiters) and random contexts, rendered by both
/// engines: both must fail to parse, or both parse and print the same bytes.
@Suite struct RandomDifferentialTests {
    @Test(arguments: 0..<8)
    func randomTemplatesRenderAsSwiftMustacheDoes(batch: UInt64) {
        var generator = RandomTemplates(random: SeededGenerator(seed: 0x7E3A_11CE + batch))
        var parsed = 0
        var failed = 0
        var mismatches: [String] = []
        for _ in 0..<400 {
            let templates = generator.library()
            let contexts = (0..<3).map { _ in generator.context() }
            for context in contexts {
                let ours = Engines.ours(templates, render: "main", context)
                let theirs = Engines.theirs(templates, render: "main", context)
                if ours == nil { failed += 1 } else { parsed += 1 }
                if ours != theirs, mismatches.count < 5 {
                    mismatches.append(
                        "templates: \(templates.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" })\n"
                            + "context: \(Engines.any(context))\n"
                            + "ours:   \(ours.debugDescription)\ntheirs: \(theirs.debugDescription)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n\n"))")
        // Most cases must parse, or the comparison says little.
        #expect(parsed > failed * 2, "parsed \(parsed), failed \(failed)")
    }
}
