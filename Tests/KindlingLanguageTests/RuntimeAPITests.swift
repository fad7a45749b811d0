import XCTest
@testable import KindlingLanguage

/// A native object with a Swift payload, the way the bindings define tensors.
final class BoxObject: PyObject {
    var payload: Double = 0
}

final class RuntimeAPITests: XCTestCase {
    func run(_ interp: Interpreter, _ source: String) throws -> String {
        var out = ""
        interp.output = { out += $0 }
        try interp.run(source: source, filename: "t.py")
        return out
    }

    /// A native class `Box` with a factory, `__init__`, operators, a property and a settable property.
    func makeBoxModule() -> PyModule {
        let box = PyClass(native: "Box", module: "boxes")
        box.factory = { cls in BoxObject(pyClass: cls, hasAttributes: false) }
        box.define("__init__") { a in
            let b = try a.bind(["self", "value=0.0"])
            try a.selfObject(BoxObject.self).payload = try b.double("value")
            return .none
        }
        box.define("__add__") { a in
            let me = try a.selfObject(BoxObject.self)
            guard let other = try a[1].as(BoxObject.self) else {
                if case .object = try a[1] { return Builtins.notImplemented }
                let r = BoxObject(pyClass: box); r.payload = me.payload + (try a[1].asDouble()); return .object(r)
            }
            let r = BoxObject(pyClass: box); r.payload = me.payload + other.payload
            return .object(r)
        }
        box.define("__radd__") { a in try Runtime.call(try Runtime.getAttribute(try a[0], "__add__"), [try a[1]]) }
        box.define("__gt__") { a in .bool(try a.selfObject(BoxObject.self).payload > (try a[1].asDouble())) }
        box.define("__repr__") { a in .str("Box(\(try a.selfObject(BoxObject.self).payload))") }
        box.define("__bool__") { _ in throw PyException.make(.runtimeError, "Boolean value of Box is ambiguous") }
        box.define("__format__") { a in .str(try Runtime.format(.float(try a.selfObject(BoxObject.self).payload), try a[1].asString())) }
        box.defineProperty("value", get: { v in .float(v.as(BoxObject.self)?.payload ?? 0) },
                           set: { v, x in v.as(BoxObject.self)?.payload = try x.asDouble() })
        box.define("scaled") { a in
            let b = try a.bind(["self", "factor", "*", "shift=0.0"])
            let r = BoxObject(pyClass: box)
            r.payload = try a.selfObject(BoxObject.self).payload * b.double("factor") + b.double("shift")
            return .object(r)
        }
        let m = PyModule(name: "boxes")
        m.add(box)
        m.define("total") { a in
            var s = 0.0
            for v in try Runtime.iterateToArray(try a[0]) { s += v.as(BoxObject.self)?.payload ?? 0 }
            return .float(s)
        }
        m["__all__"] = .object(PyList([.str("Box"), .str("total")]))
        return m
    }

    func testNativeClassFromPython() throws {
        let interp = Interpreter()
        interp.registerNativeModule("boxes") { [unowned self] _ in self.makeBoxModule() }
        let out = try run(interp, """
        from boxes import *
        b = Box(2.0) + Box(3.0)
        print(b, b.value, 1 + b, b + 1, b > 4, f"{b:.3f}", b.scaled(2, shift=1))
        b.value = 7
        print(b.value, total([b, Box(1)]), isinstance(b, Box), type(b).__name__)
        class Named(Box):
            def __init__(self, v, name):
                super().__init__(v)
                self.name = name
            def describe(self):
                return f"{self.name}={self.value}"
        n = Named(4, "four")
        print(n.describe(), n + Box(1), isinstance(n, Box))
        try:
            if b: pass
        except RuntimeError as e:
            print("RuntimeError:", e)
        try:
            b.scaled(1, 2)
        except TypeError as e:
            print("TypeError:", e)
        """)
        XCTAssertEqual(out, """
        Box(5.0) 5.0 Box(6.0) Box(6.0) True 5.000 Box(11.0)
        7.0 8.0 True Box
        four=4.0 Box(5.0) True
        RuntimeError: Boolean value of Box is ambiguous
        TypeError: scaled() takes 2 positional arguments but 3 were given

        """)
        XCTAssertNotNil(try interp.importModule("boxes"))
    }

    func testArgumentBinding() throws {
        let args = Arguments([.int(1)], keywords: [("keepdim", .bool(true))], functionName: "sum")
        let b = try args.bind(["input", "dim=None", "keepdim=False"])
        XCTAssertEqual(try b.int("input"), 1)
        XCTAssertTrue(b["dim"].isNone)
        XCTAssertTrue(try b.bool("keepdim"))
        XCTAssertThrowsError(try Arguments([], functionName: "f").bind(["x", "y"])) { e in
            XCTAssertEqual((e as? PyException)?.description, "TypeError: f() missing 2 required positional arguments: 'x' and 'y'")
        }
        XCTAssertThrowsError(try Arguments([.int(1)], keywords: [("z", .none)], functionName: "f").bind(["x"])) { e in
            XCTAssertEqual((e as? PyException)?.description, "TypeError: f() got an unexpected keyword argument 'z'")
        }
    }

    func testInteractiveValueAndGlobals() throws {
        let interp = Interpreter()
        interp.output = { _ in }
        XCTAssertNil(try interp.run(source: "x = 40", mode: .interactive))
        let v = try interp.run(source: "x + 2", mode: .interactive)
        XCTAssertEqual(v.map(interp.repr), "42")
        XCTAssertNil(try interp.run(source: "None", mode: .interactive))
        interp.setGlobal("y", .str("hi"))
        XCTAssertEqual(try interp.run(source: "y * 2", mode: .interactive).map(interp.str), "hihi")
        XCTAssertTrue(interp.globalNames.contains("x"))
    }

    func testRedefinitionSeenByCallers() throws {
        let interp = Interpreter()
        let out1 = try run(interp, "def g(): return 1\ndef f(): return g()\nprint(f())")
        let out2 = try run(interp, "def g(): return 2\nprint(f())")
        XCTAssertEqual(out1 + out2, "1\n2\n")
    }

    func testTracebackUsesLineOffset() throws {
        let interp = Interpreter()
        interp.output = { _ in }
        XCTAssertThrowsError(try interp.run(source: "a = 1\nb = a / 0", filename: "lesson.py", lineOffset: 10)) { e in
            guard let p = e as? PyException else { return XCTFail("not a PyException") }
            XCTAssertEqual(interp.formatException(p), """
            Traceback (most recent call last):
              File "lesson.py", line 12, in <module>
                b = a / 0
            ZeroDivisionError: division by zero

            """)
        }
    }

    func testSyntaxErrorIsRendered() throws {
        let interp = Interpreter()
        XCTAssertThrowsError(try interp.run(source: "x = (1 +\n", filename: "bad.py")) { e in
            guard let p = e as? PyException else { return XCTFail("not a PyException") }
            XCTAssertEqual(p.typeName, "SyntaxError")
            XCTAssertTrue(interp.formatException(p).contains("File \"bad.py\", line 1"))
        }
    }

    func testCallFromSwift() throws {
        let interp = Interpreter()
        try interp.run(source: "def loss(a, b=1, *, scale=2): return (a - b) * scale")
        let f = try XCTUnwrap(interp.getGlobal("loss"))
        XCTAssertEqual(interp.repr(try interp.call(f, args: [.int(5)], kwargs: [("scale", .int(10))])), "40")
    }

    func testCompletionsDoNotEvaluate() throws {
        let interp = Interpreter()
        interp.output = { _ in }
        try interp.run(source: """
        import math
        class C:
            calls = 0
            @property
            def expensive(self):
                C.calls += 1
                return self
            def method(self): pass
        c = C()
        c.field = 1
        """)
        XCTAssertEqual(interp.completions(for: "math.sq"), ["math.sqrt"])
        XCTAssertEqual(interp.completions(for: "print(c.fi"), ["c.field"])
        XCTAssertTrue(interp.completions(for: "c.").contains("c.expensive"))
        XCTAssertEqual(interp.completions(for: "c.expensive.x"), [])
        XCTAssertTrue(interp.completions(for: "ma").contains("math"))
        XCTAssertTrue(interp.completions(for: "ma").contains("max"))
        XCTAssertEqual(interp.repr(interp.getGlobal("C").flatMap { try? Runtime.getAttribute($0, "calls") } ?? .none), "0")
    }

    func testInterruptRaisesKeyboardInterruptAndKeepsState() throws {
        let interp = Interpreter()
        interp.output = { _ in }
        Interpreter.requestInterrupt()
        XCTAssertThrowsError(try interp.run(source: "i = 0\nwhile True:\n    i += 1")) { e in
            XCTAssertEqual((e as? PyException)?.typeName, "KeyboardInterrupt")
        }
        XCTAssertNotNil(interp.getGlobal("i"))
        XCTAssertEqual(try interp.run(source: "'ok'", mode: .interactive).map(interp.str), "ok")
    }

    func testFloatReprAndFormat() throws {
        let cases: [(Double, String)] = [(0.1, "0.1"), (1e-5, "1e-05"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
                                         (123.0, "123.0"), (.infinity, "inf"), (-0.0, "-0.0"), (1.5e-7, "1.5e-07"),
                                         (0.0001, "0.0001"), (2.5e100, "2.5e+100")]
        for (d, s) in cases { XCTAssertEqual(FloatFormat.repr(d), s) }
        XCTAssertEqual(try Runtime.format(.float(3.14159), ".4f"), "3.1416")
        XCTAssertEqual(try Runtime.format(.int(1234567), ","), "1,234,567")
        XCTAssertEqual(try Runtime.format(.float(0.256), ".1%"), "25.6%")
        XCTAssertEqual(try Runtime.format(.int(42), "5d"), "   42")
        XCTAssertEqual(try Runtime.format(.str("ab"), ">4"), "  ab")
    }

    func testIntegerOverflowRaises() throws {
        let interp = Interpreter()
        XCTAssertThrowsError(try interp.run(source: "x = 2 ** 62\ny = x * 4")) { e in
            XCTAssertEqual((e as? PyException)?.typeName, "OverflowError")
        }
        XCTAssertThrowsError(try interp.run(source: "x = 9223372036854775807 + 1")) { e in
            XCTAssertEqual((e as? PyException)?.typeName, "OverflowError")
        }
    }

    func testHashKeysFollowPythonEquality() throws {
        let d = PyDict()
        try d.set(.int(1), .str("a"))
        try d.set(.float(1.0), .str("b"))
        try d.set(.bool(true), .str("c"))
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(try d.get(.int(1)).map { try Runtime.str($0) }, "c")
        XCTAssertThrowsError(try d.set(.object(PyList()), .none))
    }

    func testMersenneTwisterMatchesCPython() {
        let mt = MersenneTwister(seed: 42)
        XCTAssertEqual(mt.random(), 0.6394267984578837)
        XCTAssertEqual(mt.random(), 0.025010755222666936)
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.closest(to: "troch", among: ["torch", "print"]), "torch")
        XCTAssertNil(Suggestions.closest(to: "xyz", among: ["torch"]))
    }

    func testDeepRecursionIsARecursionError() throws {
        let interp = Interpreter()
        XCTAssertThrowsError(try interp.run(source: "def f(n): return f(n + 1) + 1\nf(0)")) { e in
            XCTAssertEqual((e as? PyException)?.typeName, "RecursionError")
        }
        XCTAssertThrowsError(try interp.run(source: "x = []\nfor i in range(100000): x = [x]\nprint(repr(x)[:10])")) { _ in }
    }

    func testExtremeRangesDoNotTrap() throws {
        let interp = Interpreter()
        var out = ""
        interp.output = { out += $0 }
        try interp.run(source: """
        r = range(-9223372036854775807, 9223372036854775807, 3)
        print(len(r) > 0, 5 in r, 6 in r, r[1], r.index(-9223372036854775804))
        print(list(range(9223372036854775806, 9223372036854775807)), range(10)[::2][1])
        print(list(range(-3, -9223372036854775807, -4611686018427387904)))
        """)
        XCTAssertEqual(out, "True True False -9223372036854775804 1\n[9223372036854775806] 2\n[-3, -4611686018427387907]\n")
    }
}
