import Foundation
@testable import KindlingGraphics

/// Small pictures the tests draw: a synthetic 28x28 "digit" and a loss curve.
enum TestImages {
    /// A 28x28 ring-shaped "zero" with soft edges, values in 0...1 (like an MNIST digit scaled by 1/255).
    static func digit() throws -> ImageData {
        var values = [Float](repeating: 0, count: 28 * 28)
        for y in 0..<28 {
            for x in 0..<28 {
                let dx = (Double(x) - 13.5) / 6.5, dy = (Double(y) - 13.5) / 9.5
                let r = (dx * dx + dy * dy).squareRoot()
                values[y * 28 + x] = Float(max(0, 1 - abs(r - 1) * 4))
            }
        }
        return try ImageData(width: 28, height: 28, values: values)
    }

    /// A real digit from an uncompressed MNIST IDX file named by KINDLING_MNIST_IDX (for looking at output).
    static func mnistDigit(index: Int = 0) -> ImageData? {
        guard let path = ProcessInfo.processInfo.environment["KINDLING_MNIST_IDX"],
              let data = FileManager.default.contents(atPath: path), data.count >= 16 + 784 * (index + 1) else {
            return nil
        }
        let bytes = [UInt8](data)
        let start = 16 + 784 * index
        return try? ImageData(width: 28, height: 28, values: bytes[start..<start + 784].map { Float($0) / 255 })
    }

    static func lossCurves() -> (train: [Double], valid: [Double]) {
        let train = (0..<60).map { 0.3 * exp(-Double($0) / 12) + 0.02 + 0.01 * sin(Double($0)) }
        let valid = (0..<60).map { 0.28 * exp(-Double($0) / 15) + 0.04 }
        return (train, valid)
    }

    /// Writes PNG bytes where the developer can look at them (only when KINDLING_GRAPHICS_OUT is set).
    static func save(_ bytes: [UInt8], as name: String) {
        guard let folder = ProcessInfo.processInfo.environment["KINDLING_GRAPHICS_OUT"] else { return }
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes))
    }
}
