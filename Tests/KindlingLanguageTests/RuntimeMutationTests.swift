import Foundation
import XCTest
@testable import KindlingLanguage

/// Runs randomly mutated versions of the conformance scripts: whatever they do, the interpreter must
/// answer with output or a Python exception, never crash or hang (a watchdog interrupts long runs).
final class RuntimeMutationTests: XCTestCase {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    func mutate(_ source: String, _ rng: inout SplitMix) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 1 else { return source }
        let replacements = ["0", "-1", "None", "[]", "{}", "''", "x", "self", "1e308", "10**18", "(1, 2)", "lambda: 0"]
        for _ in 0..<(1 + rng.below(3)) {
            let i = rng.below(lines.count)
            switch rng.below(5) {
            case 0: lines.remove(at: i)
            case 1: lines.swapAt(i, rng.below(lines.count))
            case 2: lines.insert(lines[i], at: rng.below(lines.count))
            case 3:
                var words = lines[i].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                if !words.isEmpty { words[rng.below(words.count)] = replacements[rng.below(replacements.count)] }
                lines[i] = words.joined(separator: " ")
            default:
                let line = lines[i]
                if !line.isEmpty {
                    let cut = rng.below(line.count)
                    lines[i] = String(line.prefix(cut))
                }
            }
            if lines.isEmpty { break }
        }
        return lines.joined(separator: "\n")
    }

    func testMutatedScriptsNeverCrash() throws {
        guard let dir = Bundle.module.url(forResource: "Conformance", withExtension: nil) else { return XCTFail("no resource") }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".py") }.sorted()
        var rng = SplitMix(state: 20261129)
        var outcomes = (ok: 0, raised: 0)
        for f in files where f != "recursion_error.py" {
            let source = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            for _ in 0..<20 {
                let mutated = mutate(source, &rng)
                let interp = Interpreter()
                interp.output = { _ in }
                let finished = DispatchSemaphore(value: 0)
                DispatchQueue.global().async {
                    if finished.wait(timeout: .now() + 2) == .timedOut { Interpreter.requestInterrupt() }
                }
                do { try interp.run(source: mutated, filename: f); outcomes.ok += 1 } catch let e as PyException {
                    _ = interp.formatException(e)
                    outcomes.raised += 1
                }
                finished.signal()
                Interrupts.flag.pointee = 0
            }
        }
        XCTAssertGreaterThan(outcomes.ok + outcomes.raised, 0)
    }
}
