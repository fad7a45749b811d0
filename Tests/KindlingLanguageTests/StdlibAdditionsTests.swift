import XCTest
@testable import KindlingLanguage

/// Session 6's standard modules: the frame stack `warnings` reads, warnings from native code,
/// and the refusal of what the new modules lack.
final class StdlibAdditionsTests: XCTestCase {
    private func run(_ source: String, _ interp: Interpreter = Interpreter()) throws -> String {
        var out = ""
        interp.output = { out += $0 }
        try interp.run(source: source, filename: "prog.py")
        return out
    }

    private func error(_ source: String) -> String? {
        do { _ = try run(source) } catch let e as PyException { return "\(e.typeName): \(e.message)" } catch { return "\(error)" }
        return nil
    }

    func testWarnReportsTheCallingLineInsideFunctionsAndClassBodies() throws {
        let out = try run("""
        import warnings
        warnings.showwarning = lambda m, c, f, l, *rest: print(f, l, m)
        def inner():
            warnings.warn("in inner")
        def outer():
            x = 1
            inner()
            warnings.warn("blame caller", stacklevel=2)
        outer()
        class K:
            a = 1
            warnings.warn("in class body")
        [warnings.warn("in comprehension") for _ in range(1)]
        """)
        XCTAssertEqual(out, "prog.py 4 in inner\nprog.py 9 blame caller\nprog.py 12 in class body\nprog.py 13 in comprehension\n")
    }

    func testNativeWarningsGoThroughTheFiltersAndAnErrorFilterRaises() throws {
        let interp = Interpreter()
        _ = try run("import warnings\nlog = []\nwarnings.showwarning = lambda m, c, f, l, *rest: log.append((str(m), c.__name__, l))", interp)
        try interp.warn("from native", category: .futureWarning)
        try interp.warn("from native", category: .futureWarning)
        XCTAssertEqual(try run("print(log)", interp), "[('from native', 'FutureWarning', 1)]\n")
        _ = try run("warnings.simplefilter('error')", interp)
        XCTAssertThrowsError(try interp.warn("now fatal")) { e in
            XCTAssertEqual((e as? PyException)?.typeName, "UserWarning")
        }
    }

    func testTheFrameStackIsEmptyOutsideRunningCode() throws {
        _ = try run("def f():\n    return 1\nf()")
        XCTAssertNil(Interpreter.callerLocation(level: 0))
    }

    func testNamesTheNewModulesLackAreRefused() {
        XCTAssertEqual(error("from statistics import geometric_mean"),
                       "ImportError: cannot import name 'geometric_mean' from 'statistics' (statistics.geometric_mean is not supported by Kindling)")
        XCTAssertEqual(error("import fnmatch\nfnmatch.translate('*')"),
                       "AttributeError: module 'fnmatch' has no attribute 'translate' (fnmatch.translate is not supported by Kindling)")
        XCTAssertEqual(error("import glob\nglob.glob('*', dir_fd=3)"), "NotImplementedError: glob's dir_fd is not supported by Kindling")
        XCTAssertNil(error("import enum, pprint, warnings, statistics, glob, fnmatch\nfrom enum import Enum, IntEnum, Flag, auto, unique"))
    }

    func testExactStatisticsOnIntsAndCancellingFloats() throws {
        XCTAssertEqual(try run("""
        import statistics as s
        print(s.mean([1, 2, 3]), s.mean([1, 2]), s.variance([1, 3, 5]), s.mean([1e20, 1.0, -1e20]), s.pvariance([1e10 + 1, 1e10 + 2, 1e10 + 3]))
        """), "2 1.5 4 0.3333333333333333 0.6666666666666666\n")
    }
}
