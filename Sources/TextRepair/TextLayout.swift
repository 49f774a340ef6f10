/// Lines and paragraphs ("units") of a UTF-8 buffer.
///
/// A unit is a maximal run of non-blank lines. Front-matter delimiters (`---`, `+++`) and code
/// fences (```` ``` ````, `~~~`) also end a unit, so a damaged front matter and a clean body (or a
/// clean code block inside damaged prose) are judged apart. In a front matter at the top of the
/// file each line is a unit of its own: its fields come from different places (a title pasted
/// from a damaged export beside a correct description). Only units with non-ASCII bytes are kept:
/// the others cannot hold mojibake.
struct TextLayout {
    /// Byte range of each line, without its `\n` (a `\r` before it stays part of the line).
    let lines: [Range<Int>]
    /// True for lines inside a fenced code block (not the fences themselves).
    let inCodeBlock: [Bool]
    /// Line-index ranges of the units that contain non-ASCII bytes.
    let units: [Range<Int>]

    init(bytes: [UInt8]) {
        var builder = Builder(capacity: bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { builder.scan($0) }
        lines = builder.lines
        inCodeBlock = builder.inCodeBlock
        units = builder.units
    }

    private struct Builder {
        var lines: [Range<Int>] = []
        var inCodeBlock: [Bool] = []
        var units: [Range<Int>] = []
        var fence: (byte: UInt8, count: Int)? = nil
        /// Inside the front matter that opens the file (between its delimiters).
        var inFrontMatter = false
        var unitStart = -1
        var unitHasNonASCII = false

        init(capacity: Int) {
            lines.reserveCapacity(capacity)
            inCodeBlock.reserveCapacity(capacity)
        }

        mutating func closeUnit(at lineIndex: Int) {
            if unitStart >= 0 && unitHasNonASCII { units.append(unitStart..<lineIndex) }
            unitStart = -1
            unitHasNonASCII = false
        }

        mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>) {
            let count = buffer.count
            guard let base = buffer.baseAddress, count > 0 else {
                lines.append(0..<0)
                inCodeBlock.append(false)
                return
            }
            let raw = UnsafeRawPointer(base)
            var start = 0
            while true {
                // Eight bytes at a time: find the line feed, note any byte >= 0x80.
                var end = start
                var high: UInt64 = 0
                while end + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)
                    let feeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    if (feeds &- 0x0101_0101_0101_0101) & ~feeds & 0x8080_8080_8080_8080 != 0 { break }
                    high |= word
                    end += 8
                }
                while end < count {
                    let byte = base[end]
                    if byte == 0x0A { break }
                    high |= UInt64(byte)
                    end += 1
                }
                let lineIndex = lines.count
                lines.append(start..<end)
                var isCode = fence != nil
                switch TextLayout.classify(buffer, start..<end) {
                case .blank:
                    closeUnit(at: lineIndex)
                case .delimiter:
                    closeUnit(at: lineIndex)
                    inFrontMatter = lineIndex == 0
                case .fence where inFrontMatter:
                    closeUnit(at: lineIndex)
                case .fence(let byte, let length):
                    closeUnit(at: lineIndex)
                    if let open = fence {
                        if open.byte == byte && length >= open.count { fence = nil }
                    } else {
                        fence = (byte, length)
                    }
                    isCode = false
                case .text:
                    if inFrontMatter { closeUnit(at: lineIndex) }
                    if unitStart < 0 { unitStart = lineIndex }
                    if high & 0x8080_8080_8080_8080 != 0 { unitHasNonASCII = true }
                }
                inCodeBlock.append(isCode)
                if end == count { break }
                start = end + 1
            }
            closeUnit(at: lines.count)
        }
    }

    enum LineKind { case blank, delimiter, fence(UInt8, Int), text }

    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> LineKind {
        var index = range.lowerBound
        var upper = range.upperBound
        while upper > index, bytes[upper - 1] == 0x0D || bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 {
            upper -= 1
        }
        var indent = 0
        while index < upper, bytes[index] == 0x20 || bytes[index] == 0x09 {
            index += 1
            indent += 1
        }
        if index == upper { return .blank }
        let first = bytes[index]
        if indent == 0 && upper - index == 3 && (first == 0x2D || first == 0x2B)
            && bytes[index + 1] == first && bytes[index + 2] == first {
            return .delimiter
        }
        if indent <= 3 && (first == 0x60 || first == 0x7E) {
            var length = 0
            while index + length < upper && bytes[index + length] == first { length += 1 }
            if length >= 3 { return .fence(first, length) }
        }
        return .text
    }
}
