import Foundation
import MarkdownRendering

/// An image's pixel size from its file header, without decoding the image: PNG, GIF, JPEG (the
/// frame header, turned by the Exif orientation as browsers show it), WebP (VP8, VP8L, VP8X) and
/// SVG (`width`/`height` in pixels, else the `viewBox`). nil for anything else.
enum ImageHeader {
    /// The size of the image in `file`, reading only what the header needs.
    static func size(ofFile file: URL) -> ImageSize? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        var source = ByteSource(handle: handle)
        return size(&source)
    }

    /// The size of the image in `data` (a whole file, or at least its header).
    static func size(of data: Data) -> ImageSize? {
        var source = ByteSource(data: data)
        return size(&source)
    }

    private static func size(_ source: inout ByteSource) -> ImageSize? {
        guard let head = source.bytes(at: 0, count: 32, partial: true), head.count >= 4 else { return nil }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return png(head) }
        if head.starts(with: Array("GIF8".utf8)) { return gif(head) }
        if head.starts(with: [0xFF, 0xD8]) { return jpeg(&source) }
        if head.starts(with: Array("RIFF".utf8)), head.count >= 16, head[8..<12].elementsEqual("WEBP".utf8) {
            return webP(head)
        }
        return svg(&source)
    }

    private static func valid(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// The IHDR chunk, first after the signature.
    private static func png(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 24, head[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        return valid(bigEndian(head[16..<20]), bigEndian(head[20..<24]))
    }

    /// The logical screen size.
    private static func gif(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 10 else { return nil }
        return valid(littleEndian(head[6..<8]), littleEndian(head[8..<10]))
    }

    private static func webP(_ head: [UInt8]) -> ImageSize? {
        guard head.count >= 30 else { return nil }
        let chunk = String(decoding: head[12..<16], as: UTF8.self)
        switch chunk {
        case "VP8 ":
            // The key frame's start code, then 14-bit width and height.
            guard head[23..<26].elementsEqual([0x9D, 0x01, 0x2A]) else { return nil }
            return valid(littleEndian(head[26..<28]) & 0x3FFF, littleEndian(head[28..<30]) & 0x3FFF)
        case "VP8L":
            guard head[20] == 0x2F else { return nil }
            let bits = littleEndian(head[21..<25])
            return valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return valid(littleEndian(head[24..<27]) + 1, littleEndian(head[27..<30]) + 1)
        default:
            return nil
        }
    }

    /// Walks the segments to the first frame header (SOF0…SOF15 but DHT, JPG and DAC), noting
    /// the Exif orientation on the way: 5…8 turn the image a quarter, as browsers show it.
    private static func jpeg(_ source: inout ByteSource) -> ImageSize? {
        var offset = 2
        var turned = false
        while let marker = source.bytes(at: offset, count: 4) {
            guard marker[0] == 0xFF else { return nil }
            let code = marker[1]
            if code == 0xFF {  // fill byte
                offset += 1
                continue
            }
            if code == 0xD8 || code == 0x01 || (0xD0...0xD7).contains(code) {  // no length
                offset += 2
                continue
            }
            if code == 0xD9 || code == 0xDA { return nil }  // end of image, start of scan
            let length = bigEndian(marker[2..<4])
            guard length >= 2 else { return nil }
            if code == 0xE1, let segment = source.bytes(at: offset + 4, count: min(length - 2, 65_536), partial: true) {
                turned = (5...8).contains(exifOrientation(segment) ?? 1)
            }
            if (0xC0...0xCF).contains(code), code != 0xC4, code != 0xC8, code != 0xCC {
                guard let frame = source.bytes(at: offset + 4, count: 5) else { return nil }
                let height = bigEndian(frame[1..<3]), width = bigEndian(frame[3..<5])
                return turned ? valid(height, width) : valid(width, height)
            }
            offset += 2 + length
        }
        return nil
    }

    /// The orientation tag (0x0112) of an APP1 Exif segment's first image directory.
    static func exifOrientation(_ segment: [UInt8]) -> Int? {
        guard segment.count >= 14, segment.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = Array(segment[6...])
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= tiff.count else { return nil }
            return little ? littleEndian(tiff[at..<(at + count)]) : bigEndian(tiff[at..<(at + count)])
        }
        guard let directory = number(4, 4), let entries = number(directory, 2) else { return nil }
        for entry in 0..<min(entries, 512) {
            let start = directory + 2 + entry * 12
            guard let tag = number(start, 2) else { return nil }
            if tag == 0x0112 { return number(start + 8, 2) }
        }
        return nil
    }

    /// The root `<svg>` tag's `width` and `height` when both are pixel lengths; else the
    /// `viewBox` size, scaled to the one length given.
    private static func svg(_ source: inout ByteSource) -> ImageSize? {
        guard let head = source.bytes(at: 0, count: 65_536, partial: true) else { return nil }
        let text = String(decoding: head, as: UTF8.self)
        guard let open = text.range(of: "<svg"),
              let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let attributes = Self.attributes(text[open.upperBound..<close])
        let width = attributes["width"].flatMap(pixels), height = attributes["height"].flatMap(pixels)
        if let width, let height { return valid(Int(width.rounded()), Int(height.rounded())) }
        let box = (attributes["viewBox"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline || $0 == "\t" })
            .compactMap { Double($0) }
        guard box.count == 4, box[2] > 0, box[3] > 0 else { return nil }
        let ratio = box[3] / box[2]
        if let width { return valid(Int(width.rounded()), Int((width * ratio).rounded())) }
        if let height { return valid(Int((height / ratio).rounded()), Int(height.rounded())) }
        return valid(Int(box[2].rounded()), Int(box[3].rounded()))
    }

    /// A length in pixels (`120`, `120px`, `120.5`); nil for percentages and other units.
    private static func pixels(_ value: String) -> Double? {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("px") { text.removeLast(2) }
        guard let number = Double(text), number > 0, number.isFinite else { return nil }
        return number
    }

    /// `name="value"` and `name='value'` pairs of a tag.
    private static func attributes(_ tag: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag[...]
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(whereSeparator: { $0.isWhitespace }).last.map(String.init) ?? ""
            var after = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = after.first, quote == "\"" || quote == "'" else {
                rest = after
                continue
            }
            after = after.dropFirst()
            guard let end = after.firstIndex(of: quote) else { break }
            if result[name] == nil { result[name] = String(after[..<end]) }
            rest = after[after.index(after: end)...]
        }
        return result
    }
}

/// The bytes of a file read in windows (most headers sit in the first few bytes; a JPEG's
/// frame header may come after large metadata segments), or of data in memory.
private struct ByteSource {
    private var handle: FileHandle?
    private var window = Data()
    private var windowStart = 0
    private static let windowSize = 65_536

    init(handle: FileHandle) {
        self.handle = handle
    }

    init(data: Data) {
        window = data
    }

    /// `count` bytes from `offset`; with `partial`, fewer when the file ends first.
    mutating func bytes(at offset: Int, count: Int, partial: Bool = false) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        if let handle, offset < windowStart || offset + count > windowStart + window.count {
            do {
                try handle.seek(toOffset: UInt64(offset))
                window = try handle.read(upToCount: max(count, Self.windowSize)) ?? Data()
                windowStart = offset
            } catch {
                return nil
            }
        }
        let start = offset - windowStart
        guard start <= window.count else { return nil }
        let end = min(window.count, start + count)
        guard partial || end - start == count else { return nil }
        let base = window.startIndex
        return Array(window[(base + start)..<(base + end)])
    }
}
