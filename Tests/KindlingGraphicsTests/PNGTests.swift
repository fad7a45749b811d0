import XCTest
@testable import KindlingGraphics

final class PNGTests: XCTestCase {
    func testStructure() throws {
        let png = try PNGEncoder.encode(width: 3, height: 2, colorType: .rgb, samples: [UInt8](0..<18))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR comes first: length 13, then width 3, height 2, depth 8, colour type 2, 0, 0, 0.
        XCTAssertEqual(Array(png[8..<16]), [0, 0, 0, 13] + Array("IHDR".utf8))
        XCTAssertEqual(Array(png[16..<29]), [0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0])
        // The IHDR CRC is zlib's CRC-32 of type + data (known value for this header).
        let crc = PNGEncoder.crc(Array("IHDR".utf8), Array(png[16..<29]))
        XCTAssertEqual(Array(png[29..<33]), [UInt8(crc >> 24), UInt8((crc >> 16) & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)])
        XCTAssertEqual(PNGEncoder.crc(Array("IEND".utf8), []), 0xAE42_6082)
        XCTAssertEqual(Array(png.suffix(12)), [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    func testRoundTripAllColourTypes() throws {
        for type in [PNGColorType.gray, .rgb, .rgba] {
            let width = 17, height = 9
            let samples = (0..<(width * height * type.channels)).map { UInt8(truncatingIfNeeded: $0 * 37 + $0 / 7) }
            let png = try PNGEncoder.encode(width: width, height: height, colorType: type, samples: samples)
            let decoded = try PNGDecoder.decode(png)
            XCTAssertEqual(decoded.width, width)
            XCTAssertEqual(decoded.height, height)
            XCTAssertEqual(decoded.colorType, type)
            XCTAssertEqual(decoded.samples, samples)
        }
    }

    func testRasterRoundTripKeepsAlphaOnlyWhenNeeded() throws {
        var raster = Raster(width: 4, height: 3, background: RGBA(10, 20, 30))
        raster.plot(x: 1, y: 1, color: RGBA(200, 100, 50))
        let opaque = try PNGDecoder.decode(PNGEncoder.encode(raster))
        XCTAssertEqual(opaque.colorType, .rgb)
        XCTAssertEqual(opaque.pixel(x: 1, y: 1), RGBA(200, 100, 50))
        raster.pixels[0] = RGBA(1, 2, 3, 4)
        let translucent = try PNGDecoder.decode(PNGEncoder.encode(raster))
        XCTAssertEqual(translucent.colorType, .rgba)
        XCTAssertEqual(translucent.pixel(x: 0, y: 0), RGBA(1, 2, 3, 4))
    }

    func testCorruptionIsDetected() throws {
        var png = try PNGEncoder.encode(width: 2, height: 2, colorType: .gray, samples: [0, 1, 2, 3])
        png[20] ^= 0xFF
        XCTAssertThrowsError(try PNGDecoder.decode(png))
        XCTAssertThrowsError(try PNGDecoder.decode([1, 2, 3]))
        XCTAssertThrowsError(try PNGEncoder.encode(width: 2, height: 2, colorType: .gray, samples: [0]))
        XCTAssertThrowsError(try PNGEncoder.encode(width: 0, height: 2, colorType: .gray, samples: []))
    }
}
