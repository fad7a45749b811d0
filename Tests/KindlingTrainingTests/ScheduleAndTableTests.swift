import XCTest
@testable import KindlingTraining

/// Reference values recorded from fastai 2.8.12 (which computes schedules in
/// float32, hence the tolerances).
final class ScheduleAndTableTests: XCTestCase {
    func testOneCycleMatchesFastai() {
        let sched = CombinedCosine.oneCycle(lrMax: 0.1)
        let expected: [(Double, Double)] = [(0, 0.004), (0.1, 0.0371671851), (0.25, 0.1), (0.5, 0.0750002486), (0.99, 4.4858e-05)]
        for (pos, value) in expected {
            XCTAssertEqual(sched(pos), value, accuracy: 1e-7, "pos \(pos)")
        }
    }

    func testFrozenEpochScheduleOfFineTune() {
        let sched = CombinedCosine.oneCycle(lrMax: 0.1, pctStart: 0.99)
        XCTAssertEqual(sched(0), 0.004, accuracy: 1e-12)
        XCTAssertEqual(sched(0.5), 0.0527615625, accuracy: 1e-7)
        XCTAssertEqual(sched(0.995), 0.0500005, accuracy: 1e-7)
    }

    func testSmoothedLossMatchesFastai() {
        var s = SmoothedLoss()
        XCTAssertNil(s.value)
        for v in [1.0, 0.5, 0.25] { s.add(v) }
        XCTAssertEqual(s.value ?? 0, 0.578288197517395, accuracy: 1e-6)
    }

    func testWeightedAverageWeighsByBatchSize() {
        var a = WeightedAverage()
        a.add(1.0, weight: 3)
        a.add(0.0, weight: 1)
        XCTAssertEqual(a.value, 0.75)
    }

    func testResultsTableLayoutIsFastprogress() {
        let t = ResultsTable(names: ["epoch", "train_loss", "valid_loss", "accuracy", "time"])
        XCTAssertEqual(t.header, "epoch     train_loss  valid_loss  accuracy  time    ")
        let row = t.row(["0", ResultsTable.formatValue(1.465275), ResultsTable.formatValue(0.788375),
                         ResultsTable.formatValue(0.842), ResultsTable.formatTime(0.4)])
        XCTAssertEqual(row, "0         1.465275    0.788375    0.842000  00:00     ")
        XCTAssertEqual(ResultsTable.formatTime(3725), "1:02:05")
        XCTAssertEqual(ResultsTable.formatTime(65), "01:05")
    }

    func testProgressBarLine() {
        let bar = ProgressBar(total: 4, width: 8)
        XCTAssertEqual(bar.render(done: 2, elapsed: 1, comment: "0.5000"), "|████----| 50.00% [2/4 00:01<00:01 0.5000]")
        XCTAssertEqual(bar.render(done: 0, elapsed: 0), "|--------| 0.00% [0/4 00:00<?]")
    }

    func testBatchSamplerCoversEveryIndexOnce() {
        let s = BatchSampler(count: 15, batchSize: 4, shuffle: true, dropLast: false)
        XCTAssertEqual(s.batchCount, 4)
        let batches = s.batches(seed: 7)
        XCTAssertEqual(batches.map(\.count), [4, 4, 4, 3])
        XCTAssertEqual(batches.flatMap { $0 }.sorted(), Array(0..<15))
        XCTAssertNotEqual(batches.flatMap { $0 }, Array(0..<15), "shuffled")
        XCTAssertEqual(s.batches(seed: 7), batches, "same seed, same order")
        XCTAssertNotEqual(s.batches(seed: 8), batches)
    }

    func testBatchSamplerDropLastAndInOrder() {
        let s = BatchSampler(count: 10, batchSize: 4, shuffle: false, dropLast: true)
        XCTAssertEqual(s.batchCount, 2)
        XCTAssertEqual(s.batches(seed: 0), [[0, 1, 2, 3], [4, 5, 6, 7]])
        XCTAssertEqual(BatchSampler(count: 0, batchSize: 4, shuffle: true, dropLast: false).batches(seed: 1), [])
    }
}
