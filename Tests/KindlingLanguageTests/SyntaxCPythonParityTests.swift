import XCTest
@testable import KindlingLanguage

/// Differential test: Kindling's parse of each case equals CPython 3.11's `ast.parse`, so every
/// program Kindling accepts has the structure (and so the meaning) CPython gives it.
final class SyntaxCPythonParityTests: XCTestCase {
    func testParsesLikeCPython() {
        var mismatches = 0
        for (source, expected) in cpythonParityCases {
            let actual = dumpModule(source)
            if actual != expected {
                mismatches += 1
                XCTFail("source: \(source.debugDescription)\n  kindling: \(actual)\n  cpython:  \(expected)")
            }
        }
        XCTAssertEqual(mismatches, 0)
        XCTAssertGreaterThan(cpythonParityCases.count, 400)
    }
}
