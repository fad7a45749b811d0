import XCTest
@testable import KindlingEngine

/// `RowGather` (the DataLoader's collation fast path) gives exactly what
/// `Tensor.stack` of the picked items gives, and falls back when it must.
final class RowGatherTests: XCTestCase {
    private func rows(_ base: Tensor) throws -> [Tensor] {
        try (0..<base.shape[0]).map { try base.select(dim: 0, index: $0) }
    }

    private func assertSameAsStack(_ items: [Tensor], _ indices: [Int],
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let fast = try RowGather(items).stack(indices)
        let slow = try Tensor.stack(indices.map { items[$0] }, dim: 0)
        XCTAssertEqual(fast.shape, slow.shape, file: file, line: line)
        XCTAssertEqual(fast.dtype, slow.dtype, file: file, line: line)
        XCTAssertEqual(fast.scalars(), slow.scalars(), file: file, line: line)
        XCTAssertTrue(fast.isContiguous, file: file, line: line)
        for t in items { XCTAssertFalse(fast.sharesStorage(with: t), file: file, line: line) }
    }

    func testRowViewsOfWideRowsInShuffledOrder() throws {
        // 70 floats per row: 4-row groups of 64-byte chunks plus a tail.
        let base = try Tensor.arange(end: .int(13 * 70), dtype: .float32).reshape([13, 70])
        let items = try rows(base)
        try assertSameAsStack(items, [12, 0, 5, 5, 3, 11, 1, 7, 9])   // 9 rows: two groups and one left over
        try assertSameAsStack(items, [4])
        try assertSameAsStack(items, Array((0..<13).reversed()))
    }

    func testLargeBatchesCopiedInPartsOnBothCores() throws {
        // 100 rows of 1,000 floats: 400 KB, above `parallelBytes`, so parts run on the product worker too.
        let base = try Tensor.arange(end: .int(300 * 1000), dtype: .float32).reshape([300, 1000])
        let items = try rows(base)
        let picked = (0..<100).map { ($0 * 37 + 11) % 300 }
        XCTAssertGreaterThanOrEqual(picked.count * 1000 * 4, RowGather.parallelBytes)
        for _ in 0..<3 { try assertSameAsStack(items, picked) }
    }

    func testLabelsAndSmallItemsOfEveryDtype() throws {
        let labels = try Tensor(shape: [6], ints: [3, 1, 4, 1, 5, 9])
        try assertSameAsStack(try rows(labels), [5, 0, 2, 2])           // 0-d int64 views (8 bytes)
        let floats = try Tensor(shape: [6, 1], floats: [0, 1, 1, 0, 1, 0])
        try assertSameAsStack(try rows(floats), [1, 3, 4])              // [1] float32 (4 bytes)
        let flags = try Tensor(shape: [4, 3], bools: [true, false, true, false, false, true, true, true, false, false, true, true])
        try assertSameAsStack(try rows(flags), [3, 1, 0])                // 3-byte rows
        let pairs = try Tensor.arange(end: .int(10)).reshape([5, 2])
        try assertSameAsStack(try rows(pairs), [4, 2, 0])
    }

    func testSeparateTensorsAndIndexErrors() throws {
        let items = try (0..<5).map { i in try Tensor(shape: [2, 2], floats: [Float(i), 1, 2, Float(-i)]) }
        try assertSameAsStack(items, [2, 4, 0])
        let gather = RowGather(items)
        for bad in [[0, 5], [-1]] {
            XCTAssertThrowsError(try gather.stack(bad)) { error in
                XCTAssertEqual((error as? TensorError)?.message, "list index out of range")
            }
        }
        XCTAssertThrowsError(try gather.stack([]))   // stack of an empty list, as before
    }

    func testFallsBackForMixedOrStridedItems() throws {
        // Mixed dtypes promote; column views are not contiguous; shapes differ -> stack's error.
        let mixed = [try Tensor(shape: [2], ints: [1, 2]), try Tensor(shape: [2], floats: [0.5, 1.5])]
        try assertSameAsStack(mixed, [1, 0])
        XCTAssertEqual(try RowGather(mixed).stack([0, 1]).dtype, .float32)
        let grid = try Tensor.arange(end: .int(12), dtype: .float32).reshape([3, 4])
        let columns = try (0..<4).map { try grid.select(dim: 1, index: $0) }
        try assertSameAsStack(columns, [3, 1])
        let ragged = [try Tensor.zeros([2]), try Tensor.zeros([3])]
        XCTAssertThrowsError(try RowGather(ragged).stack([0, 1]))
    }

    func testTracksChangesToItemsAfterCreation() throws {
        let base = try Tensor.arange(end: .int(8), dtype: .float32).reshape([4, 2])
        let items = try rows(base)
        let gather = RowGather(items)
        XCTAssertEqual(try gather.stack([1]).floatValues(), [2, 3])
        // In-place writes to the base are seen (the items are views).
        try base.mul_(.scalar(.float(10)))
        XCTAssertEqual(try gather.stack([1]).floatValues(), [20, 30])
        // `.data =` moves an item to new storage: the gather follows it.
        items[1].data = try Tensor(shape: [2], floats: [7, 8])
        XCTAssertEqual(try gather.stack([1, 0]).floatValues(), [7, 8, 0, 10])
        // `p.data -= x` sets back the same layout: the cached addresses stay valid.
        let epoch = Tensor.identityEpoch
        items[0].data = items[0].data
        XCTAssertEqual(Tensor.identityEpoch, epoch)
        items[0].data = try Tensor(shape: [2], floats: [5, 6])
        XCTAssertNotEqual(Tensor.identityEpoch, epoch)
        XCTAssertEqual(try gather.stack([0, 1]).floatValues(), [5, 6, 7, 8])
        // Unrelated identity changes (a tracked in-place op elsewhere) keep the plan working.
        let w = try Tensor(shape: [2], floats: [1, 1]).requiresGrad_()
        let h = try Tensor.binary(.mul, .tensor(w), .scalar(.float(2)))
        try h.add_(.scalar(.float(1)))
        XCTAssertEqual(try gather.stack([1, 2]).floatValues(), [7, 8, 40, 50])
        // An item that starts requiring grad makes the batch tracked, as stack does.
        let leaf = try Tensor(shape: [2], floats: [1, 1])
        let tracked = RowGather([leaf, try Tensor(shape: [2], floats: [2, 2])])
        XCTAssertNil(try tracked.stack([0, 1]).gradFn)
        try leaf.requiresGrad_()
        XCTAssertEqual(try tracked.stack([0, 1]).gradFn?.name, "StackBackward0")
        XCTAssertNil(try GradMode.withNoGrad { try tracked.stack([0, 1]) }.gradFn)
    }
}
