import XCTest
@testable import KindlingGraphics

final class ColorMapTests: XCTestCase {
    /// Recorded with matplotlib 3.11.2: `matplotlib.colormaps[name](x, bytes=True)` at these x.
    static let samplePoints: [Double] = [0.0, 0.1, 0.25, 0.3333, 0.5, 0.77, 0.999, 1.0]
    static let recorded: [(String, [(UInt8, UInt8, UInt8)])] = [
        ("gray", [(0, 0, 0), (25, 25, 25), (64, 64, 64), (85, 85, 85), (128, 128, 128), (197, 197, 197), (255, 255, 255), (255, 255, 255)]),
        ("Greys", [(255, 255, 255), (243, 243, 243), (216, 216, 216), (198, 198, 198), (149, 149, 149), (73, 73, 73), (0, 0, 0), (0, 0, 0)]),
        ("viridis", [(68, 1, 84), (72, 35, 116), (58, 82, 139), (48, 103, 141), (32, 144, 140), (105, 204, 91), (253, 231, 36), (253, 231, 36)]),
        ("magma", [(0, 0, 3), (20, 13, 53), (80, 18, 123), (113, 31, 129), (182, 54, 121), (252, 146, 101), (251, 252, 191), (251, 252, 191)]),
        ("Oranges", [(255, 245, 235), (254, 233, 212), (253, 207, 161), (253, 185, 125), (252, 140, 59), (207, 68, 1), (127, 39, 4), (127, 39, 4)]),
        ("Blues", [(247, 251, 255), (227, 238, 248), (197, 218, 238), (171, 207, 229), (106, 173, 213), (28, 107, 176), (8, 48, 107), (8, 48, 107)]),
        ("RdBu", [(103, 0, 31), (176, 23, 42), (229, 131, 104), (247, 182, 152), (246, 246, 246), (88, 160, 202), (5, 48, 97), (5, 48, 97)]),
        ("bwr", [(0, 0, 255), (50, 50, 255), (128, 128, 255), (170, 170, 255), (255, 254, 254), (255, 116, 116), (255, 0, 0), (255, 0, 0)]),
        ("viridis_r", [(253, 231, 36), (189, 222, 38), (91, 200, 98), (53, 183, 120), (32, 143, 140), (61, 75, 137), (68, 1, 84), (68, 1, 84)]),
        ("RdBu_r", [(5, 48, 97), (32, 100, 170), (107, 172, 208), (167, 207, 228), (247, 246, 246), (222, 114, 91), (103, 0, 31), (103, 0, 31)]),
        ("gray_r", [(255, 255, 255), (230, 230, 230), (191, 191, 191), (170, 170, 170), (127, 127, 127), (57, 57, 57), (0, 0, 0), (0, 0, 0)]),
        ("binary", [(255, 255, 255), (230, 230, 230), (191, 191, 191), (170, 170, 170), (127, 127, 127), (57, 57, 57), (0, 0, 0), (0, 0, 0)]),
        ("Reds", [(255, 245, 240), (254, 228, 216), (252, 186, 160), (252, 159, 129), (250, 105, 73), (196, 22, 27), (103, 0, 12), (103, 0, 12)]),
        ("Greens", [(247, 252, 245), (232, 246, 228), (198, 232, 191), (173, 222, 167), (115, 195, 117), (28, 133, 64), (0, 68, 27), (0, 68, 27)]),
        ("Purples", [(252, 251, 253), (241, 240, 246), (217, 217, 234), (198, 198, 225), (157, 153, 199), (102, 73, 159), (63, 0, 125), (63, 0, 125)]),
        ("bwr_r", [(255, 0, 0), (255, 50, 50), (255, 128, 128), (255, 170, 170), (254, 254, 255), (116, 116, 255), (0, 0, 255), (0, 0, 255)]),
        ("magma_r", [(251, 252, 191), (253, 207, 146), (251, 134, 96), (240, 96, 93), (181, 54, 121), (71, 15, 119), (0, 0, 3), (0, 0, 3)]),
        ("Greys_r", [(0, 0, 0), (29, 29, 29), (82, 82, 82), (104, 104, 104), (150, 150, 150), (221, 221, 221), (255, 255, 255), (255, 255, 255)]),
        ("Oranges_r", [(127, 39, 4), (157, 50, 3), (217, 72, 1), (233, 93, 13), (253, 141, 60), (253, 211, 169), (255, 245, 235), (255, 245, 235)]),
        ("Blues_r", [(8, 48, 107), (8, 73, 145), (33, 113, 181), (55, 135, 192), (107, 174, 214), (202, 221, 240), (247, 251, 255), (247, 251, 255)]),
    ]

    func testColoursMatchMatplotlib() throws {
        for (name, expected) in ColorMapTests.recorded {
            let map = try ColorMap.named(name)
            XCTAssertEqual(map.table.count, 256)
            for (x, rgb) in zip(ColorMapTests.samplePoints, expected) {
                XCTAssertEqual(map.color(atUnit: x), RGBA(rgb.0, rgb.1, rgb.2), "\(name) at \(x)")
            }
        }
    }

    func testOutOfRangeAndNaN() throws {
        let viridis = try ColorMap.named("viridis")
        XCTAssertEqual(viridis.color(atUnit: -3), viridis.table[0])
        XCTAssertEqual(viridis.color(atUnit: 7), viridis.table[255])
        XCTAssertEqual(viridis.color(atUnit: .nan), RGBA.clear)
        XCTAssertEqual(viridis.color(atUnit: .infinity), viridis.table[255])
    }

    func testUnknownNameThrowsValueError() {
        XCTAssertThrowsError(try ColorMap.named("foo")) { error in
            guard let error = error as? GraphicsError else { return XCTFail("wrong error type") }
            XCTAssertEqual(error.pythonType, "ValueError")
            XCTAssertTrue(error.message.hasPrefix("'foo' is not a valid value for cmap"))
            XCTAssertTrue(error.message.contains("'viridis'"))
        }
        XCTAssertEqual(try ColorMap.named("gray_r").name, "gray_r")
        XCTAssertEqual(try ColorMap.named("gray_r").reversed().name, "gray")
    }

    func testNormalizationLikeImshow() throws {
        let norm = try Normalization.fitting([Float(2), 4, .nan, 6])
        XCTAssertEqual(norm.vmin, 2)
        XCTAssertEqual(norm.vmax, 6)
        XCTAssertEqual(norm.unit(4), 0.5)
        XCTAssertTrue(norm.unit(.nan).isNaN)
        let constant = try Normalization.fitting([Float(2), 2, 2])
        XCTAssertEqual(constant.unit(2), 0, "matplotlib maps a constant image to 0")
        let empty = try Normalization.fitting([Float]())
        XCTAssertEqual(empty.vmin, 0)
        XCTAssertEqual(empty.vmax, 1)
        XCTAssertEqual(try Normalization.fitting([Float(2), 4], vmin: 0, vmax: 1).vmax, 1)
        XCTAssertThrowsError(try Normalization(vmin: 1, vmax: 0))
    }

    func testNamedColours() {
        XCTAssertEqual(ColorCycle.color(at: 0), RGBA(0x1f, 0x77, 0xb4))
        XCTAssertEqual(ColorCycle.color(at: 11), RGBA(0xff, 0x7f, 0x0e))
        XCTAssertEqual(ColorCycle.named("r"), RGBA(255, 0, 0))
        XCTAssertEqual(ColorCycle.named("C2"), ColorCycle.color(at: 2))
        XCTAssertEqual(ColorCycle.named("#00ff00"), RGBA(0, 255, 0))
        XCTAssertNil(ColorCycle.named("notacolour"))
    }
}
