import XCTest
@testable import KindlingEngine

/// Every product path against a naive double-precision product, on shapes
/// around the kernels' tile and block edges, with transposed and padded operands.
final class BLASGemmTests: XCTestCase {
    private struct Case {
        var m: Int, n: Int, k: Int
        var transA = false, transB = false
        var alpha: Float = 1, beta: Float = 0
        var pad = 0  // extra elements per stored row (leading dimension > row length)
    }

    private static let paths: [GemmPath] = [.automatic, .ownKernel, .blas(threads: 1), .blas(threads: 2),
                                            .vectorKernel(parts: 1), .vectorKernel(parts: 2)]

    /// Runs `item` through every path and compares with the naive product.
    private func check(_ item: Case, file: StaticString = #filePath, line: UInt = #line) {
        var rng = SplitMix(seed: UInt64(item.m * 1_000_003 + item.n * 1009 + item.k))
        let aRows = item.transA ? item.k : item.m, aCols = item.transA ? item.m : item.k
        let bRows = item.transB ? item.n : item.k, bCols = item.transB ? item.k : item.n
        let lda = aCols + item.pad, ldb = bCols + item.pad, ldc = item.n + item.pad
        let a = (0..<max(1, aRows * lda)).map { _ in rng.nextFloat() }
        let b = (0..<max(1, bRows * ldb)).map { _ in rng.nextFloat() }
        let c0 = (0..<max(1, item.m * ldc)).map { _ in rng.nextFloat() }
        for path in Self.paths {
            var c = c0
            if item.beta == 0 {  // beta == 0 must not read C: NaN there must not leak out
                for index in c.indices { c[index] = .nan }
            }
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        Gemm.sgemm(path: path, transA: item.transA, transB: item.transB,
                                   m: item.m, n: item.n, k: item.k, alpha: item.alpha,
                                   a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                                   beta: item.beta, c: pc.baseAddress!, ldc: ldc)
                    }
                }
            }
            for i in 0..<item.m {
                for j in 0..<item.n {
                    var exact = 0.0, magnitude = 0.0
                    for p in 0..<item.k {
                        let av = Double(item.transA ? a[p * lda + i] : a[i * lda + p])
                        let bv = Double(item.transB ? b[j * ldb + p] : b[p * ldb + j])
                        exact += av * bv
                        magnitude += abs(av * bv)
                    }
                    exact *= Double(item.alpha)
                    if item.beta != 0 { exact += Double(item.beta) * Double(c0[i * ldc + j]) }
                    let got = Double(c[i * ldc + j])
                    let tolerance = 1e-5 * (magnitude * Double(abs(item.alpha)) + 1)
                    if !(abs(got - exact) <= tolerance) {
                        XCTFail("\(path) \(item) at (\(i), \(j)): \(got) != \(exact)", file: file, line: line)
                        return
                    }
                }
            }
            // Padding columns of C are never written.
            if item.pad > 0 && item.beta != 0 {
                for i in 0..<item.m {
                    for j in item.n..<ldc where c[i * ldc + j] != c0[i * ldc + j] {
                        XCTFail("\(path) \(item) wrote padding at (\(i), \(j))", file: file, line: line)
                        return
                    }
                }
            }
        }
    }

    func testAllTranspositionsOnEdgeShapes() {
        let sizes = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 30]
        for transA in [false, true] {
            for transB in [false, true] {
                for m in sizes where m % 2 == 1 || m == 4 || m == 8 {
                    for n in sizes {
                        for k in [1, 3, 8, 30] {
                            check(Case(m: m, n: n, k: k, transA: transA, transB: transB))
                        }
                    }
                }
            }
        }
    }

    func testLessonShapes() {
        check(Case(m: 5, n: 30, k: 784))
        check(Case(m: 5, n: 10, k: 30))
        check(Case(m: 5, n: 1, k: 784))
        check(Case(m: 5, n: 30, k: 784, transB: true))
        check(Case(m: 784, n: 30, k: 5, transA: true))
        check(Case(m: 5, n: 784, k: 30, transB: true))
        check(Case(m: 30, n: 784, k: 5, transA: true))
    }

    func testAlphaBetaAndPaddedLeadingDimensions() {
        for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
            check(Case(m: 6, n: 11, k: 13, transA: transA, transB: transB, alpha: -0.5, beta: 2, pad: 3))
            check(Case(m: 9, n: 3, k: 20, transA: transA, transB: transB, alpha: 2, beta: 1, pad: 1))
            check(Case(m: 4, n: 9, k: 7, transA: transA, transB: transB, alpha: 0, beta: 0.5, pad: 2))
        }
    }

    func testBlockedPathAcrossBlockEdges() {
        // k and n beyond the 256 x 256 blocks, with every transposition.
        for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
            check(Case(m: 37, n: 300, k: 520, transA: transA, transB: transB, beta: 0.25))
        }
    }

    func testEmptyProducts() {
        // k == 0: C = beta * C; m or n == 0: nothing to do (and nothing read).
        check(Case(m: 3, n: 4, k: 0, beta: 0))
        check(Case(m: 3, n: 4, k: 0, beta: 0.5))
        check(Case(m: 0, n: 4, k: 5))
        check(Case(m: 3, n: 0, k: 5, transB: true))
        check(Case(m: 1, n: 1, k: 1))
    }

    func testCoreRankOrdersKernelSets() {
        XCTAssertEqual(BLASLibrary.coreRank("SkylakeX"), 2)
        XCTAssertEqual(BLASLibrary.coreRank("Cooperlake"), 2)
        XCTAssertEqual(BLASLibrary.coreRank("Haswell"), 1)
        XCTAssertEqual(BLASLibrary.coreRank("Prescott"), 0)
        XCTAssertEqual(BLASLibrary.coreRank(""), 0)
    }

    func testLoadedOpenBLASRunsAtLeastThePreferredCore() throws {
        guard let blas = BLASLibrary.shared, !blas.coreName.isEmpty else {
            throw XCTSkip("no OpenBLAS loaded")
        }
        let features = CPUFeatures.current
        XCTAssertEqual(features.preferredOpenBLASCore == "SkylakeX", features.avx512f)
        if let wanted = features.preferredOpenBLASCore, getenv("OPENBLAS_CORETYPE") == nil {
            XCTAssertGreaterThanOrEqual(BLASLibrary.coreRank(blas.coreName), BLASLibrary.coreRank(wanted),
                                        "core \(blas.coreName), wanted \(wanted)")
        }
        XCTAssertTrue(Gemm.backendDescription.contains(blas.coreName))
    }

    func testThreadChoiceKeepsSkinnyProductsSingleThreaded() {
        XCTAssertEqual(Gemm.threadCount(m: 33600, n: 30, k: 784), 1)
        XCTAssertEqual(Gemm.threadCount(m: 256, n: 30, k: 784), 1)
        XCTAssertEqual(Gemm.threadCount(m: 5, n: 30, k: 784), 1)
        XCTAssertEqual(Gemm.threadCount(m: 1024, n: 1024, k: 1024), BLASLibrary.shared?.maxThreads ?? 1)
    }
}

/// A small deterministic generator for test data.
struct SplitMix {  // used by other test files of this target too
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [-1, 1).
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}
