import Foundation
import SiteCore
import Testing

@Suite("Source file decoding")
struct SourceFileTests {
    @Test("isValidUTF8 agrees with the standard library's validation", arguments: [
        Array("plain ASCII, longer than eight bytes".utf8),
        Array("Grüße 🐄 – „quoted“ and more ASCII after it".utf8),
        [],
        [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
        [0xF0, 0x9F, 0x90, 0x84], [0x80], Array("12345678".utf8) + [0xFF] + Array("12345678".utf8),
    ])
    func validation(bytes: [UInt8]) {
        #expect(SourceFile.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
    }

    @Test("decodeMixed keeps valid UTF-8 and reads every other byte as Windows-1252")
    func mixedDecoding() {
        let bytes: [UInt8] = Array("Grüße ".utf8) + [0xFC, 0x80, 0x81] + Array(" 🐄".utf8)
        #expect(SourceFile.decodeMixed(bytes[...]) == "Grüße ü€\u{81} 🐄")
    }
}
