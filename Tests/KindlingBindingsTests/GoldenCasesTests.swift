import Foundation
import XCTest
import KindlingLanguage

/// Runs every case of ../shared/golden/torch_cases.jsonl (recorded from
/// PyTorch 2.15): `setup`, then `repr(expr)` must print exactly the recorded
/// `repr`; an `error` case must raise that exception type with that message.
final class GoldenCasesTests: XCTestCase {
    struct Case: Decodable {
        let id: String
        let setup: String
        let expr: String
        let repr: String?
        let error: String?
    }

    func testAllGoldenCases() throws {
        guard let shared = sharedDirectory() else {
            throw XCTSkip("../shared is absent: the PyTorch golden cases cannot run here")
        }
        let text = try String(contentsOf: shared.appendingPathComponent("golden/torch_cases.jsonl"), encoding: .utf8)
        let cases = try text.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        XCTAssertGreaterThanOrEqual(cases.count, 230)
        var failures: [String] = []
        for c in cases {
            let runner = ScriptRunner()
            let prelude = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"
            do {
                try runner.run(prelude + c.setup)
            } catch {
                failures.append("\(c.id) setup raised \(error)")
                continue
            }
            if let expected = c.repr {
                do {
                    let got = try runner.repr(c.expr)
                    if got != expected { failures.append("\(c.id) `\(c.expr)`\n  expected: \(expected)\n  got:      \(got)") }
                } catch {
                    failures.append("\(c.id) `\(c.expr)` raised \(error)")
                }
            } else if let expected = c.error {
                let got = runner.error(c.expr) ?? "no exception"
                if got != expected { failures.append("\(c.id) `\(c.expr)`\n  expected: \(expected)\n  got:      \(got)") }
            }
        }
        print("golden cases: \(cases.count - failures.count) passed, \(failures.count) failed")
        XCTAssert(failures.isEmpty, "\(failures.count) of \(cases.count) golden cases differ:\n" + failures.joined(separator: "\n"))
    }
}
