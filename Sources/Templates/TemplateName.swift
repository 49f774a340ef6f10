/// A name of a variable or section tag, resolved at parse time the way swift-mustache's
/// `getChild(named:)` reads it at render time:
/// - `.` (and any name made only of dots, and the empty name of `{{}}`) is the top of the stack;
/// - a name starting with `.` (`.a.b`) looks its first segment up only in the top of the stack;
/// - any other name (`a.b.c`) looks its first segment up from the top of the stack down, in the
///   objects only (a string, int, bool or list on the stack holds no names and is skipped), and
///   the rest only inside what it found (a miss there does not fall back down the stack).
/// Segments are split at `.` with empty ones dropped (`a..b` is `a.b`, `a.` is `a`), as
/// `split(separator:)` does. A segment is only looked up in an object: a list holds no names,
/// so `{{#tags.0}}` is always missing (swift-mustache's `Mirror` found no child labelled `0`).
struct TemplateName {
    enum Kind: UInt8 {
        case top
        case topOnly
        case stack
    }

    var kind: Kind
    /// The segments are `TemplateCode.segmentKeys[first..<first + count]` (and their hashes).
    var first: Int32
    var count: Int32
}
