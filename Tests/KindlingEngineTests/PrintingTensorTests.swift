import XCTest
@testable import KindlingEngine

/// The engine's `Tensor` printed through `TensorFormatter`: views (strided,
/// transposed, expanded) print exactly as their contiguous copies, and the
/// autograd suffixes come from the tensor itself.
final class PrintingTensorTests: XCTestCase {
    /// The same elements in a plain row-major array.
    private func contiguousTwin(_ t: Tensor) -> PrintingArrayTensor {
        var twin = PrintingArrayTensor(ints: [], shape: t.shape)
        twin.dtype = t.dtype
        twin.values = (0..<t.numel).map { t.scalar(atLogical: $0) }
        return twin
    }

    private func assertPrintsLikeTwin(_ t: Tensor, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(t.description, TensorFormatter.repr(contiguousTwin(t)), message, file: file, line: line)
    }

    func testGoldenCasesThroughTheEngine() throws {
        let grid = try Tensor.arange(end: .int(1200)).view([40, 30])
        XCTAssertEqual(grid.description, """
        tensor([[   0,    1,    2,  ...,   27,   28,   29],
                [  30,   31,   32,  ...,   57,   58,   59],
                [  60,   61,   62,  ...,   87,   88,   89],
                ...,
                [1110, 1111, 1112,  ..., 1137, 1138, 1139],
                [1140, 1141, 1142,  ..., 1167, 1168, 1169],
                [1170, 1171, 1172,  ..., 1197, 1198, 1199]])
        """)
        let sevenths = try Tensor.binary(.div, .tensor(try Tensor.arange(end: .float(1200)).view([40, 30])),
                                         .scalar(.int(7)))
        XCTAssertTrue(sevenths.description.hasPrefix("""
        tensor([[0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 3.8571e+00, 4.0000e+00,
                 4.1429e+00],
        """))
        XCTAssertTrue(sevenths.description.hasSuffix("""
                [1.6714e+02, 1.6729e+02, 1.6743e+02,  ..., 1.7100e+02, 1.7114e+02,
                 1.7129e+02]])
        """))
        XCTAssertEqual(try Tensor.linspace(start: 0, end: 1, steps: 5).description,
                       "tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])")
        XCTAssertEqual(try Tensor.eye(n: 3).description,
                       "tensor([[1., 0., 0.],\n        [0., 1., 0.],\n        [0., 0., 1.]])")
        XCTAssertEqual(try Tensor.zeros([0, 3]).description, "tensor([], size=(0, 3))")
        XCTAssertEqual(Tensor(scalar: .float(0.44600001)).description, "tensor(0.4460)")
    }

    func testViewsPrintLikeTheirContiguousCopies() throws {
        let x = try Tensor.arange(end: .float(24)).view([4, 6])
        let transposed = try x.t()
        XCTAssertEqual(transposed.description, """
        tensor([[ 0.,  6., 12., 18.],
                [ 1.,  7., 13., 19.],
                [ 2.,  8., 14., 20.],
                [ 3.,  9., 15., 21.],
                [ 4., 10., 16., 22.],
                [ 5., 11., 17., 23.]])
        """)
        assertPrintsLikeTwin(transposed, "t()")
        assertPrintsLikeTwin(try x.slice(dim: 1, start: nil, end: nil, step: 3), "x[:, ::3]")
        assertPrintsLikeTwin(try x.select(dim: 1, index: -1), "x[:, -1]")
        assertPrintsLikeTwin(try x.view([2, 3, 4]).permute([2, 0, 1]), "permute")
        assertPrintsLikeTwin(try Tensor.arange(end: .int(3)).view([3, 1]).expand([3, 400]), "expand (summarized)")
        let big = try Tensor.arange(end: .float(3000)).view([30, 100]).t()
        assertPrintsLikeTwin(big, "summarized transpose")
        XCTAssertTrue(big.description.hasPrefix("tensor([[0.0000e+00, 1.0000e+02, 2.0000e+02,  ..., 2.7000e+03, 2.8000e+03,"))
    }

    func testAutogradSuffixes() throws {
        let w = try Tensor.ones([3]).requiresGrad_()
        XCTAssertEqual(w.description, "tensor([1., 1., 1.], requires_grad=True)")
        XCTAssertEqual(try Tensor.binary(.mul, .tensor(w), .scalar(.int(2))).description,
                       "tensor([2., 2., 2.], grad_fn=<MulBackward0>)")
        XCTAssertEqual(w.detach().description, "tensor([1., 1., 1.])")
        XCTAssertEqual(TensorFormatter.scalarRepr(try Tensor(scalar: .float(2.5)).item()), "2.5")
    }
}
