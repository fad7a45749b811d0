import XCTest
@testable import KindlingLanguage

/// Generator functions: lazy bodies on hand-off threads, CPython's protocol and errors.
final class GeneratorTests: XCTestCase {
    func run(_ source: String) throws -> String {
        let interp = Interpreter()
        var out = ""
        interp.output = { out += $0 }
        try interp.run(source: source, filename: "t.py")
        return out
    }

    func error(_ source: String) -> PyException? {
        do { _ = try run(source); return nil } catch { return PyException.wrap(error) }
    }

    func testYieldSyntaxErrors() {
        assertSyntaxError("yield 1\n", .syntaxError, "'yield' outside function", line: 1)
        assertSyntaxError("class A:\n    yield 1\n", .syntaxError, "'yield' outside function", line: 2)
        XCTAssertEqual(error("def f():\n    return [(yield x) for x in y]\n")?.message, "'yield' inside list comprehension")
        XCTAssertEqual(error("def f():\n    return ((yield x) for x in y)\n")?.message, "'yield' inside generator expression")
    }

    func testInfiniteGeneratorIsLazy() throws {
        XCTAssertEqual(try run("""
        def naturals():
            n = 0
            while True:
                yield n
                n += 1
        g = naturals()
        print([next(g) for _ in range(5)], next(g), g.__name__, type(g).__name__)
        """), "[0, 1, 2, 3, 4] 5 naturals generator\n")
    }

    func testReturnValueAndSend() throws {
        XCTAssertEqual(try run("""
        def acc():
            total = 0
            while True:
                x = yield total
                if x is None:
                    return total
                total += x
        g = acc()
        next(g); g.send(3); print(g.send(4))
        try:
            next(g)
        except StopIteration as e:
            print('value', e.value)
        """), "7\nvalue 7\n")
    }

    func testAbandonedGeneratorsAreClosedAndDoNotLeakThreads() throws {
        let before = GeneratorCoroutine.live
        XCTAssertEqual(try run("""
        log = []
        def g(i):
            try:
                while True:
                    yield i
            finally:
                log.append(i)
        for i in range(300):
            it = g(i)
            next(it)
        del it
        print(len(log), log[:3])
        """), "300 [0, 1, 2]\n")
        XCTAssertEqual(GeneratorCoroutine.live, before)
    }

    func testExceptionInBodyReachesConsumerWithTraceback() {
        guard let e = error("def g():\n    yield 1\n    raise ValueError('bad')\nfor x in g():\n    pass\n") else {
            return XCTFail("expected ValueError")
        }
        XCTAssertEqual(e.description, "ValueError: bad")
        XCTAssertEqual(e.exception.traceback.map(\.function), ["g", "<module>"])
        XCTAssertEqual(e.exception.traceback.map(\.line), [3, 4])
    }

    func testGeneratorAlreadyExecuting() {
        XCTAssertEqual(error("def g():\n    yield next(me)\nme = g()\nnext(me)\n")?.description,
                       "ValueError: generator already executing")
    }

    func testDeepRecursionInsideGeneratorRaisesRecursionError() {
        let e = error("""
        def down(n):
            return down(n + 1)
        def g():
            yield down(0)
        next(g())
        """)
        XCTAssertEqual(e?.typeName, "RecursionError")
    }

    func testGeneratorExpressionStaysLazy() throws {
        XCTAssertEqual(try run("""
        seen = []
        g = (seen.append(i) or i for i in range(3))
        print(next(g), seen)
        """), "0 [0]\n")
    }
}
