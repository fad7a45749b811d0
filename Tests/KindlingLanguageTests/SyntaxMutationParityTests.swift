import Foundation
import XCTest
@testable import KindlingLanguage

/// Differential test on invalid-looking input: for mutated real snippets, Kindling accepts
/// exactly what CPython 3.11 accepts (with the same AST) and rejects what it rejects (with the
/// same exception class, and for most cases the same message and line).
final class SyntaxMutationParityTests: XCTestCase {
    private struct Case: Decodable {
        var s: String
        var ok: Bool
        var d: String?
        var k: String?
        var m: String?
        var l: Int?
    }

    func testMutatedSnippetsMatchCPython() throws {
        let decoder = JSONDecoder()
        let cases = try cpythonMutationCases.split(separator: "\n").map {
            try decoder.decode(Case.self, from: Data($0.utf8))
        }
        XCTAssertGreaterThan(cases.count, 400)
        for c in cases {
            do {
                let module = try parseModule(source: c.s, filename: "x.py")
                if c.ok {
                    XCTAssertEqual(module.body.map(\.dump).joined(separator: "; "), c.d, c.s)
                } else {
                    XCTFail("Kindling accepts what CPython rejects (\(c.m ?? c.k ?? "")): \(c.s.debugDescription)")
                }
            } catch let e as SyntaxErrorInfo {
                guard !c.ok else {
                    XCTFail("Kindling rejects valid Python (\(e.message)): \(c.s.debugDescription)")
                    continue
                }
                XCTAssertEqual(e.kind.pythonExceptionKind.rawValue, c.k, "\(e.message) for \(c.s.debugDescription)")
                if let message = c.m { XCTAssertEqual(e.message, message, c.s.debugDescription) }
                if let line = c.l { XCTAssertEqual(e.line, line, c.s.debugDescription) }
            }
        }
    }
}
