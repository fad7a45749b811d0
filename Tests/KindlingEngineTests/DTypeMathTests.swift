import XCTest
@testable import KindlingEngine

/// Reductions, products, softmax and autograd on float64 / int32 tensors.
/// Expected reprs recorded with PyTorch 2.15; gradients checked by central
/// differences in double precision.
final class DTypeMathTests: XCTestCase {
    func D(_ v: [Double], _ shape: [Int]? = nil) throws -> Tensor { try Tensor(shape: shape ?? [v.count], doubles: v) }
    func I32(_ v: [Int32], _ shape: [Int]? = nil) throws -> Tensor { try Tensor(shape: shape ?? [v.count], int32s: v) }

    func testIntegerReductions() throws {
        let x = try I32([1, 2])
        XCTAssertEqual(try x.sum().description, "tensor(3)")
        XCTAssertEqual(try x.prod().description, "tensor(2)")
        XCTAssertEqual(try x.argmax().description, "tensor(1)")
        XCTAssertEqual(try x.max().description, "tensor(2, dtype=torch.int32)")
        XCTAssertEqual(try x.cumsum(dim: 0).description, "tensor([1, 3])")
        assertThrows(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Int") {
            try x.mean()
        }
        XCTAssertEqual(try I32([-1, 5]).abs().description, "tensor([1, 5], dtype=torch.int32)")
        XCTAssertEqual(try I32([1, 5]).clamp(min: .int(0), max: .int(3)).description, "tensor([1, 3], dtype=torch.int32)")
        XCTAssertEqual(try I32([2]).neg().description, "tensor([-2], dtype=torch.int32)")
        XCTAssertEqual(try I32([4]).sqrt().description, "tensor([2.])")
    }

    func testFloat64Reductions() throws {
        let s = try D([0.1, 0.2, 0.3]).sum()
        XCTAssertEqual(s.description, "tensor(0.6000, dtype=torch.float64)")
        XCTAssertEqual(TensorFormatter.scalarRepr(try s.item()), "0.6000000000000001")
        let x = try D([1, 2, 4])
        XCTAssertEqual(try x.variance().description, "tensor(2.3333, dtype=torch.float64)")
        XCTAssertEqual(try x.std().description, "tensor(1.5275, dtype=torch.float64)")
        XCTAssertEqual(try x.mean().description, "tensor(2.3333, dtype=torch.float64)")
        XCTAssertEqual(try x.mean().item(), .float(7.0 / 3.0))
        XCTAssertEqual(try D([1.23456]).round(decimals: 3).description, "tensor([1.2350], dtype=torch.float64)")
        XCTAssertEqual(try D([1]).exp().description, "tensor([2.7183], dtype=torch.float64)")
    }

    func testPrintingUsesDoubleValues() throws {
        XCTAssertEqual(try D([1.5, 2.25, 3.0]).description, "tensor([1.5000, 2.2500, 3.0000], dtype=torch.float64)")
        XCTAssertEqual(try D([1.0 / 3, 2.0 / 3, 1e-5]).description, "tensor([3.3333e-01, 6.6667e-01, 1.0000e-05], dtype=torch.float64)")
        XCTAssertEqual(try D([123456.789, 1e-7]).description, "tensor([1.2346e+05, 1.0000e-07], dtype=torch.float64)")
        XCTAssertEqual(try D([1.123456789, 2, 3, 4], [2, 2]).description,
                       "tensor([[1.1235, 2.0000],\n        [3.0000, 4.0000]], dtype=torch.float64)")
        XCTAssertEqual(try I32([1, 2, 3]).description, "tensor([1, 2, 3], dtype=torch.int32)")
        XCTAssertEqual(TensorFormatter.scalarRepr(try D([0.1]).item()), "0.1")
        XCTAssertEqual(TensorFormatter.scalarRepr(try T([0.1]).item()), "0.10000000149011612")
    }

    func testMatmulFloat64AgainstReference() throws {
        XCTAssertEqual(try D([1, 2, 3, 4], [2, 2]).matmul(try D([0.1, 0.2], [2, 1])).description,
                       "tensor([[0.5000],\n        [1.1000]], dtype=torch.float64)")
        // A product large enough for BLAS, against a plain triple loop in Double.
        let m = 37, k = 53, n = 29
        let a = (0..<(m * k)).map { Double(($0 * 7919) % 101) / 37.0 - 1.3 }
        let b = (0..<(k * n)).map { Double(($0 * 104729) % 97) / 41.0 - 1.1 }
        let c = try D(a, [m, k]).matmul(try D(b, [k, n]))
        let ct = try D(a, [m, k]).matmul(try D(b, [n, k]).t())   // transposed operand
        var reference = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { reference[i * n + j] += a[i * k + p] * b[p * n + j] } } }
        for (i, v) in c.scalars().enumerated() { XCTAssertEqual(v.doubleValue, reference[i], accuracy: 1e-12) }
        XCTAssertEqual(ct.shape, [m, n])
        // The portable fallback gives the same products.
        var fallback = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in fallback.withUnsafeMutableBufferPointer { pc in
            Gemm.dgemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!, lda: k,
                       b: pb.baseAddress!, ldb: n, beta: 0, c: pc.baseAddress!, ldc: n, useBLAS: false)
        } } }
        for i in 0..<(m * n) { XCTAssertEqual(fallback[i], reference[i], accuracy: 1e-12) }
        XCTAssertEqual(try I32([1, 2], [1, 2]).matmul(try I32([3, 4], [2, 1])).description, "tensor([[11]], dtype=torch.int32)")
        assertThrows(.runtimeError, "expected m1 and m2 to have the same dtype, but got: float != double") {
            try T([1, 2], [1, 2]).mm(try D([0.1, 0.2], [2, 1]))
        }
    }

    func testSoftmaxWhereJoining() throws {
        XCTAssertEqual(try D([1, 2, 3]).softmax(dim: 0).description, "tensor([0.0900, 0.2447, 0.6652], dtype=torch.float64)")
        XCTAssertEqual(try D([1, 2, 3]).logSoftmax(dim: 0).description, "tensor([-2.4076, -1.4076, -0.4076], dtype=torch.float64)")
        XCTAssertEqual(try Tensor.where_(try B([true, false]), .tensor(try I32([1, 2])), .scalar(.float(2.5))).description,
                       "tensor([1.0000, 2.5000])")
        XCTAssertEqual(try Tensor.cat([try I32([1]), try D([2.5])], dim: 0).description, "tensor([1.0000, 2.5000], dtype=torch.float64)")
        XCTAssertEqual(try Tensor.stack([try I32([1]), try I([2])], dim: 0).description, "tensor([[1],\n        [2]])")
        XCTAssertEqual(try Tensor.arange(end: .float(5)).index([.tensor(try I32([1, 3]))]).description, "tensor([1., 3.])")
    }

    func testAutogradKeepsFloat64() throws {
        let x = try D([1, 2, 3]).requiresGrad_()
        try Tensor.binary(.mul, .tensor(x), .tensor(x)).sum().backward()
        XCTAssertEqual(x.grad?.description, "tensor([2., 4., 6.], dtype=torch.float64)")
        let y = try D([1, 2, 3]).requiresGrad_()
        try Tensor.binary(.mul, .tensor(try y.to(.float32)), .scalar(.int(2))).sum().backward()
        XCTAssertEqual(y.grad?.description, "tensor([2., 2., 2.], dtype=torch.float64)")
        let z = try Tensor.binary(.mul, .tensor(try D([1]).requiresGrad_()), .scalar(.int(2)))
        XCTAssertEqual(z.description, "tensor([2.], dtype=torch.float64, grad_fn=<MulBackward0>)")
        assertThrows(.runtimeError, "only Tensors of floating point dtype can require gradients") {
            try I32([1]).requiresGrad_()
        }
    }

    /// Central differences in double precision (eps 1e-6) against autograd.
    func testGradcheckInDouble() throws {
        let cases: [(String, [Tensor], ([Tensor]) throws -> Tensor)] = [
            ("mul-sum", [try D([0.3, -1.2, 2.5])], { try Tensor.binary(.mul, .tensor($0[0]), .tensor($0[0].sin())) }),
            ("div-exp", [try D([0.3, -1.2, 2.5]), try D([1.5, 0.7, -2.0])],
             { try Tensor.binary(.div, .tensor($0[0].exp()), .tensor($0[1])) }),
            ("matmul-tanh", [try D([0.1, 0.2, -0.3, 0.4, 0.5, -0.6], [2, 3]), try D([0.7, -0.8, 0.9, 1.0, -1.1, 1.2], [3, 2])],
             { try $0[0].matmul($0[1]).tanh() }),
            ("log-softmax", [try D([0.1, 2.2, -0.3, 0.4, 1.5, -0.6], [2, 3])], { try $0[0].logSoftmax(dim: 1) }),
            ("softmax-mean", [try D([0.1, 2.2, -0.3, 0.4, 1.5, -0.6], [2, 3])], { try $0[0].softmax(dim: 0).mean(dims: [1]) }),
            ("pow-sigmoid-var", [try D([0.5, 1.2, 2.5, 0.9])],
             { try Tensor.binary(.pow, .tensor($0[0]), .scalar(.float(1.5))).sigmoid().variance(dims: [0], keepdim: true) }),
            ("prod-max-index", [try D([0.5, -1.2, 2.5, 0.9], [2, 2])],
             { try Tensor.binary(.add, .tensor($0[0].prod(dim: 1)), .tensor($0[0].max(dim: 0).values)) }),
        ]
        for (name, inputs, f) in cases {
            let leaves = try inputs.map { try $0.requiresGrad_() }
            let out = try f(leaves)
            XCTAssertEqual(out.dtype, .float64, name)
            try out.sum().backward()
            for (k, x) in leaves.enumerated() {
                guard let grad = x.grad else { XCTFail("\(name): no grad for input \(k)"); continue }
                XCTAssertEqual(grad.dtype, .float64, name)
                let base = x.scalars().map(\.doubleValue)
                for i in 0..<x.numel {
                    func total(_ delta: Double) throws -> Double {
                        var v = base
                        v[i] += delta
                        var xs = leaves.map { $0.detach() }
                        xs[k] = try D(v, x.shape)
                        return try GradMode.withNoGrad { try f(xs).sum().item().doubleValue }
                    }
                    let numeric = (try total(1e-6) - total(-1e-6)) / 2e-6
                    XCTAssertEqual(grad.scalar(atLogical: i).doubleValue, numeric, accuracy: 1e-7 + 1e-6 * Swift.abs(numeric),
                                   "\(name) input \(k) element \(i)")
                }
            }
        }
    }
}
