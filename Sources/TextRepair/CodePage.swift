/// A single-byte code page that UTF-8 text can be misread as.
///
/// Mapping back goes from the damaged character to the byte it stood for. C1 control characters
/// (U+0080...U+009F) always map to the byte with the same number: that is what Windows and web
/// browsers produce for undefined bytes ("sloppy" decoding) and what Latin-1 produces for all of
/// 0x80...0x9F. Where the code page defines that byte as something else, the C1 mapping is
/// "non-native" and counts as weaker evidence for this code page.
final class CodePage: Sendable {
    enum ID: Int, Sendable, CaseIterable {
        case windows1252, latin1, windows1250, windows1254, macRoman
    }

    let id: ID
    let name: String
    /// Bytes the code page leaves undefined (dropped or turned into C1 controls when decoding).
    let undefinedBytes: [UInt8]
    /// Scalar < 0x300 -> byte, or -1.
    private let low: [Int16]
    /// Scalars >= 0x300, sorted, with their bytes.
    private let highScalars: [UInt32]
    private let highBytes: [UInt8]
    /// Bit n set: byte 0x80 + n is defined as something other than the C1 control U+0080 + n.
    private let definedC1Mask: UInt32

    init(id: ID, name: String, table: [UInt32]) {
        precondition(table.count == 128)
        self.id = id
        self.name = name
        var low = [Int16](repeating: -1, count: 0x300)
        var high: [(UInt32, UInt8)] = []
        var undefined: [UInt8] = []
        var mask: UInt32 = 0
        for (offset, scalar) in table.enumerated() {
            let byte = UInt8(0x80 + offset)
            if scalar == 0 {
                undefined.append(byte)
                continue
            }
            if scalar < 0x300 { low[Int(scalar)] = Int16(byte) } else { high.append((scalar, byte)) }
            if offset < 32 && scalar != UInt32(byte) { mask |= 1 << UInt32(offset) }
        }
        // C1 controls stand for their own byte in every code page (sloppy decoding, Latin-1).
        for byte in 0x80...0x9F where low[byte] == -1 { low[byte] = Int16(byte) }
        high.sort { $0.0 < $1.0 }
        self.low = low
        self.highScalars = high.map(\.0)
        self.highBytes = high.map(\.1)
        self.undefinedBytes = undefined
        self.definedC1Mask = mask
    }

    /// The byte this character stands for in the code page, or -1.
    @inline(__always)
    func byte(for scalar: UInt32) -> Int {
        if scalar < 0x300 { return Int(low[Int(scalar)]) }
        var lower = 0
        var upper = highScalars.count
        while lower < upper {
            let middle = (lower + upper) >> 1
            let value = highScalars[middle]
            if value == scalar { return Int(highBytes[middle]) }
            if value < scalar { lower = middle + 1 } else { upper = middle }
        }
        return -1
    }

    /// True when `scalar` is a C1 control standing for a byte this code page defines otherwise.
    @inline(__always)
    func isNonNativeC1(_ scalar: UInt32) -> Bool {
        scalar >= 0x80 && scalar <= 0x9F && definedC1Mask & (1 << (scalar - 0x80)) != 0
    }

    /// True when `byte` is undefined in this code page.
    @inline(__always)
    func isUndefined(_ byte: UInt8) -> Bool { undefinedBytes.contains(byte) }

    static let windows1252 = CodePage(id: .windows1252, name: "Windows-1252", table: CodePageTables.windows1252)
    static let latin1 = CodePage(id: .latin1, name: "Latin-1", table: (0x80...0xFF).map { UInt32($0) })
    static let windows1250 = CodePage(id: .windows1250, name: "Windows-1250", table: CodePageTables.windows1250)
    static let windows1254 = CodePage(id: .windows1254, name: "Windows-1254", table: CodePageTables.windows1254)
    static let macRoman = CodePage(id: .macRoman, name: "Mac Roman", table: CodePageTables.macRoman)

    /// Bit n set: the character stands for a lead byte (C2...F4) in `all[n]`; in `continuation`:
    /// for a continuation byte (80...BF).
    struct ByteRoles {
        var lead: UInt8 = 0
        var continuation: UInt8 = 0
    }

    static func roles(of scalar: UInt32) -> ByteRoles {
        if scalar < 0x300 { return lowRoles[Int(scalar)] }
        return computeRoles(scalar)
    }

    private static func computeRoles(_ scalar: UInt32) -> ByteRoles {
        var roles = ByteRoles()
        for (index, page) in all.enumerated() {
            let byte = page.byte(for: scalar)
            if byte >= 0xC2 && byte <= 0xF4 { roles.lead |= 1 << UInt8(index) }
            if byte >= 0x80 && byte <= 0xBF { roles.continuation |= 1 << UInt8(index) }
        }
        return roles
    }

    private static let lowRoles: [ByteRoles] = (0..<0x300).map { computeRoles(UInt32($0)) }

    /// False when no code page makes a lead byte's character followed by a continuation byte's
    /// out of any two neighbouring characters of `line` (valid UTF-8): then nothing in it can be
    /// a complete mojibake sequence.
    static func mayHoldMojibake(_ line: [UInt8]) -> Bool {
        var previousLead: UInt8 = 0
        var index = 0
        let count = line.count
        while index < count {
            let b0 = line[index]
            if b0 < 0x80 {
                previousLead = 0
                index += 1
                continue
            }
            let scalar: UInt32
            if b0 < 0xE0 {
                scalar = (UInt32(b0 & 0x1F) << 6) | UInt32(line[index + 1] & 0x3F)
                index += 2
            } else if b0 < 0xF0 {
                scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(line[index + 1] & 0x3F) << 6) | UInt32(line[index + 2] & 0x3F)
                index += 3
            } else {
                // Outside every code page.
                previousLead = 0
                index += 4
                continue
            }
            let roles = roles(of: scalar)
            if previousLead & roles.continuation != 0 { return true }
            previousLead = roles.lead
        }
        return false
    }

    /// In order of preference when several explain the same text equally well.
    static let all: [CodePage] = [.windows1252, .latin1, .windows1250, .windows1254, .macRoman]
}
