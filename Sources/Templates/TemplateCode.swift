/// A parsed template compiled for rendering: the nodes, the text as UTF-8, the names split into
/// pre-hashed segments. Immutable, shared by every copy of a `Template`.
final class TemplateCode: @unchecked Sendable {
    // @unchecked: the storage behind the pointers is written only by init and freed by deinit.
    let nodes: UnsafeMutablePointer<TemplateNode>
    let nodeCount: Int
    let bytes: UnsafeMutablePointer<UInt8>
    let byteCount: Int
    /// The offsets in `bytes` just past each "\n" of a text node, ascending, then `Int32.max`.
    let lineBreaks: UnsafeMutablePointer<Int32>
    let names: [TemplateName]
    let segmentKeys: [String]
    let segmentHashes: [UInt64]
    let partialNames: [String]

    init(_ tokens: [TemplateToken]) {
        var compiler = Compiler()
        compiler.compile(tokens)
        nodeCount = compiler.nodes.count
        nodes = .allocate(capacity: Swift.max(nodeCount, 1))
        nodes.initialize(from: compiler.nodes, count: nodeCount)
        byteCount = compiler.bytes.count
        bytes = .allocate(capacity: Swift.max(byteCount, 1))
        bytes.initialize(from: compiler.bytes, count: byteCount)
        var breaks: [Int32] = []
        for index in 0..<nodeCount {
            guard case .text(let start, let end, _) = nodes[index] else { continue }
            nodes[index] = .text(start: start, end: end, firstBreak: Int32(breaks.count))
            for offset in Int(start)..<Int(end) where bytes[offset] == 0x0A { breaks.append(Int32(offset + 1)) }
        }
        breaks.append(Int32.max)
        lineBreaks = .allocate(capacity: breaks.count)
        lineBreaks.initialize(from: breaks, count: breaks.count)
        names = compiler.names
        segmentKeys = compiler.segmentKeys
        segmentHashes = compiler.segmentHashes
        partialNames = compiler.partialNames
    }

    deinit {
        nodes.deallocate()
        bytes.deallocate()
        lineBreaks.deallocate()
    }

    private struct Compiler {
        var nodes: [TemplateNode] = []
        var bytes: [UInt8] = []
        var names: [TemplateName] = []
        var segmentKeys: [String] = []
        var segmentHashes: [UInt64] = []
        var partialNames: [String] = []
        var nameIndex: [String: Int32] = [:]
        var partialIndex: [String: Int32] = [:]

        mutating func compile(_ tokens: [TemplateToken]) {
            // Adjacent text tokens of one level become one node. The renderer still indents
            // after each line break inside it, which is exactly where the tokens ended.
            var previousIsText = false
            for token in tokens {
                switch token {
                case .text(let text):
                    let start = Int32(bytes.count)
                    bytes.append(contentsOf: text.utf8)
                    if previousIsText, case .text(let previousStart, let previousEnd, _) = nodes[nodes.count - 1],
                        previousEnd == start
                    {
                        nodes[nodes.count - 1] = .text(start: previousStart, end: Int32(bytes.count), firstBreak: 0)
                    } else {
                        nodes.append(.text(start: start, end: Int32(bytes.count), firstBreak: 0))
                    }
                    previousIsText = true
                    continue
                case .variable(let name, let escaped):
                    nodes.append(.variable(name: self.name(name), escaped: escaped))
                case .section(let name, let inverted, let body):
                    let index = nodes.count
                    nodes.append(.section(name: self.name(name), inverted: inverted, end: 0))
                    compile(body)
                    nodes[index] = .section(name: self.name(name), inverted: inverted, end: Int32(nodes.count))
                case .partial(let name, let indentation):
                    let nameIndex: Int32
                    if let known = partialIndex[name] {
                        nameIndex = known
                    } else {
                        nameIndex = Int32(partialNames.count)
                        partialNames.append(name)
                        partialIndex[name] = nameIndex
                    }
                    if let indentation {
                        let start = Int32(bytes.count)
                        bytes.append(contentsOf: indentation.utf8)
                        nodes.append(.partial(name: nameIndex, indentStart: start, indentEnd: Int32(bytes.count)))
                    } else {
                        nodes.append(.partial(name: nameIndex, indentStart: -1, indentEnd: -1))
                    }
                }
                previousIsText = false
            }
        }

        /// The index of `name` in `names`, adding it the first time.
        mutating func name(_ name: String) -> Int32 {
            if let index = nameIndex[name] { return index }
            let segments = name.split(separator: ".")
            let kind: TemplateName.Kind = segments.isEmpty ? .top : name.first == "." ? .topOnly : .stack
            let first = Int32(segmentKeys.count)
            for segment in segments {
                let key = String(segment)
                segmentKeys.append(key)
                segmentHashes.append(KeyHash.of(key).hash)
            }
            let index = Int32(names.count)
            names.append(TemplateName(kind: kind, first: first, count: Int32(segments.count)))
            nameIndex[name] = index
            return index
        }
    }
}
