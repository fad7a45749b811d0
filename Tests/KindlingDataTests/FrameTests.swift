import XCTest
@testable import KindlingData

final class FrameTests: XCTestCase {
    func testPermutationMatchesNumpyLegacyRandomState() {
        // Recorded with numpy 2.4.6: np.random.RandomState(seed).choice(n, size, replace=False)
        func choice(_ seed: UInt32, _ n: Int, _ size: Int) -> [Int] {
            var rng = LegacyRandomState(seed: seed)
            return rng.choiceWithoutReplacement(n, size: size)
        }
        XCTAssertEqual(choice(1337, 10, 10), [6, 3, 0, 4, 5, 2, 1, 9, 8, 7])
        XCTAssertEqual(choice(42, 100, 20), [83, 53, 70, 45, 44, 39, 22, 80, 10, 0, 18, 30, 73, 33, 90, 4, 76, 77, 12, 31])
        XCTAssertEqual(choice(0, 1000, 7), [993, 859, 298, 553, 672, 971, 27])
        XCTAssertEqual(choice(UInt32.max, 5, 3), [4, 1, 0])
        let big = choice(1337, 60000, 12000)
        XCTAssertEqual(Array(big.prefix(10)), [39385, 28837, 35708, 53829, 27273, 16211, 56130, 13420, 49396, 31699])
        XCTAssertEqual(Array(big.suffix(10)), [26328, 37387, 16263, 42155, 20254, 32972, 5678, 38844, 3839, 10041])
        XCTAssertEqual(big.reduce(0, +), 363794731)
        var rng = LegacyRandomState(seed: 7)
        XCTAssertEqual(rng.choiceWithReplacement(50, size: 8), [47, 4, 25, 3, 19, 23, 39, 28])
    }

    func testSampleSizesLikePandas() throws {
        let df = try DataFrame(columns: ["a"], data: [.int64((0..<10).map { Int64($0) })])
        XCTAssertEqual(try df.sample(frac: 0.35, randomState: 3).index.int64Values, [5, 4, 1, 2])
        XCTAssertEqual(try df.sample(n: 4, randomState: 5).index.int64Values, [9, 5, 2, 4])
        XCTAssertEqual(try df.sample(frac: 0.25, randomState: 1).index.int64Values, [2, 9])   // round half to even
        XCTAssertEqual(try df.sample(randomState: 1).rowCount, 1)
        assertThrows("ValueError", "Cannot take a larger sample than population when 'replace=False'") {
            _ = try df.sample(n: 11, randomState: 1)
        }
        assertThrows("ValueError", "Seed must be between 0 and 2**32 - 1") { _ = try df.sample(n: 1, randomState: -1) }
    }

    func testTheLessonSplit() throws {
        let df = wideFrame(rows: 100)
        let valid = try df.sample(frac: 0.2, randomState: 1337)
        let train = try df.drop(labels: valid.index.labels).resetIndex()
        XCTAssertEqual(valid.rowCount, 20)
        XCTAssertEqual(train.rowCount, 80)
        XCTAssertTrue(train.index.isRange)
        XCTAssertEqual(valid.resetIndex().index, .range(count: 20))
        let validLabels = Set(valid.index.int64Values ?? [])
        guard case .int64(let trainLabels) = try train.column("label").values else { return XCTFail() }
        XCTAssertEqual(trainLabels.count, 80)
        XCTAssertFalse((0..<100).filter { !validLabels.contains(Int64($0)) }.map { Int64($0 % 10) } != trainLabels)
        assertThrows("KeyError", "'[100] not found in axis'") { _ = try df.drop(labels: [.int(100)]) }
    }

    func testILocShapesAndValues() throws {
        let df = try CSVReader.read(text: "label,p0,p1,p2\n7,1,2,3\n2,4,5,6\n1,7,8,9\n")
        guard case .frame(let pixels) = try df.iloc(.slice(.all), .slice(FrameSlice(1))) else { return XCTFail() }
        XCTAssertEqual(pixels.columns, ["p0", "p1", "p2"])
        let v = pixels.values
        XCTAssertEqual(v.shape, [3, 3])
        XCTAssertEqual(v.dtype, .int64)
        XCTAssertEqual(v.toFloats(), [1, 2, 3, 4, 5, 6, 7, 8, 9])
        XCTAssertEqual(v.toInt64s(), [1, 2, 3, 4, 5, 6, 7, 8, 9])
        guard case .series(let labels) = try df.iloc(.slice(.all), .position(0)) else { return XCTFail() }
        XCTAssertEqual(labels.array.toInt64s(), [7, 2, 1])
        XCTAssertEqual(labels.name, .string("label"))
        guard case .series(let row) = try df.iloc(.position(-1)) else { return XCTFail() }
        XCTAssertEqual(row.name, .int(2))
        XCTAssertEqual(row.toList(), [.int(1), .int(7), .int(8), .int(9)])
        guard case .scalar(let x) = try df.iloc(.position(1), .position(2)) else { return XCTFail() }
        XCTAssertEqual(x, .int(5))
        guard case .frame(let mid) = try df.iloc(.slice(FrameSlice(1, 3))) else { return XCTFail() }
        XCTAssertEqual(mid.index, .range(start: 1, step: 1, count: 2))
        guard case .frame(let rev) = try df.iloc(.slice(FrameSlice(nil, nil, -2))) else { return XCTFail() }
        XCTAssertEqual(try rev.column("label").array.toInt64s(), [1, 7])
        assertThrows("IndexError", "single positional indexer is out-of-bounds") { _ = try df.iloc(.position(3)) }
        assertThrows("KeyError", "'nope'") { _ = try df.column("nope") }
        let block = df.block(rows: [2, 0], columns: [1, 3])
        XCTAssertEqual(block.shape, [2, 2])
        XCTAssertEqual(block.toInt64s(), [7, 9, 1, 3])
        XCTAssertEqual(df.floatBlock(rows: [2, 0], columns: [1, 3]), [7, 9, 1, 3])
        XCTAssertEqual(df.floatBlock(rows: nil, columns: [0]), [7, 2, 1])
    }

    func testMixedColumnsGiveFloatRowsAndValues() throws {
        let df = try CSVReader.read(text: "a,b\n1,0.5\n2,1.5\n")
        guard case .series(let row) = try df.iloc(.position(0)) else { return XCTFail() }
        XCTAssertEqual(row.dtype, .float64)
        XCTAssertEqual(df.values.dtype, .float64)
        XCTAssertEqual(df.values.toDoubles(), [1, 0.5, 2, 1.5])
    }

    func testComparisonsFilteringAndValueCounts() throws {
        let df = try CSVReader.read(text: "label,x\n3,1\n1,2\n3,3\n0,4\n1,5\n3,6\n")
        let label = try df.column("label")
        let isThree = label.compare(.eq, .int(3))
        XCTAssertEqual(isThree.toList(), [true, false, true, false, false, true].map { FrameScalar.bool($0) })
        XCTAssertEqual(label.compare(.gt, .float(0.5)).toList().filter { $0 == .bool(true) }.count, 5)
        let threes = try df.filter(isThree)
        XCTAssertEqual(threes.index.int64Values, [0, 2, 5])
        let counts = label.valueCounts()
        XCTAssertEqual(counts.index.int64Values, [3, 1, 0])
        XCTAssertEqual(counts.array.toInt64s(), [3, 2, 1])
        XCTAssertEqual(counts.index.name, "label")
        XCTAssertEqual(try label.compare(.ne, label).toList().filter { $0 == .bool(true) }.count, 0)
        assertThrows("ValueError", "Can only compare identically-labeled Series objects") {
            _ = try label.compare(.eq, label.head(2))
        }
        XCTAssertEqual(label.sum(), .int(11))
        XCTAssertEqual(df.head(2).rowCount, 2)
        XCTAssertEqual(df.tail(2).index.int64Values, [4, 5])
        XCTAssertEqual(df.head(-4).rowCount, 2)
    }

    func testPythonSliceIndices() throws {
        XCTAssertEqual(try FrameSlice(nil, nil, -1).positions(count: 4).array, [3, 2, 1, 0])
        XCTAssertEqual(try FrameSlice(-2).positions(count: 5).array, [3, 4])
        XCTAssertEqual(try FrameSlice(1, 100, 3).positions(count: 8).array, [1, 4, 7])
        XCTAssertEqual(try FrameSlice(5, 1).positions(count: 8).array, [])
        XCTAssertEqual(try FrameSlice(-100, -1, -1).positions(count: 8).array, [])
        assertThrows("ValueError", "slice step cannot be zero") { _ = try FrameSlice(nil, nil, 0).positions(count: 3) }
    }
}

final class RobustnessTests: XCTestCase {
    func testExtremeArgumentsThrowOrClampInsteadOfCrashing() throws {
        let df = try CSVReader.read(text: "a\n1\n2\n3\n")
        XCTAssertEqual(try FrameSlice(nil, nil, Int.min).positions(count: 3).array, [2])
        XCTAssertEqual(try FrameSlice(Int.min, Int.max, Int.max).positions(count: 3).array, [0])
        XCTAssertEqual(df.tail(Int.min).rowCount, 0)
        XCTAssertEqual(df.head(Int.min).rowCount, 0)
        XCTAssertEqual(df.tail(Int.max).rowCount, 3)
        guard case .frame(let f) = try df.iloc(.slice(FrameSlice(nil, nil, Int.max))) else { return XCTFail() }
        XCTAssertEqual(f.rowCount, 1)
        assertThrows("IndexError", "single positional indexer is out-of-bounds") { _ = try df.iloc(.position(Int.min)) }
        XCTAssertThrowsError(try NDArray(.int64([1]), shape: [Int.max, Int.max]))
        XCTAssertThrowsError(try df.sample(frac: .infinity, replace: true, randomState: 1))
        XCTAssertThrowsError(try df.sample(frac: .nan, randomState: 1))
        var huge = idxImages(count: 0)
        huge[4...15] = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
        XCTAssertThrowsError(try IDXReader.decodeImages(huge, name: "h"))
    }
}
