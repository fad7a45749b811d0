import XCTest
@testable import KindlingEngine

/// float64 / int32 storage, conversion and PyTorch's type promotion.
/// Expected dtypes and reprs were recorded with PyTorch 2.15.
final class DTypePromotionTests: XCTestCase {
    func D(_ v: [Double], _ shape: [Int]? = nil) throws -> Tensor { try Tensor(shape: shape ?? [v.count], doubles: v) }
    func I32(_ v: [Int32], _ shape: [Int]? = nil) throws -> Tensor { try Tensor(shape: shape ?? [v.count], int32s: v) }

    func testItemSizesAndNames() {
        XCTAssertEqual(DType.float64.itemSize, 8)
        XCTAssertEqual(DType.int32.itemSize, 4)
        XCTAssertEqual(DType.float64.description, "torch.float64")
        XCTAssertEqual(DType.int32.kernelName, "Int")
        XCTAssertEqual(DType.float64.legacyTypeName, "torch.DoubleTensor")
        XCTAssertEqual(DType.int32.legacyTypeName, "torch.IntTensor")
    }

    /// `torch.promote_types` over every pair.
    func testPromoteTypesTable() {
        let order: [DType] = [.bool, .int32, .int64, .float32, .float64]
        for (i, a) in order.enumerated() {
            for (j, b) in order.enumerated() {
                XCTAssertEqual(DType.promote(a, b), order[max(i, j)], "\(a) \(b)")
            }
        }
    }

    /// Dimensioned tensors beat zero-dim tensors beat Python scalars within a category.
    func testResultTypePriorities() throws {
        let i32 = try I32([1, 2, 3]), f32 = try T([1, 2])
        // int32 + Python int stays int32; + Python float gives the default float dtype.
        XCTAssertEqual(try Tensor.binary(.add, .tensor(i32), .scalar(.int(1))).dtype, .int32)
        XCTAssertEqual(try Tensor.binary(.add, .tensor(i32), .scalar(.float(1.5))).dtype, .float32)
        // int32 + int64 tensor -> int64; + int64 0-d -> int32.
        XCTAssertEqual(try Tensor.binary(.add, .tensor(i32), .tensor(try I([1, 1, 1]))).dtype, .int64)
        let sum0d = try Tensor.binary(.add, .tensor(i32), .tensor(Tensor(scalar: .int(5))))
        XCTAssertEqual(sum0d.dtype, .int32)
        XCTAssertEqual(sum0d.description, "tensor([6, 7, 8], dtype=torch.int32)")
        // float32 + float64 0-d stays float32; int32 + float64 0-d gives float64.
        let f64zero = Tensor(scalar: .float(5), dtype: .float64)
        XCTAssertEqual(try Tensor.binary(.add, .tensor(f32), .tensor(f64zero)).description, "tensor([6., 7.])")
        XCTAssertEqual(try Tensor.binary(.add, .tensor(try I32([1, 2])), .tensor(f64zero)).description,
                       "tensor([6., 7.], dtype=torch.float64)")
        XCTAssertEqual(try Tensor.binary(.add, .tensor(f32), .tensor(try D([5, 1]))).description,
                       "tensor([6., 3.], dtype=torch.float64)")
        // bool + int32 -> int32.
        XCTAssertEqual(try Tensor.binary(.add, .tensor(try B([true])), .tensor(try I32([1]))).description,
                       "tensor([2], dtype=torch.int32)")
    }

    func testDivisionAndComparisons() throws {
        XCTAssertEqual(try Tensor.binary(.div, .tensor(try I32([1, 2])), .tensor(try I32([2, 4]))).description,
                       "tensor([0.5000, 0.5000])")
        XCTAssertEqual(try Tensor.binary(.div, .tensor(try I32([1, 5])), .scalar(.int(2))).description,
                       "tensor([0.5000, 2.5000])")
        XCTAssertEqual(try Tensor.binary(.lt, .tensor(try I32([1, 2])), .tensor(try D([1.5, 1.5]))).description,
                       "tensor([ True, False])")
        XCTAssertEqual(try Tensor.binary(.floorDiv, .tensor(try I32([7, -7])), .scalar(.int(2))).description,
                       "tensor([ 3, -4], dtype=torch.int32)")
        XCTAssertEqual(try Tensor.binary(.remainder, .tensor(try I32([7, -7])), .scalar(.int(3))).description,
                       "tensor([1, 2], dtype=torch.int32)")
        XCTAssertEqual(try Tensor.binary(.pow, .tensor(try I32([2])), .scalar(.int(2))).description,
                       "tensor([4], dtype=torch.int32)")
        XCTAssertEqual(try Tensor.binary(.pow, .tensor(try I32([2])), .scalar(.float(0.5))).description,
                       "tensor([1.4142])")
    }

    func testInPlaceCastCheck() throws {
        let x = try I32([7, -7])
        assertThrows(.runtimeError, "result type Float can't be cast to the desired output type Int") {
            try x.add_(.scalar(.float(1.5)))
        }
        let f = try T([1, 2])
        try f.add_(.tensor(try D([0.5, 0.25])))
        XCTAssertEqual(f.dtype, .float32)
        XCTAssertEqual(f.description, "tensor([1.5000, 2.2500])")
    }

    func testConversions() throws {
        XCTAssertEqual(try I([1, 2]).to(.float64).description, "tensor([1., 2.], dtype=torch.float64)")
        XCTAssertEqual(try T([1.7, -2.7]).to(.int32).description, "tensor([ 1, -2], dtype=torch.int32)")
        XCTAssertEqual(try T([1.7]).to(.float64).description, "tensor([1.7000], dtype=torch.float64)")
        // float32 -> float64 keeps the float32 value exactly; float64 -> float32 rounds.
        XCTAssertEqual(try T([0.1]).to(.float64).item(), .float(Double(Float(0.1))))
        XCTAssertEqual(try D([0.1]).item(), .float(0.1))
        XCTAssertEqual(try D([0.1]).to(.float32).item(), .float(Double(Float(0.1))))
        // int32 narrowing wraps; out-of-range floats give the minimum, as on x86.
        XCTAssertEqual(try I([4_294_967_297]).to(.int32).item(), .int(1))
        XCTAssertEqual(try D([1e10]).to(.int32).item(), .int(Int64(Int32.min)))
        // Compact storages convert to the new dtypes without widening first.
        let compact = try Tensor(shape: [3], compactInt64Bytes: [1, 2, 255])
        XCTAssertEqual(try compact.to(.float64).description, "tensor([  1.,   2., 255.], dtype=torch.float64)")
        XCTAssertEqual(try compact.to(.int32).description, "tensor([  1,   2, 255], dtype=torch.int32)")
        XCTAssertTrue(compact.isCompactStorage)
    }

    func testCreation() throws {
        XCTAssertEqual(try Tensor.zeros([2, 2], dtype: .float64).description,
                       "tensor([[0., 0.],\n        [0., 0.]], dtype=torch.float64)")
        XCTAssertEqual(try Tensor.arange(start: .int(0), end: .int(1), step: .float(0.25), dtype: .float64).description,
                       "tensor([0.0000, 0.2500, 0.5000, 0.7500], dtype=torch.float64)")
        XCTAssertEqual(try Tensor.arange(end: .int(5), dtype: .int32).description,
                       "tensor([0, 1, 2, 3, 4], dtype=torch.int32)")
        XCTAssertEqual(try Tensor.linspace(start: 0, end: 1, steps: 7, dtype: .float64).description,
                       "tensor([0.0000, 0.1667, 0.3333, 0.5000, 0.6667, 0.8333, 1.0000],\n       dtype=torch.float64)")
        XCTAssertEqual(try Tensor.full([2], value: .int(7), dtype: .int32).description, "tensor([7, 7], dtype=torch.int32)")
        XCTAssertEqual(try Tensor.zeros([0], dtype: .int32).description, "tensor([], dtype=torch.int32)")
        XCTAssertEqual(try Tensor.zeros([0, 2], dtype: .float64).description, "tensor([], size=(0, 2), dtype=torch.float64)")
        XCTAssertEqual(try Tensor.eye(n: 2, dtype: .int32).description, "tensor([[1, 0],\n        [0, 1]], dtype=torch.int32)")
    }

    /// PyTorch's double streams: 53-bit uniforms, Box-Muller in double.
    func testRandomFloat64MatchesPyTorch() throws {
        RandomGenerator.manualSeed(0)
        XCTAssertEqual(try Tensor.randn([3], dtype: .float64).description, "tensor([ 1.5410, -0.2934, -2.1788], dtype=torch.float64)")
        RandomGenerator.manualSeed(0)
        let long = try Tensor.randn([20], dtype: .float64)
        XCTAssertEqual(try long.slice(dim: 0, start: 0, end: 4, step: 1).description,
                       "tensor([-2.3104, -0.3733, -1.0608,  0.9995], dtype=torch.float64)")
        RandomGenerator.manualSeed(0)
        XCTAssertEqual(try Tensor.rand([3], dtype: .float64).description, "tensor([0.9701, 0.7078, 0.4594], dtype=torch.float64)")
    }

    func testDefaultDType() throws {
        defer { DType.defaultFloat = .float32 }
        DType.defaultFloat = .float64
        // torch leaves the default dtype unnamed in reprs and names float32 instead.
        XCTAssertEqual(Tensor(scalar: .float(1.5)).dtype, .float64)
        XCTAssertEqual(try Tensor.zeros([1]).dtype, .float64)
        XCTAssertEqual(try Tensor.zeros([1], dtype: .float32).description, "tensor([0.], dtype=torch.float32)")
        XCTAssertEqual(try Tensor.zeros([0], dtype: .float32).description, "tensor([], dtype=torch.float32)")
        let r = try Tensor.binary(.mul, .tensor(try I([2])), .scalar(.float(0.5)))
        XCTAssertEqual(r.description, "tensor([1.])")
    }
}
