import XCTest
@testable import KindlingGraphics

/// Decodes the sixel stream back to palette indices to check bands, runs and colour selection.
final class SixelRoundTripTests: XCTestCase {
    func decode(_ text: String, width: Int, height: Int) -> [Int?] {
        var pixels = [Int?](repeating: nil, count: width * height)
        let bytes = Array(text.utf8)
        guard let q = bytes.firstIndex(of: UInt8(ascii: "q")) else { return pixels }
        var i = q + 1
        var x = 0, band = 0, color = 0
        func number() -> Int {
            var value = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { value = value * 10 + Int(bytes[i] - 48); i += 1 }
            return value
        }
        func put(_ character: UInt8, times: Int) {
            let bits = Int(character) - 63
            for _ in 0..<times {
                for bit in 0..<6 where bits & (1 << bit) != 0 {
                    let y = band * 6 + bit
                    if x < width, y < height { pixels[y * width + x] = color }
                }
                x += 1
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count, bytes[i] == UInt8(ascii: ";") || (bytes[i] >= 48 && bytes[i] <= 57) { i += 1 }
            case UInt8(ascii: "#"):
                i += 1
                color = number()
                if i < bytes.count, bytes[i] == UInt8(ascii: ";") {  // palette definition: skip ;2;r;g;b
                    for _ in 0..<4 { i += 1; _ = number() }
                }
            case UInt8(ascii: "!"):
                i += 1
                let count = number()
                put(bytes[i], times: count)
                i += 1
            case UInt8(ascii: "$"): x = 0; i += 1
            case UInt8(ascii: "-"): x = 0; band += 1; i += 1
            case 63...126: put(c, times: 1); i += 1
            default: i += 1
            }
        }
        return pixels
    }

    func testFigureRoundTrip() throws {
        let figure = try Figure(figsize: (1.3, 0.7), dpi: 50)
        try figure.axes[0].plot(y: [0, 1, 0.5], label: "a")
        figure.axes[0].title = "t"
        let raster = figure.render()
        let text = SixelEncoder.encode(raster)
        let (_, indices) = SixelEncoder.quantize(raster, background: .white)
        let decoded = decode(text, width: raster.width, height: raster.height)
        XCTAssertEqual(decoded.count, indices.count)
        XCTAssertEqual(decoded, indices.map { Int($0) })
    }

    func testQuantisedRoundTrip() {
        var raster = Raster(width: 40, height: 13)
        for i in 0..<raster.pixels.count {
            raster.pixels[i] = RGBA(UInt8(i % 256), UInt8(i / 256 * 90), UInt8(i * 3 % 256))
        }
        let (palette, indices) = SixelEncoder.quantize(raster, background: .white)
        XCTAssertEqual(palette.count, 252, "more than 256 colours fall back to the 6x7x6 cube")
        XCTAssertEqual(decode(SixelEncoder.encode(raster), width: 40, height: 13), indices.map { Int($0) })
    }
}
