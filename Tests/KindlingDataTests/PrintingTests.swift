import XCTest
@testable import KindlingData

/// The frame the recording script builds: label = r % 10, every fifth pixel varies.
func wideFrame(rows: Int) -> DataFrame {
    var names = ["label"]
    var data: [NumericBuffer] = [.int64((0..<rows).map { Int64($0 % 10) })]
    for c in 0..<784 {
        names.append("pixel\(c)")
        data.append(.int64((0..<rows).map { r in c % 5 == 0 ? Int64((r * 37 + c * 11) % 256) : 0 }))
    }
    return try! DataFrame(columns: names, data: data)   // test fixture: sizes are consistent by construction
}

final class PrintingTests: XCTestCase {
    let w = wideFrame(rows: 12)
    let long = wideFrame(rows: 70)

    func testWideFrameFitsEightyColumns() {
        XCTAssertEqual(w.head().pandasRepr(), PandasExpected.wideHead)
        XCTAssertEqual(w.pandasRepr(), PandasExpected.wideAll)
        XCTAssertEqual(long.pandasRepr(), PandasExpected.wideLong)
    }

    func testMaxColumnsTwentyWraps() {
        var o = DisplayOptions()
        o.maxColumns = 20
        XCTAssertEqual(w.head().pandasRepr(o), PandasExpected.wideHeadMax20)
    }

    func testSeriesReprs() throws {
        XCTAssertEqual(try w.column("label").pandasRepr(), PandasExpected.labelSeries)
        XCTAssertEqual(try long.column("label").pandasRepr(), PandasExpected.longLabelSeries)
        guard case .series(let row) = try w.iloc(.position(3)) else { return XCTFail() }
        XCTAssertEqual(row.pandasRepr(), PandasExpected.rowSeries)
        guard case .series(let part) = try w.iloc(.position(3), .slice(FrameSlice(1, 6))) else { return XCTFail() }
        XCTAssertEqual(part.pandasRepr(), PandasExpected.rowSlice)
        XCTAssertEqual(try long.column("label").valueCounts().pandasRepr(), PandasExpected.valueCounts)
        XCTAssertEqual(try w.column("label").compare(.eq, .int(3)).head(4).pandasRepr(), PandasExpected.boolSeries)
    }

    func testFloatColumns() throws {
        let f = try DataFrame(columns: ["x", "y", "z"], data: [.float64([0.5, 1.0, .nan, 2.25]), .int64([1, 2, 3, 4]),
                                                               .float64([1e-7, 2, 3, 4])])
        XCTAssertEqual(f.pandasRepr(), PandasExpected.floatFrame)
        XCTAssertEqual(try f.column("x").pandasRepr(), PandasExpected.floatSeries)
    }

    func testSampledFrameAndIndexReprs() throws {
        let s = try long.sample(frac: 0.5, randomState: 1337)
        XCTAssertEqual(try s.head().columns(["label", "pixel0", "pixel5"]).pandasRepr(), PandasExpected.sampledHead)
        XCTAssertEqual(s.index.pandasRepr, PandasExpected.sampledIndex)
        XCTAssertEqual(w.index.pandasRepr, PandasExpected.rangeIndex)
        XCTAssertEqual(w.columnIndex.pandasRepr, PandasExpected.columnsIndex)
        XCTAssertEqual(try w.columns(["label", "pixel0"]).columnIndex.pandasRepr, "Index(['label', 'pixel0'], dtype='str')")
        XCTAssertEqual(Series(values: .float64([0.5, 0.5, 1.5, .nan]), name: .string("x")).valueCounts().pandasRepr(),
                       "x\n0.5    2\n1.5    1\nName: count, dtype: int64")
        XCTAssertEqual(Series(values: .int64([]), name: .string("a")).pandasRepr(), "Series([], Name: a, dtype: int64)")
        let big = try DataFrame(columns: ["a"], data: [.int64((0..<3000).map { Int64($0) })]).sample(frac: 0.5, randomState: 1)
        XCTAssertEqual(big.index.pandasRepr, PandasExpected.bigIndex)
    }

    func testNumpyReprs() throws {
        guard case .frame(let pixels) = try w.iloc(.slice(.all), .slice(FrameSlice(1))) else { return XCTFail() }
        XCTAssertEqual(pixels.values.numpyRepr, PandasExpected.npInt2D)
        XCTAssertEqual(pixels.values.numpyStr, PandasExpected.npInt2Dstr)
        XCTAssertEqual(try w.column("label").array.numpyRepr, PandasExpected.npSmall)
        XCTAssertEqual(try w.column("label").array.numpyStr, PandasExpected.npSmallStr)
        XCTAssertEqual(try NDArray(.float64([0.5, 0.25, 1, 3]), shape: [4]).numpyRepr, PandasExpected.npFloat)
        XCTAssertEqual(try NDArray(.float64([0.5, .nan, 10]), shape: [3]).numpyRepr, PandasExpected.npFloatNaN)
        guard case .frame(let corner) = try w.iloc(.slice(FrameSlice(nil, 3)), .slice(FrameSlice(nil, 4))) else { return XCTFail() }
        XCTAssertEqual(corner.values.numpyRepr, PandasExpected.npSmall2D)
        XCTAssertEqual(try NDArray(.bool([true, false, true]), shape: [3]).numpyRepr, PandasExpected.npBool)
        XCTAssertEqual(try NDArray(.int64((0..<30).map { Int64($0 * 1000) }), shape: [30]).numpyRepr, PandasExpected.npLong1D)
    }
}
