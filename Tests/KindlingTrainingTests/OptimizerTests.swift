import XCTest
import KindlingEngine
@testable import KindlingTraining

/// Three steps on loss = sum(p² · [1,2,3]) + sum(p) from p = [1, -2, 0.5];
/// expected parameters recorded from PyTorch 2.15 and fastai 2.8.12.
final class OptimizerTests: XCTestCase {
    func run(_ make: ([Tensor]) throws -> Optimizer) throws -> [Float] {
        let p = try Tensor(shape: [3], floats: [1, -2, 0.5]).requiresGrad_(true)
        let opt = try make([p])
        let k = try Tensor(shape: [3], floats: [1, 2, 3])
        for _ in 0..<3 {
            let sq = try Tensor.binary(.mul, .tensor(try Tensor.binary(.mul, .tensor(p), .tensor(p))), .tensor(k))
            let loss = try Tensor.binary(.add, .tensor(try sq.sum()), .tensor(try p.sum()))
            try loss.backward()
            try opt.step()
            try opt.zeroGrad(setToNone: false)
        }
        return p.floatValues()
    }

    func check(_ got: [Float], _ expected: [Float], file: StaticString = #filePath, line: UInt = #line) {
        for (a, b) in zip(got, expected) { XCTAssertEqual(a, b, accuracy: 2e-5, file: file, line: line) }
    }

    func testTorchSGD() throws {
        check(try run { try TorchSGD(params: $0, lr: 0.1) }, [0.268, -0.628, -0.124])
        check(try run { try TorchSGD(params: $0, lr: 0.1, momentum: 0.9, weightDecay: 0.01) }, [-0.410366, 0.699893, -0.736104])
        check(try run { try TorchSGD(params: $0, lr: 0.1, momentum: 0.9, nesterov: true) }, [-0.662528, 0.508268, -0.369376])
        XCTAssertThrowsError(try TorchSGD(params: [], lr: -1))
    }

    func testTorchAdam() throws {
        check(try run { try TorchAdam(params: $0, lr: 0.1) }, [0.700903, -1.700738, 0.202971])
        check(try run { try TorchAdam(params: $0, lr: 0.1, betas: (0.8, 0.9), weightDecay: 0.1) }, [0.701006, -1.700804, 0.20322])
    }

    func testFastaiSGDAndAdam() throws {
        check(try run { FastaiSGD(params: $0, lr: 0.1) }, [0.268, -0.628, -0.124])
        check(try run { FastaiSGD(params: $0, lr: 0.1, mom: 0.9, wd: 0.1) }, [-0.418871, 0.704932, -0.730251])
        check(try run { FastaiAdam(params: $0, lr: 0.1) }, [0.698159, -1.695013, 0.201657])
    }

    /// The one-pass steps (contiguous parameters) match the composed tensor
    /// ops (taken for a non-contiguous parameter) bit for bit.
    func testFusedStepsEqualTheGeneralPath() throws {
        let configs: [(String, ([Tensor]) throws -> Optimizer)] = [
            ("fastai", { FastaiSGD(params: $0, lr: 0.1) }),
            ("fastai mom wd", { FastaiSGD(params: $0, lr: 0.05, mom: 0.9, wd: 0.1) }),
            ("fastai l2", { FastaiSGD(params: $0, lr: 0.05, mom: 0.8, wd: 0.3, decoupleWD: false) }),
            ("torch", { try TorchSGD(params: $0, lr: 0.1) }),
            ("torch mom wd", { try TorchSGD(params: $0, lr: 0.07, momentum: 0.9, weightDecay: 0.01) }),
            ("torch nesterov", { try TorchSGD(params: $0, lr: 0.1, momentum: 0.9, nesterov: true) }),
            ("torch dampening", { try TorchSGD(params: $0, lr: 0.1, momentum: 0.5, dampening: 0.3, weightDecay: 0.2) }),
            ("fastai adam", { FastaiAdam(params: $0, lr: 0.01) }),
            ("fastai adam l2", { FastaiAdam(params: $0, lr: 0.02, mom: 0.8, sqrMom: 0.95, wd: 0.1, decoupleWD: false) }),
            ("torch adam", { try TorchAdam(params: $0, lr: 0.01) }),
            ("torch adam wd", { try TorchAdam(params: $0, lr: 0.03, betas: (0.8, 0.9), eps: 1e-6, weightDecay: 0.1) }),
        ]
        for (name, make) in configs {
            RandomGenerator.manualSeed(7)
            let start = try Tensor.randn([5, 6])
            let grads = try (0..<4).map { _ in try Tensor.randn([6, 5]) }
            let dense = try start.t().contiguous().requiresGrad_()
            let strided = try start.clone().t().requiresGrad_()      // a non-contiguous leaf: general path
            XCTAssertFalse(strided.isContiguous)
            let fast = try make([dense]), slow = try make([strided])
            for g in grads {
                dense.grad = try g.clone()
                strided.grad = try g.clone()
                try fast.step()
                try slow.step()
                try fast.zeroGrad(setToNone: false)
                try slow.zeroGrad(setToNone: false)
            }
            XCTAssertEqual(dense.floatValues(), strided.floatValues(), name)
            XCTAssertEqual(dense.grad?.floatValues(), Array(repeating: 0, count: 30), name)
            XCTAssertNotEqual(dense.floatValues(), try start.t().contiguous().floatValues(), name)
        }
    }

    func testZeroGradKeepsZerosOrClears() throws {
        let p = try Tensor(shape: [2], floats: [1, 2]).requiresGrad_(true)
        try p.sum().backward()
        let opt = FastaiSGD(params: [p], lr: 0.1)
        try opt.zeroGrad(setToNone: false)
        XCTAssertEqual(p.grad?.floatValues(), [0, 0])
        try opt.zeroGrad(setToNone: true)
        XCTAssertNil(p.grad)
    }
}
