import Foundation
import MarkdownRendering
import Testing
@testable import SiteBuilder

/// Image sizes read from file headers, without decoding the image.
@Suite struct ImageHeaderTests {
    private func bytes(_ values: [Int]) -> [UInt8] { values.map { UInt8($0) } }
    private func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func be32(_ value: Int) -> [UInt8] { be16(value >> 16) + be16(value & 0xFFFF) }

    @Test func readsPNG() {
        let data = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Array("IHDR".utf8) + be32(1200) + be32(630) + [8, 6, 0, 0, 0]
        #expect(ImageHeader.size(of: Data(data)) == ImageSize(width: 1200, height: 630))
    }

    @Test func readsGIF() {
        let data = Array("GIF89a".utf8) + le16(320) + le16(200) + [0, 0, 0]
        #expect(ImageHeader.size(of: Data(data)) == ImageSize(width: 320, height: 200))
    }

    /// A JPEG's size is in its frame header (here SOF2, progressive), after other segments.
    @Test func readsJPEGFrameHeaderAfterOtherSegments() {
        let app0 = bytes([0xFF, 0xE0]) + be16(16) + Array("JFIF".utf8) + [0] + Array(repeating: 0, count: 9)
        let comment = bytes([0xFF, 0xFE]) + be16(2 + 70_000 % 65_000) + Array(repeating: 0x41, count: 70_000 % 65_000)
        let sof = bytes([0xFF, 0xC2]) + be16(17) + [8] + be16(480) + be16(640) + [3] + Array(repeating: 0, count: 9)
        let data = bytes([0xFF, 0xD8]) + app0 + comment + comment + sof + bytes([0xFF, 0xDA, 0, 2])
        #expect(ImageHeader.size(of: Data(data)) == ImageSize(width: 640, height: 480))
    }

    /// Orientations 5…8 turn the picture a quarter: browsers show it that way.
    @Test(arguments: [(1, false), (3, false), (6, true), (8, true)])
    func turnsJPEGByItsExifOrientation(orientation: Int, turned: Bool) {
        // Exif header, big-endian TIFF, one directory entry: orientation (SHORT, 1 value).
        let tiff = Array("MM".utf8) + be16(42) + be32(8) + be16(1) + be16(0x0112) + be16(3) + be32(1) + be16(orientation) + be16(0) + be32(0)
        let exif = Array("Exif".utf8) + [0, 0] + tiff
        let app1 = bytes([0xFF, 0xE1]) + be16(2 + exif.count) + exif
        let sof = bytes([0xFF, 0xC0]) + be16(17) + [8] + be16(300) + be16(400) + [3] + Array(repeating: 0, count: 9)
        let size = ImageHeader.size(of: Data(bytes([0xFF, 0xD8]) + app1 + sof))
        #expect(size == (turned ? ImageSize(width: 300, height: 400) : ImageSize(width: 400, height: 300)))
    }

    @Test func readsTheThreeKindsOfWebP() {
        func riff(_ chunk: String, _ payload: [UInt8]) -> Data {
            Data(Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [0, 0, 0, 0] + payload + Array(repeating: 0, count: 8))
        }
        let lossy = riff("VP8 ", [0, 0, 0] + [0x9D, 0x01, 0x2A] + le16(800) + le16(450))
        #expect(ImageHeader.size(of: lossy) == ImageSize(width: 800, height: 450))
        let bits = (799) | (449 << 14)
        let lossless = riff("VP8L", [0x2F] + le16(bits & 0xFFFF) + le16(bits >> 16))
        #expect(ImageHeader.size(of: lossless) == ImageSize(width: 800, height: 450))
        let extended = riff("VP8X", [0, 0, 0, 0] + [0x1F, 0x03, 0x00] + [0xC1, 0x01, 0x00])
        #expect(ImageHeader.size(of: extended) == ImageSize(width: 800, height: 450))
    }

    @Test func readsSVGLengthsOrItsViewBox() {
        func svg(_ attributes: String) -> ImageSize? {
            ImageHeader.size(of: Data("<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" \(attributes)><rect/></svg>".utf8))
        }
        #expect(svg("width=\"120\" height=\"80px\"") == ImageSize(width: 120, height: 80))
        #expect(svg("viewBox=\"0 0 300 150\"") == ImageSize(width: 300, height: 150))
        #expect(svg("width=\"100%\" viewBox='0,0,300,150'") == ImageSize(width: 300, height: 150))
        #expect(svg("width=\"600\" viewBox=\"0 0 300 150\"") == ImageSize(width: 600, height: 300))
        #expect(svg("width=\"10em\" height=\"5em\"") == nil)
    }

    @Test func knowsNoSizeOfOtherFiles() {
        #expect(ImageHeader.size(of: Data("plain text".utf8)) == nil)
        #expect(ImageHeader.size(of: Data()) == nil)
        #expect(ImageHeader.size(of: Data([0xFF, 0xD8, 0xFF])) == nil)
    }

    /// Images of the real blog, with the sizes `file` reports (a progressive JPEG, a 5501×4001
    /// photo, PNG screenshots, an Illustrator SVG with fractional lengths).
    @Test(arguments: [
        ("static/images/new-blog_thumb.jpg", 640, 426),
        ("static/images/2023/May/arm64_announcement.jpg", 1280, 503),
        ("static/images/mailcow-feat-alpine_preview.jpg", 5501, 4001),
        ("content/posts/2022/de-youtube-raspberrypicloud/thumb.jpg", 1280, 720),
        ("content/posts/2023/mailcow-idp/images/sso_keycloak13.png", 1123, 511),
        ("static/images/2023/April/netfilter_incremental_de.png", 823, 1153),
        ("content/images/cow_mailcow.svg", 395, 377),
    ])
    func readsTheCorpusImages(path: String, width: Int, height: Int) {
        #expect(ImageHeader.size(ofFile: RepoPaths.hugoBlog.appending(path: path)) == ImageSize(width: width, height: height))
    }
}
