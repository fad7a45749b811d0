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
        let p = try Tensor.randperm(n: 10)
        XCTAssertEqual(Set(p.scalars().map { $0.doubleValue }), Set((0..<10).map(Double.init)))
    }
}
