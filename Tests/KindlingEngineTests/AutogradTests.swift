import XCTest
@testable import KindlingEngine

final class AutogradTests: XCTestCase {
    func leaf(_ v: [Float], _ shape: [Int]? = nil) throws -> Tensor { try T(v, shape).requiresGrad_() }

    func testGradFnNamesAndLeafFlags() throws {
        let w = try Tensor.ones([3]).requiresGrad_()
        let t = try T([1, 2, 3])
        XCTAssertEqual(try op(.mul, w, .int(2)).gradFn?.name, "MulBackward0")
        XCTAssertEqual(try w.sum().gradFn?.name, "SumBackward0")
        XCTAssertEqual(try w.sum(dims: [0]).gradFn?.name, "SumBackward1")
        XCTAssertEqual(try add(w, t).gradFn?.name, "AddBackward0")
        XCTAssertEqual(try w.mean().gradFn?.name, "MeanBackward0")
        XCTAssertEqual(try w.mean(dims: [0]).gradFn?.name, "MeanBackward1")
        XCTAssertEqual(try mul(w, t).mean().sqrt().gradFn?.name, "SqrtBackward0")
        XCTAssertEqual(try w.sigmoid().gradFn?.name, "SigmoidBackward0")
        XCTAssertEqual(try w.exp().gradFn?.name, "ExpBackward0")
        XCTAssertEqual(try w.relu().gradFn?.name, "ReluBackward0")
        XCTAssertEqual(try w.select(dim: 0, index: 0).gradFn?.name, "SelectBackward0")
        XCTAssertEqual(try op(.maximum, w, Tensor(scalar: .float(0))).gradFn?.name, "MaximumBackward0")
        XCTAssertEqual(try Tensor.where_(try op(.gt, t, .int(1)), .tensor(w), .tensor(t)).gradFn?.name, "WhereBackward0")
        XCTAssertEqual(try w.neg().gradFn?.name, "NegBackward0")
        XCTAssertEqual(try op(.sub, w, t).gradFn?.name, "SubBackward0")
        XCTAssertEqual(try op(.sub, .int(1), w).gradFn?.name, "RsubBackward1")
        XCTAssertEqual(try op(.div, w, t).gradFn?.name, "DivBackward0")
        XCTAssertEqual(try op(.div, .int(1), w).gradFn?.name, "MulBackward0")
        XCTAssertEqual(try op(.pow, w, .int(2)).gradFn?.name, "PowBackward0")
        XCTAssertEqual(try op(.pow, w, t).gradFn?.name, "PowBackward1")
        XCTAssertEqual(try op(.pow, .int(2), w).gradFn?.name, "PowBackward2")
        XCTAssertEqual(try w.log().gradFn?.name, "LogBackward0")
        XCTAssertEqual(try w.unsqueeze(0).matmul(try t.unsqueeze(1)).gradFn?.name, "MmBackward0")
        XCTAssertEqual(try w.view([3, 1]).gradFn?.name, "ViewBackward0")
        XCTAssertEqual(try w.unsqueeze(0).gradFn?.name, "UnsqueezeBackward0")
        XCTAssertEqual(try w.clone().gradFn?.name, "CloneBackward0")
        XCTAssertTrue(try w.to(.float32) === w)
        XCTAssertEqual(try w.slice(dim: 0, start: 1).gradFn?.name, "SliceBackward0")
        XCTAssertEqual(try w.expand([2, 3]).gradFn?.name, "ExpandBackward0")
        XCTAssertEqual(try w.abs().gradFn?.name, "AbsBackward0")
        XCTAssertEqual(try w.max().gradFn?.name, "MaxBackward1")
        XCTAssertEqual(try w.max(dim: 0).values.gradFn?.name, "MaxBackward0")
        XCTAssertEqual(try w.view([1, 3]).t().gradFn?.name, "TBackward0")
        XCTAssertEqual(try w.view([1, 3]).permute([1, 0]).gradFn?.name, "PermuteBackward0")
        XCTAssertEqual(try w.view([1, 3]).transpose(0, 1).gradFn?.name, "TransposeBackward0")
        XCTAssertEqual(try Tensor.linear(try Tensor.ones([2, 3]), try Tensor.ones([4, 3]).requiresGrad_(), nil).gradFn?.name, "AddmmBackward0")
        XCTAssertEqual(try w.clamp(min: .int(0), max: nil).gradFn?.name, "ClampBackward1")
        XCTAssertEqual(try w.rows()[0].gradFn?.name, "UnbindBackward0")
        XCTAssertEqual(try op(.floorDiv, w, .int(2)).gradFn?.name, "NotImplemented")
        XCTAssertEqual(try op(.remainder, w, .int(2)).gradFn?.name, "RemainderBackward0")
        XCTAssertEqual(try w.view([3, 1]).reshape([3]).gradFn?.name, "ViewBackward0")
        XCTAssertEqual(try w.view([3, 1]).expand([3, 2]).t().reshape([6]).gradFn?.name, "UnsafeViewBackward0")
        XCTAssertEqual(try w.matmul(try Tensor.ones([3, 2])).gradFn?.name, "SqueezeBackward4")
        XCTAssertEqual(try Tensor.ones([2, 3]).matmul(w).gradFn?.name, "MvBackward0")
        XCTAssertEqual(try w.dot(w).gradFn?.name, "DotBackward0")
        XCTAssertEqual(try w.expand([2, 3]).unsqueeze(0).matmul(try Tensor.ones([1, 3, 2])).gradFn?.name, "UnsafeViewBackward0")
        XCTAssertEqual(try w.expand([2, 3]).squeeze().gradFn?.name, "SqueezeBackward0")
        XCTAssertEqual(try w.expand([2, 3]).squeeze(0).gradFn?.name, "SqueezeBackward1")
        XCTAssertEqual(try w.prod().gradFn?.name, "ProdBackward0")
        XCTAssertEqual(try w.std().gradFn?.name, "StdBackward0")
        XCTAssertEqual(try w.variance().gradFn?.name, "VarBackward0")
        XCTAssertEqual(try w.cumsum(dim: 0).gradFn?.name, "CumsumBackward0")
        XCTAssertEqual(try w.min(dim: 0).values.gradFn?.name, "MinBackward0")
        XCTAssertEqual(try w.round(decimals: 2).gradFn?.name, "RoundBackward1")
        XCTAssertTrue(w.isLeaf)
        XCTAssertFalse(try mul(w, t).isLeaf)
        XCTAssertFalse(t.requiresGrad)
        XCTAssertNil(w.detach().gradFn)
        XCTAssertFalse(w.detach().requiresGrad)
        XCTAssertFalse(w.data.requiresGrad)
        XCTAssertNil(try op(.gt, w, .int(0)).gradFn)
        XCTAssertFalse(try w.to(.int64).requiresGrad)
        let y = try GradMode.withNoGrad { try op(.mul, w, .int(2)) }
        XCTAssertFalse(y.requiresGrad)
    }

    func testSimpleGradients() throws {
        let x = try leaf([1, 2, 3])
        try op(.pow, x, .int(2)).sum().backward()
        assertClose(try XCTUnwrap(x.grad), [2, 4, 6])

        let s = try leaf([-1, 0.5, 2])
        try s.sigmoid().sum().backward()
        assertClose(try XCTUnwrap(s.grad), [0.1966, 0.2350, 0.1050])

        let r = try leaf([-1, 0.5, 2])
        try r.relu().sum().backward()
        assertClose(try XCTUnwrap(r.grad), [0, 1, 1])

        let ab = try leaf([-1, 0.5, 2])
        try ab.abs().sum().backward()
        assertClose(try XCTUnwrap(ab.grad), [-1, 1, 1])
    }

    func testLinearLayerGradients() throws {
        let w = try leaf([1, 2, 3, 4], [2, 2])
        let b = try leaf([0.5])
        let x = try T([1, -1, 2, 0.5, 0, 3], [3, 2])
        try add(try x.matmul(w), b).sum().backward()
        assertClose(try XCTUnwrap(w.grad), [3, 3, 2.5, 2.5])
        assertClose(try XCTUnwrap(b.grad), [6])
    }

    func testAccumulationRetainGradAndZero() throws {
        let x = try leaf([1, 2, 3])
        try op(.mul, x, .int(2)).sum().backward()
        try op(.mul, x, .int(3)).sum().backward()
        assertClose(try XCTUnwrap(x.grad), [5, 5, 5])
        try XCTUnwrap(x.grad).zero_()
        try op(.mul, x, .int(5)).sum().backward()
        assertClose(try XCTUnwrap(x.grad), [5, 5, 5])

        let z = try leaf([1, 2, 3])
        let y = try op(.mul, z, .int(2))
        try y.retainGrad()
        try y.sum().backward()
        assertClose(try XCTUnwrap(y.grad), [1, 1, 1])

        let v = try leaf([1, 2, 3])
        try mul(try v.view([3, 1]), try T([1, 10])).sum().backward()
        assertClose(try XCTUnwrap(v.grad), [11, 11, 11])

        let u = try leaf([1, 2], [2])
        let mx = try T([1, 5, 3, 4], [2, 2]).requiresGrad_()
        try mx.max().backward()
        assertClose(try XCTUnwrap(mx.grad), [0, 1, 0, 0])
        let m2 = try T([1, 5, 3, 4], [2, 2]).requiresGrad_()
        try m2.max(dim: 1).values.sum().backward()
        assertClose(try XCTUnwrap(m2.grad), [0, 1, 0, 1])
        let p = try T([1, 2, 3, 4], [2, 2]).requiresGrad_()
        try p.sum(dims: [0]).prod().backward()
        assertClose(try XCTUnwrap(p.grad), [6, 4, 6, 4])
        _ = u
    }

    func testDataUpdateAndErrors() throws {
        let x = try leaf([1, 2, 3])
        try op(.mul, x, .int(2)).sum().backward()
        try x.data.sub_(.tensor(try op(.mul, try XCTUnwrap(x.grad).data, .float(0.1))))
        assertClose(x, [0.8, 1.8, 2.8])
        XCTAssertTrue(x.requiresGrad && x.isLeaf)

        assertThrows(.runtimeError, "a leaf Variable that requires grad is being used in an in-place operation.") {
            try x.add_(.scalar(.int(1)))
        }
        _ = try GradMode.withNoGrad { try x.add_(.scalar(.int(1))) }
        try x.detach().mul_(.scalar(.int(1)))  // allowed: detach() is not a tracked view
        assertThrows(.runtimeError, "a view of a leaf Variable that requires grad is being used in an in-place operation.") {
            try x.view([3]).add_(.scalar(.int(1)))
        }
        assertThrows(.runtimeError, "only Tensors of floating point dtype can require gradients") {
            try I([1, 2]).requiresGrad_()
        }
        assertThrows(.runtimeError, "grad can be implicitly created only for scalar outputs") {
            try op(.mul, x, .int(2)).backward()
        }
        let y = try op(.mul, x, .int(2)).sum()
        try y.backward()
        assertThrows(.runtimeError, GradRules.freedMessage) { try y.backward() }
        let s = try x.sum()
        try s.backward()
        try s.backward()  // SumBackward0 saves no tensors: PyTorch allows this

        let z = try leaf([1, 2])
        let e = try z.exp()
        let loss = try e.sum()
        _ = try GradMode.withNoGrad { try e.mul_(.scalar(.int(2))) }
        assertThrows(.runtimeError, "one of the variables needed for gradient computation has been modified by an inplace operation", prefix: true) {
            try loss.backward()
        }
    }

    func testInPlaceOnNonLeafRebasesGraph() throws {
        let x = try leaf([1, 2])
        let y = try op(.mul, x, .int(3))
        try y.add_(.scalar(.int(1)))
        XCTAssertEqual(y.gradFn?.name, "AddBackward0")
        try y.mul_(.tensor(x))
        try y.sum().backward()
        // y = (3x + 1) * x  -> dy/dx = 6x + 1
        assertClose(try XCTUnwrap(x.grad), [7, 13])
    }
}
