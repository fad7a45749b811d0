import Foundation
import XCTest
import KindlingBindings
import KindlingData
import KindlingEngine
import KindlingLanguage

/// A test-only script driver until the `kindling` executable runs files:
/// `KINDLING_SCRIPT=path swift test --filter LearnerScriptDriverTests` runs
/// the script in the script's folder with stdout as output (used for the
/// benchmark workloads). Skipped when the variable is unset.
final class LearnerScriptDriverTests: XCTestCase {
    func testRunScriptFromEnvironment() throws {
        guard let path = ProcessInfo.processInfo.environment["KINDLING_SCRIPT"] else {
            throw XCTSkip("set KINDLING_SCRIPT to run a script")
        }
        let source = try String(contentsOfFile: path, encoding: .utf8)
        if let dir = ProcessInfo.processInfo.environment["KINDLING_CWD"] {
            FileManager.default.changeCurrentDirectoryPath(dir)
        }
        let interp = Interpreter()
        KindlingModules.install(into: interp)
        interp.output = { s in fputs(s, stdout); fflush(stdout) }
        // KINDLING_PRELOAD_IDX=dir: `all_x` (N x 784 floats in 0...1) and
        // `all_y` from dir/train-*-ubyte.gz, for timing without pandas.
        if let dir = ProcessInfo.processInfo.environment["KINDLING_PRELOAD_IDX"] {
            let images = try IDXReader.readImages(path: dir + "/train-images-idx3-ubyte.gz")
            let labels = try IDXReader.readLabels(path: dir + "/train-labels-idx1-ubyte.gz")
            let x = try Tensor(shape: [images.count, images.rows * images.columns], floats: images.pixels.map { Float($0) / 255 })
            interp.setGlobal("all_x", .object(TensorObject(x)))
            interp.setGlobal("all_y", .object(TensorObject(try Tensor(shape: [labels.count], ints: labels.map { Int64($0) }))))
        }
        do {
            try interp.run(source: source, filename: path)
        } catch let e as PyException {
            XCTFail("\(e.typeName): \(e.message)")
        }
    }
}
