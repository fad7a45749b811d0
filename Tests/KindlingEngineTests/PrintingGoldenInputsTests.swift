import Foundation
import XCTest
@testable import KindlingEngine

/// The inputs of the golden cases, computed as PyTorch computes them
/// (Float arithmetic), and short constructors for the case table.
extension PrintingGoldenTests {
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
}
