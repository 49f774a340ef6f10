import Foundation
import Testing
import Yams
@testable import ContentParsing

/// `YAMLScalarKind` writes out the rules of Yams' default resolver; it must type every plain
/// scalar as Yams does (null, bool, int, float, merge; the rest are strings here).
@Suite struct YAMLScalarKindTests {
    static func yams(_ text: String) -> YAMLScalarKind {
        switch Node(text).tag.rawValue {
        case Tag.Name.null.rawValue: .null
        case Tag.Name.bool.rawValue: .bool
        case Tag.Name.int.rawValue: .int
        case Tag.Name.float.rawValue: .float
        case Tag.Name.merge.rawValue: .merge
        default: .string
        }
    }

    @Test(arguments: [
        "", "~", "null", "Null", "NULL", "nULL", "yes", "YES", "yEs", "off", "On", "true", "False", "y", "n",
        "0", "-0", "+0", "00", "07", "08", "0o7", "0o", "0b101", "0b", "0b2", "0x1F", "0x", "0xg", "0X1", "1_000",
        "12", "-12", "1:30", "1:30:59", "1:60", "1:5", "1:05:", "190:20:30", "0:30", "1:3:", "1::3",
        "1.5", "1.", ".5", "+.5", "-.5", "1e5", "1E-5", "1.e5", ".5e5", ".5e+5", "1.5e", "1_0.0_1", "1:30.5", "1:30.",
        "1:3a.5", ".inf", "-.inf", "+.Inf", ".INF", ".nan", "-.nan", ".NaN", "<<", "<", "=", "2024-01-17",
        "2024-01-17T11:19:02+02:00", "v1.2", "Release 1.0", "12 Monkeys", "1,000", "1 000", "١٢", "0x_", "0b_",
    ])
    func agreesWithYamsOn(_ text: String) {
        #expect(YAMLScalarKind(text) == Self.yams(text), "\(text.debugDescription)")
    }

    @Test func agreesWithYamsOnRandomScalars() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "5", "6", "7", "8", "9", "_", ":", ".", "e", "E", "-", "+", "x", "o", "b", "a", "F",
                      "inf", "nan", "NaN", "yes", "null", "~", "<", " ", "T", "Z"]
        var checked = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(YAMLScalarKind(text) == Self.yams(text), "\(text.debugDescription)")
            checked += 1
        }
        #expect(checked == 20_000)
    }
}
