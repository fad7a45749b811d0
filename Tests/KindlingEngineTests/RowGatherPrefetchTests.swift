import XCTest
@testable import KindlingEngine

/// `RowGather.prefetch` (the next DataLoader batch copied ahead on the
/// product worker) and the worker's background jobs: a prefetched batch is
/// used only when it is what `stack` would give at that moment.
final class RowGatherPrefetchTests: XCTestCase {
    /// 400 rows of 400 floats: a batch of 96 rows (150 KB) passes `parallelBytes`.
    private func dataset() throws -> (Tensor, [Tensor]) {
        let base = try Tensor.arange(end: .int(400 * 400), dtype: .float32).reshape([400, 400])
        return (base, try (0..<400).map { try base.select(dim: 0, index: $0) })
    }

    private func picks(_ seed: Int, count: Int = 96) -> [Int] {
        (0..<count).map { ($0 * 131 + seed * 17) % 400 }
    }

    private func assertStacked(_ out: Tensor, _ items: [Tensor], _ indices: [Int],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try Tensor.stack(indices.map { items[$0] }, dim: 0)
        XCTAssertEqual(out.shape, expected.shape, file: file, line: line)
        let got = out.scalars(), want = expected.scalars()
        let firstDifference = Array(zip(got, want)).firstIndex { $0.0 != $0.1 }
        XCTAssertTrue(got.count == want.count && firstDifference == nil,
                      "batch differs from stack at element \(firstDifference ?? -1)", file: file, line: line)
        for t in items.prefix(3) { XCTAssertFalse(out.sharesStorage(with: t), file: file, line: line) }
    }

    func testPrefetchedBatchesEqualStackOverManyRounds() throws {
        let (_, items) = try dataset()
        XCTAssertGreaterThanOrEqual(96 * 400 * 4, RowGather.parallelBytes)
        let gather = RowGather(items)
        var next = picks(0)
        for round in 1...150 {
            let current = next
            next = picks(round)
            let out = try gather.stack(current)
            gather.prefetch(next)
            try assertStacked(out, items, current)
            if round % 40 == 0 { usleep(20_000) }  // the worker parks; a post must wake it or run on the caller
        }
    }

    func testWritesToTheDatasetAfterPrefetchAreSeen() throws {
        let (base, items) = try dataset()
        let gather = RowGather(items)
        let indices = picks(3)
        gather.prefetch(indices)
        try base.add_(.scalar(.float(1)))            // bumps the storage's version
        try assertStacked(try gather.stack(indices), items, indices)
        gather.prefetch(indices)
        try items[indices[5]].fill_(.float(-2))       // a write through one item's view
        try assertStacked(try gather.stack(indices), items, indices)
    }

    func testReplacedItemsAndOtherIndicesAfterPrefetch() throws {
        let (_, items) = try dataset()
        let gather = RowGather(items)
        let indices = picks(4)
        gather.prefetch(indices)
        items[indices[0]].data = try Tensor.zeros([400], dtype: .float32)   // new storage for a picked item
        try assertStacked(try gather.stack(indices), items, indices)
        gather.prefetch(indices)
        let other = picks(9)
        try assertStacked(try gather.stack(other), items, other)     // not the prefetched batch
        try assertStacked(try gather.stack(indices), items, indices)
    }

    func testAbandonedPrefetchLeavesNothingBehind() throws {
        let (_, items) = try dataset()
        for _ in 0..<20 {
            let gather = RowGather(items)
            gather.prefetch(picks(1))                 // never taken: the gather goes away
        }
        let gather = RowGather(items)
        let indices = picks(2)
        gather.prefetch(indices)
        try assertStacked(try gather.stack(indices), items, indices)
    }

    func testSmallBatchesAndBadIndicesAreNotPrefetched() throws {
        let (_, items) = try dataset()
        let gather = RowGather(items)
        gather.prefetch([1, 2])                        // below parallelBytes: left to stack
        try assertStacked(try gather.stack([1, 2]), items, [1, 2])
        gather.prefetch([1, 400])                      // out of range: stack raises as before
        XCTAssertThrowsError(try gather.stack([1, 400]))
    }

    func testBackgroundJobRunsEveryPartOnce() throws {
        guard #available(macOS 15.0, *) else { throw XCTSkip("needs Synchronization") }
        for round in 0..<200 {
            let parts = 1 + round % 16
            let counts = UnsafeMutablePointer<Int>.allocate(capacity: parts)
            counts.initialize(repeating: 0, count: parts)
            defer { counts.deallocate() }
            if let job = GemmWorker.shared.post(parts: parts, { counts[$0] += 1 }) {
                if round % 3 == 0 { GemmWorker.shared.run(parts: 4) { _ in } }   // products meanwhile
                GemmWorker.shared.finish(job)
            } else {
                XCTFail("no background job could be posted in round \(round)")
            }
            XCTAssertEqual((0..<parts).map { counts[$0] }, [Int](repeating: 1, count: parts))
            if round % 50 == 49 { usleep(20_000) }
        }
    }
}
