import XCTest
@testable import KindlingLanguage

/// A name a Swift-implemented standard module lacks is refused as "not supported by Kindling"
/// (CPython has it), unless a close name suggests a typo, which gets CPython's suggestion.
final class NativeModuleRefusalTests: XCTestCase {
    private func error(_ source: String) -> String? {
        do { try Interpreter().run(source: source, filename: "<test>") } catch let e as PyException {
            return "\(e.typeName): \(e.message)" + (e.exception.suggestion.map { " [\($0)]" } ?? "")
        } catch { return "\(error)" }
        return nil
    }

    func testMissingNamesOfNativeModules() {
        XCTAssertEqual(error("from math import no_such_function"),
                       "ImportError: cannot import name 'no_such_function' from 'math' (math.no_such_function is not supported by Kindling)")
        XCTAssertEqual(error("import os\nos.no_such_function"),
                       "AttributeError: module 'os' has no attribute 'no_such_function' (os.no_such_function is not supported by Kindling)")
        XCTAssertEqual(error("import math\nmath.sqr"), "AttributeError: module 'math' has no attribute 'sqr' [sqrt]")
        XCTAssertNil(error("from math import sqrt, pi\nfrom os.path import join"))
    }
}
