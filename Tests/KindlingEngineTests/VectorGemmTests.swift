import XCTest
@testable import KindlingEngine

/// The AVX2 kernels (every method, split in 1 to 3 parts over the worker
/// thread) against a naive double-precision product, and the worker itself.
/// On a CPU without AVX2 + FMA the same calls exercise the fallback.
final class VectorGemmTests: XCTestCase {
    private struct Case {
        var m: Int, n: Int, k: Int
        var transA = false, transB = false
        var alpha: Float = 1, beta: Float = 0
        var pad = 0
    }

    private static let methods: [VectorKernelMethod] = [.automatic, .broadcast, .packedBroadcast, .dot]

    /// Every method and part count on `item`; C's padding must stay untouched
    /// and beta == 0 must not read C (it starts as NaN).
    private func check(_ item: Case, parts: [Int] = [1, 2, 3], file: StaticString = #filePath, line: UInt = #line) {
        var rng = SplitMix(seed: UInt64(item.m * 7919 + item.n * 104_729 + item.k * 31 + item.pad))
        let aRows = item.transA ? item.k : item.m, aCols = item.transA ? item.m : item.k
        let bRows = item.transB ? item.n : item.k, bCols = item.transB ? item.k : item.n
        let lda = aCols + item.pad, ldb = bCols + item.pad, ldc = item.n + item.pad
        let a = (0..<max(1, aRows * lda)).map { _ in rng.nextFloat() }
        let b = (0..<max(1, bRows * ldb)).map { _ in rng.nextFloat() }
        let c0 = (0..<max(1, item.m * ldc)).map { _ in rng.nextFloat() }
        var expected = [Double](repeating: 0, count: max(1, item.m * item.n))
        var magnitude = expected
        for i in 0..<item.m {
            for j in 0..<item.n {
                var sum = 0.0, size = 0.0
                for p in 0..<item.k {
                    let av = Double(item.transA ? a[p * lda + i] : a[i * lda + p])
                    let bv = Double(item.transB ? b[j * ldb + p] : b[p * ldb + j])
                    sum += av * bv
                    size += abs(av * bv)
                }
                expected[i * item.n + j] = Double(item.alpha) * sum
                    + (item.beta == 0 ? 0 : Double(item.beta) * Double(c0[i * ldc + j]))
                magnitude[i * item.n + j] = size * Double(abs(item.alpha)) + abs(Double(item.beta)) + 1
            }
        }
        for method in Self.methods {
            for count in parts {
                var c = item.beta == 0 ? c0.map { _ in Float.nan } : c0
                if item.beta == 0 {  // padding keeps its values
                    for i in 0..<item.m { for j in item.n..<ldc { c[i * ldc + j] = c0[i * ldc + j] } }
                }
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            Gemm.sgemm(path: .vectorKernel(parts: count, method: method),
                                       transA: item.transA, transB: item.transB,
                                       m: item.m, n: item.n, k: item.k, alpha: item.alpha,
                                       a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                                       beta: item.beta, c: pc.baseAddress!, ldc: ldc)
                        }
                    }
                }
                for i in 0..<item.m {
                    for j in 0..<ldc {
                        let got = c[i * ldc + j]
                        if j >= item.n {
                            if got != c0[i * ldc + j] {
                                XCTFail("\(method) parts \(count) \(item) wrote padding (\(i), \(j))", file: file, line: line)
                                return
                            }
                            continue
                        }
                        let want = expected[i * item.n + j]
                        if !(abs(Double(got) - want) <= 1e-5 * magnitude[i * item.n + j]) {
                            XCTFail("\(method) parts \(count) \(item) at (\(i), \(j)): \(got) != \(want)",
                                    file: file, line: line)
                            return
                        }
                    }
                }
            }
        }
    }

    func testEdgeShapesInEveryLayout() {
        // Around the 6 x 16 and 3 x 3 tiles, the 8-float vectors and the 256-deep k blocks.
        for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
            for m in [1, 2, 5, 6, 7, 13] {
                for n in [1, 3, 8, 15, 16, 17, 33] {
                    for k in [1, 7, 8, 9, 64, 70] {
                        check(Case(m: m, n: n, k: k, transA: transA, transB: transB), parts: [1, 2])
                    }
                }
            }
        }
    }

    func testLessonShapes() {
        for batch in [5, 256] {
            check(Case(m: batch, n: 30, k: 784, transB: true))   // forward x @ w1.t()
            check(Case(m: 30, n: 784, k: batch, transA: true))   // dW1 = g.t() @ x
            check(Case(m: batch, n: 10, k: 30, transB: true))    // forward h @ w2.t()
            check(Case(m: batch, n: 1, k: 30, transB: true))     // w2's one output
            check(Case(m: 10, n: 30, k: batch, transA: true))    // dW2
            check(Case(m: batch, n: 30, k: 10))                  // dH = g @ w2
            check(Case(m: batch, n: 30, k: 784))                 // x @ w (from-scratch lessons)
            check(Case(m: 784, n: 30, k: batch, transA: true))   // x.t() @ g
        }
    }

    func testAlphaBetaPaddingAndDeepBlocks() {
        for (transA, transB) in [(false, false), (true, false), (false, true)] {
            check(Case(m: 9, n: 21, k: 300, transA: transA, transB: transB, alpha: -0.5, beta: 2, pad: 3))
            check(Case(m: 40, n: 50, k: 513, transA: transA, transB: transB, alpha: 2, beta: 1, pad: 1))
            check(Case(m: 4, n: 18, k: 7, transA: transA, transB: transB, alpha: 1, beta: 0, pad: 5))
        }
    }

    func testManyPartsAndThinSplits() {
        // More parts than tiles: the split clamps to one part per tile.
        check(Case(m: 7, n: 40, k: 20), parts: [8, 200])
        check(Case(m: 40, n: 7, k: 20, transB: true), parts: [8, 200])
    }

    func testEmptyAndZeroAlphaProducts() {
        check(Case(m: 3, n: 4, k: 0, beta: 0.5))
        check(Case(m: 3, n: 4, k: 0))
        check(Case(m: 0, n: 4, k: 5))
        check(Case(m: 3, n: 0, k: 5, transA: true))
        check(Case(m: 5, n: 17, k: 9, alpha: 0, beta: 0.5))
    }

    func testAutomaticPathUsesTheKernelsWhereAvailable() {
        XCTAssertEqual(VectorGemm.available, CPUFeatures.current.avx2 && CPUFeatures.current.fma)
        let lessonShape = VectorGemm.suits(transA: false, transB: true, m: 256, n: 30, k: 784)
        XCTAssertEqual(lessonShape, VectorGemm.available)
        XCTAssertEqual(VectorGemm.suits(transA: true, transB: false, m: 30, n: 784, k: 256), VectorGemm.available)
        XCTAssertEqual(VectorGemm.suits(transA: false, transB: false, m: 5, n: 30, k: 784), VectorGemm.available)
        if BLASLibrary.shared != nil {  // batch-size-5 products stay with BLAS's small-matrix path
            XCTAssertFalse(VectorGemm.suits(transA: false, transB: true, m: 5, n: 30, k: 784))
            XCTAssertFalse(VectorGemm.suits(transA: true, transB: false, m: 30, n: 784, k: 5))
        }
        XCTAssertFalse(VectorGemm.suits(transA: true, transB: true, m: 256, n: 30, k: 784))
        XCTAssertFalse(VectorGemm.suits(transA: false, transB: false, m: 1024, n: 1024, k: 1024))
        XCTAssertEqual(VectorGemm.automaticParts(m: 256, n: 30, k: 784), Gemm.vectorThreadsEnabled ? 8 : 1)
        XCTAssertEqual(VectorGemm.automaticParts(m: 64, n: 30, k: 200), Gemm.vectorThreadsEnabled ? 2 : 1)
        XCTAssertEqual(VectorGemm.automaticParts(m: 5, n: 10, k: 30), 1)
    }

    func testWorkerRunsEveryPartOnceAndSurvivesParking() throws {
        guard #available(macOS 15.0, *) else { throw XCTSkip("needs Synchronization") }
        for round in 0..<200 {
            let parts = 1 + round % 7
            let counts = UnsafeMutablePointer<Int>.allocate(capacity: parts)
            counts.initialize(repeating: 0, count: parts)
            defer { counts.deallocate() }
            GemmWorker.shared.run(parts: parts) { part in counts[part] += 1 }
            XCTAssertEqual((0..<parts).map { counts[$0] }, [Int](repeating: 1, count: parts))
            if round % 50 == 49 { usleep(20_000) }  // let the worker park
        }
    }

    func testConcurrentCallersEachGetCorrectProducts() {
        // Two threads multiply at once: one owns the worker, the other runs alone.
        let m = 64, n = 30, k = 100
        let a = (0..<(m * k)).map { Float($0 % 7) - 3 }
        let b = (0..<(n * k)).map { Float($0 % 5) - 2 }
        var expected = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { expected[i * n + j] += a[i * k + p] * b[j * k + p] } } }
        let failures = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        failures.initialize(repeating: 0, count: 2)
        defer { failures.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            var c = [Float](repeating: 0, count: m * n)
            for _ in 0..<300 {
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            Gemm.sgemm(path: .vectorKernel(parts: 2), transA: false, transB: true, m: m, n: n, k: k,
                                       alpha: 1, a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: k,
                                       beta: 0, c: pc.baseAddress!, ldc: n)
                        }
                    }
                }
                if c != expected { failures[thread] += 1 }
            }
        }
        XCTAssertEqual(failures[0] + failures[1], 0)
    }
}
