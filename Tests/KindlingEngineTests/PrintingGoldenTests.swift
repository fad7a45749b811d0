import Foundation
import XCTest
@testable import KindlingEngine

/// Golden cases from PyTorch (../shared/golden/torch_cases.jsonl), their
/// tensors rebuilt from each case's expression with Float arithmetic.
final class PrintingGoldenTests: XCTestCase {
    struct GoldenCase {
        let id: String
        let tensor: PrintingArrayTensor
        let requiresGrad: Bool
        let gradFn: String?
        let expected: String

        init(_ id: String, _ tensor: PrintingArrayTensor, requiresGrad: Bool = false, gradFn: String? = nil,
             _ expected: String) {
            self.id = id
            self.tensor = tensor
            self.requiresGrad = requiresGrad
            self.gradFn = gradFn
            self.expected = expected
        }
    }

    func testGoldenReprs() {
        for c in Self.cases {
            let actual = TensorFormatter.repr(c.tensor, requiresGrad: c.requiresGrad, gradFnName: c.gradFn)
            XCTAssertEqual(actual, c.expected, "golden case \(c.id)")
        }
        XCTAssertGreaterThanOrEqual(Self.cases.count, 150)
    }

    /// The expected strings above were copied from the recording; when the
    /// recording is on this machine, check they still agree with it.
    func testEmbeddedExpectationsMatchRecording() throws {
        let path = "/work/shared/golden/torch_cases.jsonl"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw XCTSkip("golden recording not present")
        }
        var recorded: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let data = line.data(using: .utf8),
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let id = object["id"] as? String, let repr = object["repr"] as? String else { continue }
            recorded[id] = repr
        }
        for c in Self.cases {
            XCTAssertEqual(recorded[c.id], c.expected, "embedded expectation of \(c.id)")
        }
    }

    // MARK: - Inputs of the cases

    static let a: [Float] = [1, 2, 3, 4, 5, 6]
    static let b: [Float] = [10, 20, 30]
    static let x: [Float] = (0..<24).map { Float($0) }

    static func ones(_ n: Int) -> [Float] { Array(repeating: 1, count: n) }
    static func sigmoid(_ v: Float) -> Float { 1 / (1 + expf(-v)) }

    static func softmaxRows(_ values: [Float], _ width: Int) -> [Float] {
        stride(from: 0, to: values.count, by: width).flatMap { start -> [Float] in
            let row = Array(values[start..<(start + width)])
            let top = row.max() ?? 0
            let exps = row.map { expf($0 - top) }
            let total = exps.reduce(0, +)
            return exps.map { $0 / total }
        }
    }

    static func logSoftmaxRows(_ values: [Float], _ width: Int) -> [Float] {
        stride(from: 0, to: values.count, by: width).flatMap { start -> [Float] in
            let row = Array(values[start..<(start + width)])
            let top = row.max() ?? 0
            let logTotal = logf(row.map { expf($0 - top) }.reduce(0, +))
            return row.map { $0 - top - logTotal }
        }
    }

    /// softmax over dim 0 of a 2x3 matrix.
    static func softmaxColumns(_ values: [Float]) -> [Float] {
        var out = values
        for j in 0..<3 {
            let top = max(values[j], values[j + 3])
            let e0 = expf(values[j] - top), e1 = expf(values[j + 3] - top)
            out[j] = e0 / (e0 + e1)
            out[j + 3] = e1 / (e0 + e1)
        }
        return out
    }

    /// d cross_entropy(x, targets) / dx for 2x3 logits: (softmax - onehot) / N.
    static func crossEntropyGrad(_ logits: [Float], targets: [Int]) -> [Float] {
        var grad = softmaxRows(logits, 3)
        for (row, target) in targets.enumerated() { grad[row * 3 + target] -= 1 }
        return grad.map { $0 / Float(targets.count) }
    }

    /// d sum(softmax(x, 1)[:, 0]) / dx for 2x3 logits.
    static func softmaxFirstColumnGrad(_ logits: [Float]) -> [Float] {
        let s = softmaxRows(logits, 3)
        return (0..<6).map { i in
            let row = i / 3, s0 = s[row * 3]
            return s0 * ((i % 3 == 0 ? 1 : 0) - s[i])
        }
    }

    /// nn.Linear(4, 2) with fixed weights applied to a 2x4 input.
    static var linearOutput: [Float] {
        let w: [[Float]] = [[1, 0, -1, 2], [0.5, 0.5, 0.5, 0.5]]
        let bias: [Float] = [0.1, -0.2]
        let input: [[Float]] = [[1, 2, 3, 4], [0, -1, 0, 1]]
        return input.flatMap { row in
            (0..<2).map { j in zip(row, w[j]).map { $0 * $1 }.reduce(0, +) + bias[j] }
        }
    }

    static func F(_ values: [Float], _ shape: [Int]? = nil) -> PrintingArrayTensor {
        PrintingArrayTensor(floats: values, shape: shape ?? [values.count])
    }
    static func F(_ values: ArraySlice<Float>, _ shape: [Int]? = nil) -> PrintingArrayTensor { F(Array(values), shape) }
    static func F0(_ value: Float) -> PrintingArrayTensor { PrintingArrayTensor(floats: [value], shape: []) }
    static func I(_ values: [Int64], _ shape: [Int]? = nil) -> PrintingArrayTensor {
        PrintingArrayTensor(ints: values, shape: shape ?? [values.count])
    }
    static func I(_ values: [Int], _ shape: [Int]? = nil) -> PrintingArrayTensor { I(values.map(Int64.init), shape) }
    static func I0(_ value: Int64) -> PrintingArrayTensor { PrintingArrayTensor(ints: [value], shape: []) }
    static func B(_ values: [Bool], _ shape: [Int]? = nil) -> PrintingArrayTensor {
        PrintingArrayTensor(bools: values, shape: shape ?? [values.count])
    }

    static let cases: [GoldenCase] = [
        GoldenCase("g000", I0(3),
                   "tensor(3)"),
        GoldenCase("g001", F0(3),
                   "tensor(3.)"),
        GoldenCase("g002", F0(-0.5),
                   "tensor(-0.5000)"),
        GoldenCase("g004", I([1, 2, 3]),
                   "tensor([1, 2, 3])"),
        GoldenCase("g005", F([1, 2, 3]),
                   "tensor([1., 2., 3.])"),
        GoldenCase("g006", F([1.5, -2.25, 3]),
                   "tensor([ 1.5000, -2.2500,  3.0000])"),
        GoldenCase("g008", F([1, 2, 3, 4], [2, 2]),
                   "tensor([[1., 2.],\n        [3., 4.]])"),
        GoldenCase("g009", B([true, false, true]),
                   "tensor([ True, False,  True])"),
        GoldenCase("g010", F([0.1, 0.01, 0.001]),
                   "tensor([0.1000, 0.0100, 0.0010])"),
        GoldenCase("g012", F([123456.7, 1.0]),
                   "tensor([1.2346e+05, 1.0000e+00])"),
        GoldenCase("g013", F([1e10, 1]),
                   "tensor([1.0000e+10, 1.0000e+00])"),
        GoldenCase("g014", F([0.0001234]),
                   "tensor([0.0001])"),
        GoldenCase("g016", F([-1, 0, 1]),
                   "tensor([-1.,  0.,  1.])"),
        GoldenCase("g017", F([.nan, 1, .infinity]),
                   "tensor([nan, 1., inf])"),
        GoldenCase("g018", F([-.infinity, 2.5]),
                   "tensor([  -inf, 2.5000])"),
        GoldenCase("g020", F([], [0, 3]),
                   "tensor([], size=(0, 3))"),
        GoldenCase("g021", F([0, 0, 0]),
                   "tensor([0., 0., 0.])"),
        GoldenCase("g022", F(ones(6), [2, 3]),
                   "tensor([[1., 1., 1.],\n        [1., 1., 1.]])"),
        GoldenCase("g024", I(Array(0..<10)),
                   "tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])"),
        GoldenCase("g025", F([0, 0.25, 0.5, 0.75]),
                   "tensor([0.0000, 0.2500, 0.5000, 0.7500])"),
        GoldenCase("g026", I(Array(0..<2000)),
                   "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])"),
        GoldenCase("g028", I(Array(0..<1200), [40, 30]),
                   "tensor([[   0,    1,    2,  ...,   27,   28,   29],\n        [  30,   31,   32,  ...,   57,   58,   59],\n        [  60,   61,   62,  ...,   87,   88,   89],\n        ...,\n        [1110, 1111, 1112,  ..., 1137, 1138, 1139],\n        [1140, 1141, 1142,  ..., 1167, 1168, 1169],\n        [1170, 1171, 1172,  ..., 1197, 1198, 1199]])"),
        GoldenCase("g029", F((0..<1200).map { Float($0) / 7 }, [40, 30]),
                   "tensor([[0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 3.8571e+00, 4.0000e+00,\n         4.1429e+00],\n        [4.2857e+00, 4.4286e+00, 4.5714e+00,  ..., 8.1429e+00, 8.2857e+00,\n         8.4286e+00],\n        [8.5714e+00, 8.7143e+00, 8.8571e+00,  ..., 1.2429e+01, 1.2571e+01,\n         1.2714e+01],\n        ...,\n        [1.5857e+02, 1.5871e+02, 1.5886e+02,  ..., 1.6243e+02, 1.6257e+02,\n         1.6271e+02],\n        [1.6286e+02, 1.6300e+02, 1.6314e+02,  ..., 1.6671e+02, 1.6686e+02,\n         1.6700e+02],\n        [1.6714e+02, 1.6729e+02, 1.6743e+02,  ..., 1.7100e+02, 1.7114e+02,\n         1.7129e+02]])"),
        GoldenCase("g030", I(Array(0..<24), [2, 3, 4]),
                   "tensor([[[ 0,  1,  2,  3],\n         [ 4,  5,  6,  7],\n         [ 8,  9, 10, 11]],\n\n        [[12, 13, 14, 15],\n         [16, 17, 18, 19],\n         [20, 21, 22, 23]]])"),
        GoldenCase("g032", F([0, 0.25, 0.5, 0.75, 1]),
                   "tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])"),
        GoldenCase("g033", F([1, 0, 0, 0, 1, 0, 0, 0, 1], [3, 3]),
                   "tensor([[1., 0., 0.],\n        [0., 1., 0.],\n        [0., 0., 1.]])"),
        GoldenCase("g034", I([0, 0, 0, 0], [2, 2]),
                   "tensor([[0, 0],\n        [0, 0]])"),
        GoldenCase("g036", F([0.0845, 0.1933], [1, 2]),
                   "tensor([[0.0845, 0.1933]])"),
        GoldenCase("g037", F0(0.44600001),
                   "tensor(0.4460)"),
        GoldenCase("g045", F([1.7234, -1.2711, -4.2819], [3, 1]),
                   "tensor([[ 1.7234],\n        [-1.2711],\n        [-4.2819]])"),
        GoldenCase("g046", F([1000000]),
                   "tensor([1000000.])"),
        GoldenCase("g048", F([1e-8, 1], [1, 2]),
                   "tensor([[1.0000e-08, 1.0000e+00]])"),
        GoldenCase("g057", F(zip(a, b + b).map { $0 + $1 }, [2, 3]),
                   "tensor([[11., 22., 33.],\n        [14., 25., 36.]])"),
        GoldenCase("g058", F(zip(a, b + b).map { $0 - $1 }, [2, 3]),
                   "tensor([[ -9., -18., -27.],\n        [ -6., -15., -24.]])"),
        GoldenCase("g060", F(zip(a, b + b).map { $0 / $1 }, [2, 3]),
                   "tensor([[0.1000, 0.1000, 0.1000],\n        [0.4000, 0.2500, 0.2000]])"),
        GoldenCase("g061", F(a.map { $0 * $0 }, [2, 3]),
                   "tensor([[ 1.,  4.,  9.],\n        [16., 25., 36.]])"),
        GoldenCase("g062", F(a.map { powf(2, $0) }, [2, 3]),
                   "tensor([[ 2.,  4.,  8.],\n        [16., 32., 64.]])"),
        GoldenCase("g064", F(a.map { $0 + 1 }, [2, 3]),
                   "tensor([[2., 3., 4.],\n        [5., 6., 7.]])"),
        GoldenCase("g065", F(a.map { 1 - $0 }, [2, 3]),
                   "tensor([[ 0., -1., -2.],\n        [-3., -4., -5.]])"),
        GoldenCase("g066", F(a.map { $0 / 2 }, [2, 3]),
                   "tensor([[0.5000, 1.0000, 1.5000],\n        [2.0000, 2.5000, 3.0000]])"),
        GoldenCase("g068", I([2, 3, 4]),
                   "tensor([2, 3, 4])"),
        GoldenCase("g069", I([2, 4, 6]),
                   "tensor([2, 4, 6])"),
        GoldenCase("g070", F([0.5, 1, 1.5]),
                   "tensor([0.5000, 1.0000, 1.5000])"),
        GoldenCase("g072", I([1, 0, 1]),
                   "tensor([1, 0, 1])"),
        GoldenCase("g073", F([1.5, 2.5, 3.5]),
                   "tensor([1.5000, 2.5000, 3.5000])"),
        GoldenCase("g074", F([1, 4, 9, 4, 10, 18], [2, 3]),
                   "tensor([[ 1.,  4.,  9.],\n        [ 4., 10., 18.]])"),
        GoldenCase("g076", F([14, 32, 32, 77], [2, 2]),
                   "tensor([[14., 32.],\n        [32., 77.]])"),
        GoldenCase("g077", F([17, 22, 27, 22, 29, 36, 27, 36, 45], [3, 3]),
                   "tensor([[17., 22., 27.],\n        [22., 29., 36.],\n        [27., 36., 45.]])"),
        GoldenCase("g078", F0(1400),
                   "tensor(1400.)"),
        GoldenCase("g082", F(a, [2, 3]),
                   "tensor([[1., 2., 3.],\n        [4., 5., 6.]])"),
        GoldenCase("g084", F(a.map { $0.squareRoot() }, [2, 3]),
                   "tensor([[1.0000, 1.4142, 1.7321],\n        [2.0000, 2.2361, 2.4495]])"),
        GoldenCase("g085", F(a.map(expf), [2, 3]),
                   "tensor([[  2.7183,   7.3891,  20.0855],\n        [ 54.5981, 148.4132, 403.4288]])"),
        GoldenCase("g086", F(a.map(logf), [2, 3]),
                   "tensor([[0.0000, 0.6931, 1.0986],\n        [1.3863, 1.6094, 1.7918]])"),
        GoldenCase("g088", F(a.map(sigmoid), [2, 3]),
                   "tensor([[0.7311, 0.8808, 0.9526],\n        [0.9820, 0.9933, 0.9975]])"),
        GoldenCase("g090", F(a.map { max($0 - 3, 0) }, [2, 3]),
                   "tensor([[0., 0., 0.],\n        [1., 2., 3.]])"),
        GoldenCase("g094", F(a.map { min(max($0, 2), 5) }, [2, 3]),
                   "tensor([[2., 2., 3.],\n        [4., 5., 5.]])"),
        GoldenCase("g096", F(a.map { -$0 }, [2, 3]),
                   "tensor([[-1., -2., -3.],\n        [-4., -5., -6.]])"),
        GoldenCase("g097", F(a.map { $0 * $0 * $0 }, [2, 3]),
                   "tensor([[  1.,   8.,  27.],\n        [ 64., 125., 216.]])"),
        GoldenCase("g098", F(a.map(tanhf), [2, 3]),
                   "tensor([[0.7616, 0.9640, 0.9951],\n        [0.9993, 0.9999, 1.0000]])"),
        GoldenCase("g101", F([1, 2, 3]),
                   "tensor([1., 2., 3.])"),
        GoldenCase("g102", I([1, 2, 3, 4, 5, 6], [2, 3]),
                   "tensor([[1, 2, 3],\n        [4, 5, 6]])"),
        GoldenCase("g104", I0(3),
                   "tensor(3)"),
        GoldenCase("g105", F0(0.5),
                   "tensor(0.5000)"),
        GoldenCase("g106", I0(6),
                   "tensor(6)"),
        GoldenCase("g108", F([1, 1, 1, 0, 0, 0], [2, 3]),
                   "tensor([[1., 1., 1.],\n        [0., 0., 0.]])"),
        GoldenCase("g109", B(a.map { $0 == 2 }, [2, 3]),
                   "tensor([[False,  True, False],\n        [False, False, False]])"),
        GoldenCase("g110", B(a.map { $0 != 2 }, [2, 3]),
                   "tensor([[ True, False,  True],\n        [ True,  True,  True]])"),
        GoldenCase("g112", B(Array(repeating: true, count: 6), [2, 3]),
                   "tensor([[True, True, True],\n        [True, True, True]])"),
        GoldenCase("g113", B([true, false, true]),
                   "tensor([ True, False,  True])"),
        GoldenCase("g114", B(a.map { $0 > 2 && $0 < 5 }, [2, 3]),
                   "tensor([[False, False,  True],\n        [ True, False, False]])"),
        GoldenCase("g116", B(a.map { !($0 > 3) }, [2, 3]),
                   "tensor([[ True,  True,  True],\n        [False, False, False]])"),
        GoldenCase("g117", F(a.map { $0 > 3 ? $0 : -$0 }, [2, 3]),
                   "tensor([[-1., -2., -3.],\n        [ 4.,  5.,  6.]])"),
        GoldenCase("g118", F([-9, 20, 30]),
                   "tensor([-9., 20., 30.])"),
        GoldenCase("g120", F([1, 4, 2, 5, 3, 6], [3, 2]),
                   "tensor([[1., 4.],\n        [2., 5.],\n        [3., 6.]])"),
        GoldenCase("g124", F(a),
                   "tensor([1., 2., 3., 4., 5., 6.])"),
        GoldenCase("g125", F(a, [3, 2]),
                   "tensor([[1., 2.],\n        [3., 4.],\n        [5., 6.]])"),
        GoldenCase("g130", F(b, [3, 1]),
                   "tensor([[10.],\n        [20.],\n        [30.]])"),
        GoldenCase("g136", F([5, 7, 9]),
                   "tensor([5., 7., 9.])"),
        GoldenCase("g137", F([6, 15]),
                   "tensor([ 6., 15.])"),
        GoldenCase("g138", F([6, 15], [2, 1]),
                   "tensor([[ 6.],\n        [15.]])"),
        GoldenCase("g140", F([2.5, 3.5, 4.5]),
                   "tensor([2.5000, 3.5000, 4.5000])"),
        GoldenCase("g141", F([2, 5]),
                   "tensor([2., 5.])"),
        GoldenCase("g142", F0(3.5),
                   "tensor(3.5000)"),
        GoldenCase("g144", F0(6),
                   "tensor(6.)"),
        GoldenCase("g145", F0(1),
                   "tensor(1.)"),
        GoldenCase("g148", I0(5),
                   "tensor(5)"),
        GoldenCase("g149", I([2, 2]),
                   "tensor([2, 2])"),
        GoldenCase("g152", F0(3.5),
                   "tensor(3.5000)"),
        GoldenCase("g153", F0(720),
                   "tensor(720.)"),
        GoldenCase("g154", F([1, 3, 6, 4, 9, 15], [2, 3]),
                   "tensor([[ 1.,  3.,  6.],\n        [ 4.,  9., 15.]])"),
        GoldenCase("g156", F(softmaxRows(a, 3), [2, 3]),
                   "tensor([[0.0900, 0.2447, 0.6652],\n        [0.0900, 0.2447, 0.6652]])"),
        GoldenCase("g158", F(softmaxColumns(a), [2, 3]),
                   "tensor([[0.0474, 0.0474, 0.0474],\n        [0.9526, 0.9526, 0.9526]])"),
        GoldenCase("g160", F(logSoftmaxRows(a, 3), [2, 3]),
                   "tensor([[-2.4076, -1.4076, -0.4076],\n        [-2.4076, -1.4076, -0.4076]])"),
        GoldenCase("g162", F([1, 1]),
                   "tensor([1., 1.])"),
        GoldenCase("g164", F(a + a, [4, 3]),
                   "tensor([[1., 2., 3.],\n        [4., 5., 6.],\n        [1., 2., 3.],\n        [4., 5., 6.]])"),
        GoldenCase("g165", F([1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6], [2, 6]),
                   "tensor([[1., 2., 3., 1., 2., 3.],\n        [4., 5., 6., 4., 5., 6.]])"),
        GoldenCase("g166", F(b + b),
                   "tensor([10., 20., 30., 10., 20., 30.])"),
        GoldenCase("g168", F([10, 10, 20, 20, 30, 30], [3, 2]),
                   "tensor([[10., 10.],\n        [20., 20.],\n        [30., 30.]])"),
        GoldenCase("g169", F([1, 2]),
                   "tensor([1., 2.])"),
        GoldenCase("g172", F(a.map { roundf($0 / 3 * 100) / 100 }, [2, 3]),
                   "tensor([[0.3300, 0.6700, 1.0000],\n        [1.3300, 1.6700, 2.0000]])"),
        GoldenCase("g173", F(a, [2, 3]),
                   "tensor([[1., 2., 3.],\n        [4., 5., 6.]])"),
        GoldenCase("g174", F(a.map { ceilf($0 / 4) }, [2, 3]),
                   "tensor([[1., 1., 1.],\n        [1., 2., 2.]])"),
        GoldenCase("g177", F(x[0..<6]),
                   "tensor([0., 1., 2., 3., 4., 5.])"),
        GoldenCase("g178", F(x[18..<24]),
                   "tensor([18., 19., 20., 21., 22., 23.])"),
        GoldenCase("g180", F0(8),
                   "tensor(8.)"),
        GoldenCase("g181", F([0, 6, 12, 18]),
                   "tensor([ 0.,  6., 12., 18.])"),
        GoldenCase("g182", F([5, 11, 17, 23]),
                   "tensor([ 5., 11., 17., 23.])"),
        GoldenCase("g184", F([8, 9, 10, 11, 14, 15, 16, 17], [2, 4]),
                   "tensor([[ 8.,  9., 10., 11.],\n        [14., 15., 16., 17.]])"),
        GoldenCase("g185", F(x[0..<6] + x[12..<18], [2, 6]),
                   "tensor([[ 0.,  1.,  2.,  3.,  4.,  5.],\n        [12., 13., 14., 15., 16., 17.]])"),
        GoldenCase("g186", F([0, 3, 6, 9, 12, 15, 18, 21], [4, 2]),
                   "tensor([[ 0.,  3.],\n        [ 6.,  9.],\n        [12., 15.],\n        [18., 21.]])"),
        GoldenCase("g190", F(x[0..<6] + x[12..<18], [2, 6]),
                   "tensor([[ 0.,  1.,  2.,  3.,  4.,  5.],\n        [12., 13., 14., 15., 16., 17.]])"),
        GoldenCase("g192", F([21, 22, 23]),
                   "tensor([21., 22., 23.])"),
        GoldenCase("g193", I([0, 2, 4, 6, 8]),
                   "tensor([0, 2, 4, 6, 8])"),
        GoldenCase("g194", I(Array(2..<10)),
                   "tensor([2, 3, 4, 5, 6, 7, 8, 9])"),
        GoldenCase("g196", I([7, 8, 9]),
                   "tensor([7, 8, 9])"),
        GoldenCase("g197", I0(5),
                   "tensor(5)"),
        GoldenCase("g198", I([1, 1, 4]),
                   "tensor([1, 1, 4])"),
        GoldenCase("g200", F(x[0..<6], [2, 3]),
                   "tensor([[0., 1., 2.],\n        [3., 4., 5.]])"),
        GoldenCase("g201", F0(225),
                   "tensor(225.)"),
        GoldenCase("g202", F([0, 6, 12, 18]),
                   "tensor([ 0.,  6., 12., 18.])"),
        GoldenCase("g204", F(ones(3)), requiresGrad: true,
                   "tensor([1., 1., 1.], requires_grad=True)"),
        GoldenCase("g205", F([2, 2, 2]), gradFn: "MulBackward0",
                   "tensor([2., 2., 2.], grad_fn=<MulBackward0>)"),
        GoldenCase("g206", F0(3), gradFn: "SumBackward0",
                   "tensor(3., grad_fn=<SumBackward0>)"),
        GoldenCase("g208", F(ones(3)),
                   "tensor([1., 1., 1.])"),
        GoldenCase("g209", F([2, 3, 4]), gradFn: "AddBackward0",
                   "tensor([2., 3., 4.], grad_fn=<AddBackward0>)"),
        GoldenCase("g210", F0(1), gradFn: "MeanBackward0",
                   "tensor(1., grad_fn=<MeanBackward0>)"),
        GoldenCase("g212", F0(Float(2).squareRoot()), gradFn: "SqrtBackward0",
                   "tensor(1.4142, grad_fn=<SqrtBackward0>)"),
        GoldenCase("g213", F(ones(3)),
                   "tensor([1., 1., 1.])"),
        GoldenCase("g220", F(ones(3).map(sigmoid)), gradFn: "SigmoidBackward0",
                   "tensor([0.7311, 0.7311, 0.7311], grad_fn=<SigmoidBackward0>)"),
        GoldenCase("g221", F(ones(3).map(expf)), gradFn: "ExpBackward0",
                   "tensor([2.7183, 2.7183, 2.7183], grad_fn=<ExpBackward0>)"),
        GoldenCase("g222", F(ones(3)), gradFn: "ReluBackward0",
                   "tensor([1., 1., 1.], grad_fn=<ReluBackward0>)"),
        GoldenCase("g224", F0(1), gradFn: "SelectBackward0",
                   "tensor(1., grad_fn=<SelectBackward0>)"),
        GoldenCase("g225", F(ones(3)), gradFn: "MaximumBackward0",
                   "tensor([1., 1., 1.], grad_fn=<MaximumBackward0>)"),
        GoldenCase("g226", F(ones(3)), gradFn: "WhereBackward0",
                   "tensor([1., 1., 1.], grad_fn=<WhereBackward0>)"),
        GoldenCase("g228", F([-1, -1, -1]), gradFn: "NegBackward0",
                   "tensor([-1., -1., -1.], grad_fn=<NegBackward0>)"),
        GoldenCase("g229", F([0, -1, -2]), gradFn: "SubBackward0",
                   "tensor([ 0., -1., -2.], grad_fn=<SubBackward0>)"),
        GoldenCase("g230", F([1, 1 / Float(2), 1 / Float(3)]), gradFn: "DivBackward0",
                   "tensor([1.0000, 0.5000, 0.3333], grad_fn=<DivBackward0>)"),
        GoldenCase("g232", F([0, 0, 0]), gradFn: "LogBackward0",
                   "tensor([0., 0., 0.], grad_fn=<LogBackward0>)"),
        GoldenCase("g233", F(softmaxRows(ones(3), 3)), gradFn: "SoftmaxBackward0",
                   "tensor([0.3333, 0.3333, 0.3333], grad_fn=<SoftmaxBackward0>)"),
        GoldenCase("g234", F([6], [1, 1]), gradFn: "MmBackward0",
                   "tensor([[6.]], grad_fn=<MmBackward0>)"),
        GoldenCase("g236", F([1, 1, 1, 1, 2, 3]), gradFn: "CatBackward0",
                   "tensor([1., 1., 1., 1., 2., 3.], grad_fn=<CatBackward0>)"),
        GoldenCase("g237", F0(1), gradFn: "MeanBackward0",
                   "tensor(1., grad_fn=<MeanBackward0>)"),
        GoldenCase("g238", F0(Float(5) / 3), gradFn: "MseLossBackward0",
                   "tensor(1.6667, grad_fn=<MseLossBackward0>)"),
        GoldenCase("g240", F(ones(3)), requiresGrad: true,
                   "tensor([1., 1., 1.], requires_grad=True)"),
        GoldenCase("g241", F(ones(3)), gradFn: "CloneBackward0",
                   "tensor([1., 1., 1.], grad_fn=<CloneBackward0>)"),
        GoldenCase("g242", F([2, 4, 6]),
                   "tensor([2., 4., 6.])"),
        GoldenCase("g244", F([-1, 0.5, 2].map { sigmoid($0) * (1 - sigmoid($0)) }),
                   "tensor([0.1966, 0.2350, 0.1050])"),
        GoldenCase("g245", F([0, 1, 1]),
                   "tensor([0., 1., 1.])"),
        GoldenCase("g246", F([-1, 1, 1]),
                   "tensor([-1.,  1.,  1.])"),
        GoldenCase("g248", F([expf(1), expf(2)]),
                   "tensor([2.7183, 7.3891])"),
        GoldenCase("g249", F([1, 0.5]),
                   "tensor([1.0000, 0.5000])"),
        GoldenCase("g252", F(crossEntropyGrad([1, 2, 3, 1, 0, -1], targets: [2, 0]), [2, 3]),
                   "tensor([[ 0.0450,  0.1224, -0.1674],\n        [-0.1674,  0.1224,  0.0450]])"),
        GoldenCase("g253", F(crossEntropyGrad([1, 2, 3, 1, 0, -1], targets: [2, 0]), [2, 3]),
                   "tensor([[ 0.0450,  0.1224, -0.1674],\n        [-0.1674,  0.1224,  0.0450]])"),
        GoldenCase("g254", F(softmaxFirstColumnGrad([1, 2, 3, 1, 0, -1]), [2, 3]),
                   "tensor([[ 0.0819, -0.0220, -0.0599],\n        [ 0.2227, -0.1628, -0.0599]])"),
        GoldenCase("g256", F([6, 4, 6, 4], [2, 2]),
                   "tensor([[6., 4.],\n        [6., 4.]])"),
        GoldenCase("g257", F([0, 1, 0, 0], [2, 2]),
                   "tensor([[0., 1.],\n        [0., 0.]])"),
        GoldenCase("g258", F([0, 1, 0, 1], [2, 2]),
                   "tensor([[0., 1.],\n        [0., 1.]])"),
        GoldenCase("g260", F([-2, 0, 1].map { $0 / (3 * (Float(5) / 3).squareRoot()) }),
                   "tensor([-0.5164,  0.0000,  0.2582])"),
        GoldenCase("g261", F([-1 / Float(3), 0, 1 / Float(3)]),
                   "tensor([-0.3333,  0.0000,  0.3333])"),
        GoldenCase("g262", F([11, 11, 11]),
                   "tensor([11., 11., 11.])"),
        GoldenCase("g264", F([5, 5, 5]),
                   "tensor([5., 5., 5.])"),
        GoldenCase("g265", F([5, 5, 5]),
                   "tensor([5., 5., 5.])"),
        GoldenCase("g266", F([3, 3, 3]),
                   "tensor([3., 3., 3.])"),
        GoldenCase("g269", F0(12), gradFn: "SumBackward0",
                   "tensor(12., grad_fn=<SumBackward0>)"),
        GoldenCase("g270", F0(2), gradFn: "MeanBackward0",
                   "tensor(2., grad_fn=<MeanBackward0>)"),
        GoldenCase("g272", F([1, 2], [2, 1]), gradFn: "ViewBackward0",
                   "tensor([[1.],\n        [2.]], grad_fn=<ViewBackward0>)"),
        GoldenCase("g273", F([1, 1, 1]),
                   "tensor([1., 1., 1.])"),
        GoldenCase("g276", F([1, 2, 3].map { $0 - Float(0.1) * 2 }), requiresGrad: true,
                   "tensor([0.8000, 1.8000, 2.8000], requires_grad=True)"),
        GoldenCase("g277", F(linearOutput, [2, 2]), gradFn: "AddmmBackward0",
                   "tensor([[ 6.1000,  4.8000],\n        [ 2.1000, -0.2000]], grad_fn=<AddmmBackward0>)"),
        GoldenCase("g282", F([0, 2]),
                   "tensor([0., 2.])"),
    ]
}
