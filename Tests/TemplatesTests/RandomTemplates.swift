import Templates

/// Random small templates and contexts for the differential tests.
///
/// Every name has one kind in every object (`a`, `b`, `c` scalars, `o`, `p` objects, `l` a list of
/// objects, `m` a list of scalars), so the generator knows what any name can stand for. That lets
/// it leave out, by construction, the one place where the engines differ on purpose: a variable
/// tag that prints a list or an object (swift-mustache prints Swift's debug description, this
/// engine nothing). Variable tags only name scalars, and `{{.}}` is only written where the top of
/// the stack can only be a scalar. Text is made of pieces that cannot close a tag by accident.
struct RandomTemplates {
    enum Kind: Hashable {
        case scalar, object, objectList, scalarList
    }

    static let names: [(name: String, kind: Kind)] = [
        ("a", .scalar), ("b", .scalar), ("c", .scalar), ("o", .object), ("p", .object), ("l", .objectList),
        ("m", .scalarList),
    ]
    static let scalarNames = ["a", "b", "c"]
    static let objectNames = ["o", "p"]
    static let allKinds: Set<Kind> = [.scalar, .object, .objectList, .scalarList]

    static let textPieces = [
        "x", "Hi", " ", "  ", "\t", "<p>", "&amp;", "é", "{", "\"'", "-", ".", "\r", "\u{301}", "\u{0B}",
        "\u{2028}", "ab cd", "#", "/",
    ]
    static let commentPieces = ["", " note ", "multi\nline", "{", "x y"]
    static let delimiters: [(String, String)] = [("{{", "}}"), ("<%", "%>"), ("[[", "]]"), ("{%", "%}")]
    // No one-character delimiters: swift-mustache 2.1.1 crashes on an empty section with them
    // (it slices the section text from two characters before the closing tag's name).

    var random: SeededGenerator

    // MARK: - Contexts

    mutating func context() -> TemplateValue {
        object(depth: 0)
    }

    mutating func scalar() -> TemplateValue {
        random.pick([
            "", "x", "<&>\"'", "line1\nline2", " sp ", "é", "a\r\nb", .int(0), .int(1), .int(-5), .int(123_456), true, false,
        ])
    }

    mutating func object(depth: Int) -> TemplateValue {
        var values: [String: TemplateValue] = [:]
        for (name, kind) in Self.names where random.chance(0.6) {
            switch kind {
            case .scalar:
                values[name] = scalar()
            case .object:
                if depth < 3 { values[name] = object(depth: depth + 1) }
            case .objectList:
                if depth < 3 {
                    values[name] = .list((0..<random.int(0...3)).map { _ in object(depth: depth + 1) })
                }
            case .scalarList:
                values[name] = .list((0..<random.int(0...3)).map { _ in scalar() })
            }
        }
        return .object(TemplateObject(values))
    }

    // MARK: - Templates

    /// A template that may call the partials `callable` (and the missing `nope`).
    mutating func template(partials callable: [String], topKinds: Set<Kind>) -> String {
        var delimiters = Self.delimiters[0]
        return items(depth: 0, topKinds: topKinds, partials: callable, delimiters: &delimiters)
    }

    /// A run of items at one nesting level; `delimiters` is what they are at its end.
    private mutating func items(
        depth: Int, topKinds: Set<Kind>, partials: [String], delimiters: inout (String, String)
    ) -> String {
        var out = ""
        for _ in 0..<random.int(0...(depth == 0 ? 8 : 5)) {
            let (open, close) = delimiters
            switch random.int(0...11) {
            case 0, 1:
                out += random.pick(Self.textPieces)
            case 2:
                out += random.pick(["\n", "\n", "\r\n", "\n  ", "\n\t", " \n"])
            case 3, 4:
                out += variable(topKinds: topKinds, open: open, close: close)
            case 5, 6:
                if depth < 3 {
                    out += section(depth: depth, topKinds: topKinds, partials: partials, delimiters: delimiters)
                } else {
                    out += variable(topKinds: topKinds, open: open, close: close)
                }
            case 7:
                out += standalone("\(open)!\(random.pick(Self.commentPieces))\(close)")
            case 8:
                if !partials.isEmpty || random.chance(0.2) {
                    let name = random.chance(0.15) ? "nope" : (partials.isEmpty ? "nope" : random.pick(partials))
                    out += standalone("\(open)>\(random.pick(["", " "]))\(name)\(random.pick(["", " "]))\(close)")
                }
            case 9:
                if random.chance(0.4) {
                    let new = random.pick(Self.delimiters)
                    out += standalone("\(open)=\(new.0) \(new.1)=\(close)")
                    delimiters = new
                }
            default:
                out += random.pick(Self.textPieces) + random.pick(["\n", " "])
            }
        }
        return out
    }

    /// `tag`, sometimes alone on its line with blanks around it.
    private mutating func standalone(_ tag: String) -> String {
        guard random.chance(0.5) else { return tag }
        let indent = random.pick(["", " ", "  ", "\t", "    "])
        let trailing = random.pick(["", "", " ", "\t"])
        return "\n" + indent + tag + trailing + random.pick(["\n", "\n", "\r\n"])
    }

    private mutating func variable(topKinds: Set<Kind>, open: String, close: String) -> String {
        var name = scalarPath()
        if topKinds == [.scalar], random.chance(0.3) { name = random.pick([".", ".", ""]) }
        let pad = random.pick(["", "", " "])
        switch random.int(0...3) {
        case 0: return "\(open){\(pad)\(name)\(pad)\(close)}"
        case 1: return "\(open)&\(pad)\(name)\(pad)\(close)"
        default: return "\(open)\(pad)\(name)\(pad)\(close)"
        }
    }

    /// A name that can only stand for a scalar (or be missing).
    private mutating func scalarPath() -> String {
        let scalar = random.pick(Self.scalarNames)
        switch random.int(0...9) {
        case 0: return "\(random.pick(Self.objectNames)).\(scalar)"
        case 1: return "\(random.pick(Self.objectNames)).\(random.pick(Self.objectNames)).\(scalar)"
        case 2: return ".\(scalar)"
        case 3: return ".\(random.pick(Self.objectNames)).\(scalar)"
        case 4: return random.pick(["l.\(scalar)", "m.0", "l.0", "\(scalar).\(scalar)", "o..\(scalar)", "\(scalar).", "zz"])
        default: return scalar
        }
    }

    /// A section name and what it can stand for.
    private mutating func sectionPath(topKinds: Set<Kind>) -> (String, Set<Kind>) {
        let (name, kind) = random.pick(Self.names)
        switch random.int(0...9) {
        case 0: return (".", topKinds)
        case 1:
            let (inner, innerKind) = random.pick(Self.names)
            return ("\(random.pick(Self.objectNames)).\(inner)", [innerKind])
        case 2: return (".\(name)", [kind])
        case 3: return (random.pick(["l.0", "m.0", "zz", "a.b"]), [.scalar])
        default: return (name, [kind])
        }
    }

    private mutating func section(
        depth: Int, topKinds: Set<Kind>, partials: [String], delimiters: (String, String)
    ) -> String {
        let (name, kinds) = sectionPath(topKinds: topKinds)
        let inverted = random.chance(0.3)
        var inside: Set<Kind> = []
        if inverted {
            inside = topKinds
            // An empty list is pushed by an inverted section.
            for kind in kinds where kind == .objectList || kind == .scalarList { inside.insert(kind) }
        } else {
            for kind in kinds {
                switch kind {
                case .scalar: inside.formUnion(topKinds.union([.scalar]))
                case .object, .objectList: inside.insert(.object)
                case .scalarList: inside.insert(.scalar)
                }
            }
        }
        let (open, close) = delimiters
        let pad = random.pick(["", "", " "])
        var bodyDelimiters = delimiters
        let body = items(depth: depth + 1, topKinds: inside, partials: partials, delimiters: &bodyDelimiters)
        let opening = standalone("\(open)\(inverted ? "^" : "#")\(pad)\(name)\(pad)\(close)")
        let closing = standalone("\(bodyDelimiters.0)/\(pad)\(name)\(bodyDelimiters.1)")
        return opening + body + closing
    }

    /// A main template and up to three partials; each partial only calls later ones.
    mutating func library() -> [String: String] {
        let count = random.int(0...3)
        let names = (0..<count).map { "p\($0 + 1)" }
        var templates: [String: String] = [:]
        for (index, name) in names.enumerated() {
            templates[name] = template(partials: Array(names[(index + 1)...]), topKinds: Self.allKinds)
        }
        templates["main"] = template(partials: names, topKinds: [.object])
        return templates
    }
}
