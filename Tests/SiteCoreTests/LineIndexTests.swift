import Testing
@testable import SiteCore

@Suite struct LineIndexTests {
    @Test func countsColumnsInCharactersNotBytes() {
        let index = LineIndex("first\nÄöü x\n")
        let offset = Array("first\nÄöü ".utf8).count
        #expect(index.position(ofOffset: offset) == (2, 5))
        #expect(index.lineText(2) == "Äöü x")
    }

    @Test func decodesWindows1252WhenBytesAreNotUTF8() {
        let (text, notes) = SourceFile.decode(Data([0x47, 0x72, 0xFC, 0xDF, 0x65, 0x0D, 0x0A]))
        #expect(text == "Grüße\n")
        #expect(notes.contains(.notUTF8(fallback: "Windows-1252")))
        #expect(notes.contains(.crlfLineEndings))
    }

    @Test func stripsByteOrderMark() {
        let (text, notes) = SourceFile.decode(Data([0xEF, 0xBB, 0xBF, 0x61]))
        #expect(text == "a")
        #expect(notes == [.byteOrderMark])
    }
}

import Foundation
