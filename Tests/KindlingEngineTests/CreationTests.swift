import XCTest
@testable import KindlingEngine

final class CreationTests: XCTestCase {
    func testZerosOnesFullShapesAndDtypes() throws {
        let z = try Tensor.zeros([2, 3])
        XCTAssertEqual(z.shape, [2, 3]); XCTAssertEqual(z.strides, [3, 1]); XCTAssertEqual(z.dtype, .float32)
        assertClose(z, [0, 0, 0, 0, 0, 0])
        assertInts(try Tensor.ones([2], dtype: .int64), [1, 1])
        XCTAssertEqual(try Tensor.full([2], value: .int(7)).dtype, .int64)
        XCTAssertEqual(try Tensor.full([2], value: .float(7)).dtype, .float32)
        XCTAssertEqual(try Tensor.full([1], value: .bool(true)).scalars(), [.bool(true)])
        XCTAssertEqual(try Tensor.zeros([0, 3]).numel, 0)
    }

    func testAbsurdAndNegativeSizesThrow() {
        assertThrows(.runtimeError, "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate 4000000000000 bytes.") {
            try Tensor.zeros([1_000_000, 1_000_000])
        }
        assertThrows(.runtimeError, "Storage size calculation overflowed with sizes=[10000000000, 10000000000]") {
            try Tensor.zeros([10_000_000_000, 10_000_000_000])
        }
        assertThrows(.runtimeError, "Trying to create tensor with negative dimension -1: [-1, 3]") {
            try Tensor.ones([-1, 3])
        }
        assertThrows(.runtimeError, "Storage size calculation overflowed", prefix: true) { try Tensor.randn([Int.max, 3]) }
    }

    func testArangeLinspaceEye() throws {
        assertInts(try Tensor.arange(end: .int(5)), [0, 1, 2, 3, 4])
        let f = try Tensor.arange(start: .int(0), end: .int(1), step: .float(0.25))
        XCTAssertEqual(f.dtype, .float32)
        assertClose(f, [0, 0.25, 0.5, 0.75])
        assertInts(try Tensor.arange(start: .int(10), end: .int(0), step: .int(-3)), [10, 7, 4, 1])
        assertThrows(.runtimeError, "step must be nonzero") { try Tensor.arange(start: .int(0), end: .int(1), step: .int(0)) }
        assertThrows(.runtimeError, "upper bound and larger bound inconsistent with step sign") {
            try Tensor.arange(start: .int(0), end: .int(5), step: .int(-1))
        }
        assertClose(try Tensor.linspace(start: 0, end: 1, steps: 5), [0, 0.25, 0.5, 0.75, 1])
        assertClose(try Tensor.eye(n: 2, m: 3), [1, 0, 0, 0, 1, 0])
    }

    func testIntegerValuesAreExact() throws {
        let big: Int64 = 9_007_199_254_740_993  // 2^53 + 1, not representable in Float or Double
        let t = try I([big, -big])
        XCTAssertEqual(t.scalars(), [.int(big), .int(-big)])
        assertInts(try op(.add, t, .int(1)), [big + 1, -big + 1])
        XCTAssertEqual(try t.select(dim: 0, index: 0).item(), .int(big))
        assertThrows(.runtimeError, "a Tensor with 2 elements cannot be converted to Scalar") { try t.item() }
    }

    func testManualSeedMatchesTorchStreams() throws {
        RandomGenerator.manualSeed(0)
        assertClose(try Tensor.rand([3]), [0.4963, 0.7682, 0.0885])
        RandomGenerator.manualSeed(0)
        assertClose(try Tensor.randn([3]), [1.5410, -0.2934, -2.1788])
        RandomGenerator.manualSeed(0)
        assertClose(try Tensor.randn([4, 4]), [-1.1258, -1.1524, -0.2506, -0.4339, 0.8487, 0.6920, -0.3160, -2.1152,
                                               0.3223, -1.2633, 0.3500, 0.3081, 0.1198, 1.2377, 1.1168, -0.2473])
        RandomGenerator.manualSeed(42)
        let a = try Tensor.randint(low: 0, high: 10, shape: [5])
        RandomGenerator.manualSeed(42)
        let b = try Tensor.randint(low: 0, high: 10, shape: [5])
        XCTAssertEqual(a.scalars(), b.scalars())
        RandomGenerator.manualSeed(0)
        assertClose(try Tensor.randn([20]).slice(dim: 0, start: 15), [-0.843676745891571, 0.9318265914916992, 1.2590092420578003, 2.0049805641174316, 0.05373690277338028])
        RandomGenerator.manualSeed(0)
        let big = try Tensor.randn([5, 784])
        assertClose(try big.select(dim: 0, index: -1).slice(dim: 0, start: -3), [1.1027787923812866, 0.7489942312240601, -1.3498713970184326])
        RandomGenerator.manualSeed(0)
        assertClose(try Tensor.rand([20]).slice(dim: 0, start: 17), [0.800011396408081, 0.16102945804595947, 0.28226858377456665])
        RandomGenerator.manualSeed(0)
        assertInts(try Tensor.randint(low: 0, high: 10, shape: [8]), [4, 9, 3, 0, 3, 9, 7, 3])
        RandomGenerator.manualSeed(0)
        assertInts(try Tensor.randperm(n: 10), [4, 1, 7, 5, 3, 9, 0, 8, 6, 2])
        RandomGenerator.manualSeed(0)
        assertClose(try Tensor.zeros([5]).uniform_(from: -0.5, to: 0.5), [-0.003743410110473633, 0.26822179555892944, -0.4115225672721863, -0.3679695129394531, -0.19257718324661255])
        RandomGenerator.manualSeed(0)
        assertClose(try Tensor.zeros([3]).normal_(mean: 2, std: 3), [6.622988224029541, 1.119713306427002, -4.536368370056152])
        RandomGenerator.manualSeed(0)
        _ = try Tensor.randn([3])
        assertClose(try Tensor.randn([2]), [0.5684312582015991, -1.0845223665237427])
        RandomGenerator.manualSeed(0)
        assertInts(try Tensor.randperm(n: 100).slice(dim: 0, end: 8), [44, 19, 93, 90, 71, 69, 37, 95])
        RandomGenerator.manualSeed(0)
        assertInts(try Tensor.randint(low: 0, high: 1 << 40, shape: [2]), [741280623151, 506137267392])
        let p = try Tensor.randperm(n: 10)
        XCTAssertEqual(Set(p.scalars().map { $0.doubleValue }), Set((0..<10).map(Double.init)))
    }
}
