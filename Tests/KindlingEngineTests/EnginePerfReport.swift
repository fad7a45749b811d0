import XCTest
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import KindlingEngine

/// Prints per-op overhead and the lesson's training-step time. Measures, never
/// asserts on time (numbers are meaningful in release builds only).
final class EnginePerfReport: XCTestCase {
    func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)  // CPU time: robust to a loaded machine
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Debug builds run each measurement briefly (the numbers mean nothing there).
    #if DEBUG
    let scale = 0.02
    #else
    let scale = 1.0
    #endif

    func time(_ label: String, iterations requested: Int, _ body: () throws -> Void) rethrows -> Double {
        let iterations = Swift.max(Int(Double(requested) * scale), 1)
        for _ in 0..<max(iterations / 10, 1) { try body() }
        let start = seconds()
        for _ in 0..<iterations { try body() }
        let us = (seconds() - start) / Double(iterations) * 1e6
        print(String(format: "perf %-44@ %9.3f us", label as NSString, us))
        return us
    }

    func testReportPerOpOverheadAndTrainingStep() throws {
        let a = try Tensor.randn([5, 30]), b = try Tensor.randn([30]), s = try Tensor.randn([5, 30])
        _ = try time("add [5,30]+[5,30]", iterations: 20000) { _ = try Tensor.binary(.add, .tensor(a), .tensor(s)) }
        _ = try time("add [5,30]+[30] (row broadcast)", iterations: 20000) { _ = try Tensor.binary(.add, .tensor(a), .tensor(b)) }
        _ = try time("mul [5,30]*scalar", iterations: 20000) { _ = try Tensor.binary(.mul, .tensor(a), .scalar(.float(0.1))) }
        _ = try time("relu [5,30]", iterations: 20000) { _ = try a.relu() }
        _ = try time("sum [5,30] all", iterations: 20000) { _ = try a.sum() }
        _ = try time("sum [5,30] dim 0", iterations: 20000) { _ = try a.sum(dims: [0]) }
        _ = try time("t() view", iterations: 20000) { _ = try a.t() }
        let big = try Tensor.randn([1000, 1000])
        _ = try time("add [1000,1000]+[1000,1000]", iterations: 50) { _ = try Tensor.binary(.add, .tensor(big), .tensor(big)) }
        _ = try time("exp [1000,1000]", iterations: 50) { _ = try big.exp() }
        _ = try time("sum [1000,1000]", iterations: 50) { _ = try big.sum() }
    }

    func testReportTrainingStep() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["KINDLING_PERF_ITERATIONS"] ?? "") ?? 3000

        // The lesson's loop: Linear(784,30)-ReLU-Linear(30,10), batch 5, SGD.
        RandomGenerator.manualSeed(0)
        let w1 = try Tensor.randn([30, 784]).requiresGrad_(), b1 = try Tensor.zeros([30]).requiresGrad_()
        let w2 = try Tensor.randn([10, 30]).requiresGrad_(), b2 = try Tensor.zeros([10]).requiresGrad_()
        let x = try Tensor.rand([5, 784])
        var onehot = [Float](repeating: 0, count: 50)
        for r in 0..<5 { onehot[r * 10 + r] = 1 }
        let y = try Tensor(shape: [5, 10], floats: onehot)
        let params = [w1, b1, w2, b2]
        _ = try time("train step 5x784 -> 30 -> 10 (fwd+bwd+sgd)", iterations: iterations) {
            let h = try Tensor.linear(x, w1, b1).relu()
            let out = try Tensor.linear(h, w2, b2)
            let m = try out.max(dim: 1, keepdim: true).values.detach()
            let shifted = try Tensor.binary(.sub, .tensor(out), .tensor(m))
            let lse = try shifted.exp().sum(dims: [1], keepdim: true).log()
            let logp = try Tensor.binary(.sub, .tensor(shifted), .tensor(lse))
            let loss = try Tensor.binary(.mul, .tensor(logp), .tensor(y)).sum().neg()
            try loss.backward()
            try GradMode.withNoGrad {
                for p in params {
                    guard let g = p.grad else { continue }
                    try p.sub_(.tensor(try Tensor.binary(.mul, .tensor(g), .scalar(.float(0.01)))))
                    p.grad = nil
                }
            }
        }
    }
}
