import XCTest
@testable import KindlingLanguage

/// The typed exception kinds: every kind names a class of the builtins' hierarchy (so
/// `Builtins.exc`'s fallback is never reached), subclass checks follow CPython's tree, and
/// Swift errors cross into Python through one bridge.
final class ExceptionKindTests: XCTestCase {
    func testEveryKindIsTheBuiltinClassOfItsName() {
        for kind in PyExceptionKind.allCases {
            let cls = Builtins.exceptionClasses[kind.rawValue]
            XCTAssertNotNil(cls, "\(kind.rawValue) is missing from the hierarchy")
            XCTAssertTrue(kind.pyClass === cls, kind.rawValue)
            XCTAssertEqual(kind.pyClass.name, kind.rawValue)
            XCTAssertTrue(kind.pyClass.isSubclass(of: Builtins.baseException), kind.rawValue)
        }
    }

    func testMatchesFollowsCPythonsHierarchy() {
        let key = PyException.make(.keyError, "k")
        XCTAssertTrue(key.matches(.keyError))
        XCTAssertTrue(key.matches(.lookupError))
        XCTAssertTrue(key.matches(.exception))
        XCTAssertFalse(key.matches(.indexError))
        XCTAssertTrue(PyException.make(.systemError, "s").matches(.exception), "SystemError is an Exception")
        XCTAssertTrue(PyException.make(.fileNotFoundError, "f").matches(.osError))
        XCTAssertFalse(PyException.make(.keyboardInterrupt, "").matches(.exception))
        XCTAssertEqual(PyException.make(.zeroDivisionError, "division by zero").description, "ZeroDivisionError: division by zero")
    }

    struct Opaque: Error {}

    func testSwiftErrorsBridgeToTheirExceptions() {
        let syntax = SyntaxErrorInfo(kind: .indentationError, message: "unexpected indent", filename: "<cell>", line: 1, column: 1)
        let wrapped = PyException.wrap(syntax)
        XCTAssertEqual(wrapped.typeName, "IndentationError")
        XCTAssertEqual(wrapped.syntaxInfo, syntax)
        let same = PyException.make(.valueError, "v")
        XCTAssertTrue(PyException.wrap(same) === same)
        XCTAssertEqual(PyException.wrap(Opaque()).typeName, "RuntimeError")
    }

    func testScriptsSeeTheHierarchy() throws {
        let interp = Interpreter()
        var out = ""
        interp.output = { out += $0 }
        try interp.run(source: """
            print(issubclass(SystemError, Exception), issubclass(FileNotFoundError, OSError), SystemError.__mro__[1].__name__)
            try:
                {}['x']
            except LookupError as e:
                print(type(e).__name__, e)
            """, filename: "<test>")
        XCTAssertEqual(out, "True True Exception\nKeyError 'x'\n")
    }
}
