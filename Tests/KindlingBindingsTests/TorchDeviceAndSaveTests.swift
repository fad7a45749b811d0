import Foundation
import XCTest
@testable import KindlingBindings
import KindlingLanguage

/// What the script conformance files cannot show: CPU-only answers that
/// differ from this machine's CUDA build of PyTorch, refusals, and the byte
/// layout of saved archives.
final class TorchDeviceAndSaveTests: XCTestCase {
    func testCPUOnlyAnswers() throws {
        let r = ScriptRunner()
        try r.run("import torch")
        XCTAssertEqual(try r.repr("torch.accelerator.current_accelerator()"), "None")
        XCTAssertEqual(r.error("torch.ones(2).to('cuda')"), "AssertionError: Torch not compiled with CUDA enabled")
        XCTAssertEqual(r.error("torch.ones(2).cuda()"), "AssertionError: Torch not compiled with CUDA enabled")
        XCTAssertEqual(r.error("torch.zeros(1, device='mps')"), nil, "device= of creation functions is not checked here")
        XCTAssertEqual(r.error("torch.set_default_device('cuda')"), "AssertionError: Torch not compiled with CUDA enabled")
        XCTAssertEqual(try r.repr("torch.cuda.is_available(), torch.backends.mps.is_available()"), "(False, False)")
    }

    func testLoadersCollatePythonFloatsIntoFloat64Batches() throws {
        let r = ScriptRunner()
        try r.run("import torch\nfrom torch.utils.data import DataLoader\nimport fastai.basics as fa")
        XCTAssertEqual(try r.repr("next(iter(DataLoader([(1, 0.5), (2, 1.5)], batch_size=2)))"),
                       "[tensor([1, 2]), tensor([0.5000, 1.5000], dtype=torch.float64)]")
        XCTAssertEqual(try r.repr("fa.DataLoader([(0.25, 2), (2.5, 3)], bs=2).one_batch()"),
                       "(tensor([0.2500, 2.5000], dtype=torch.float64), tensor([2, 3]))")
        XCTAssertEqual(try r.repr("next(iter(DataLoader([(1, 5), (2, 6)], batch_size=2)))"), "[tensor([1, 2]), tensor([5, 6])]")
    }

    func testSaveRefusesWhatItCannotWrite() throws {
        let r = ScriptRunner()
        try r.run("import torch\nfrom torch import nn")
        let e = r.error("torch.save(nn.Linear(2, 2), '/tmp/kindling-never-written.pt')")
        XCTAssertTrue(e?.hasPrefix("NotImplementedError: torch.save of a 'Linear' object") ?? false, e ?? "no error")
        XCTAssertEqual(r.error("torch.save(torch.ones(1), open)")?.hasPrefix("NotImplementedError"), true)
    }

    func testSavedRecordsAreAlignedAndNamedAfterTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("my.weights.pt").path
        let r = ScriptRunner()
        try r.run("import torch\ntorch.save({'a': torch.arange(5), 'b': torch.ones(3, 2)}, '\(path)')")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let records = try StoredZip.read(bytes)
        XCTAssertEqual(Set(records.keys), ["my.weights/data.pkl", "my.weights/.format_version", "my.weights/.storage_alignment",
                                           "my.weights/byteorder", "my.weights/data/0", "my.weights/data/1",
                                           "my.weights/version", "my.weights/.data/serialization_id"])
        for (name, data) in records { XCTAssertEqual(data.startIndex % 64, 0, name) }
        XCTAssertEqual(records["my.weights/data/0"]?.count, 40)
        XCTAssertEqual(records["my.weights/data/1"]?.count, 24)
        XCTAssertEqual(String(decoding: records["my.weights/version"] ?? [], as: UTF8.self), "3\n")
    }

    func testCorruptArchivesFailCleanly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("t.pt").path
        let r = ScriptRunner()
        try r.run("import torch\ntorch.save([torch.ones(4), 3], '\(good)')")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: good)))
        // Every truncation and a few flipped bytes must raise, never crash.
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            let bad = dir.appendingPathComponent("cut.pt").path
            _ = FileManager.default.createFile(atPath: bad, contents: Data(bytes[0..<cut]))
            _ = r.error("torch.load('\(bad)')")
        }
        for i in stride(from: 0, to: bytes.count, by: 5) {
            var copy = bytes
            copy[i] ^= 0xA5
            let bad = dir.appendingPathComponent("flip.pt").path
            _ = FileManager.default.createFile(atPath: bad, contents: Data(copy))
            _ = r.error("torch.load('\(bad)')")
        }
    }
}
