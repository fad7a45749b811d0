import XCTest
@testable import KindlingLanguage

final class SyntaxStatementTests: XCTestCase {
    func testAssignments() {
        XCTAssertEqual(dumpModule("a = b = 0"), "(= [a b] 0)")
        XCTAssertEqual(dumpModule("a, (b, [c, *d]) = x"), "(= [(tuple a (tuple b (list c *d)))] x)")
        XCTAssertEqual(dumpModule("x.y[0] = 1, 2"), "(= [([] (. x y) 0)] (tuple 1 2))")
        XCTAssertEqual(dumpModule("*a, b = c"), "(= [(tuple *a b)] c)")
        XCTAssertEqual(dumpModule("x += 1; y @= w; z //= 2; p **= 2"), "(+= x 1); (@= y w); (//= z 2); (**= p 2)")
        XCTAssertEqual(dumpModule("x: int = 3"), "(ann x int 3)")
        XCTAssertEqual(dumpModule("(x): int"), "(ann! x int _)")
        XCTAssertEqual(dumpModule("self.w: list = []"), "(ann! (. self w) list (list))")
        XCTAssertEqual(dumpModule("x = *a, b"), "(= [x] (tuple *a b))")
        XCTAssertEqual(dumpModule("a = b,"), "(= [a] (tuple b))")
    }

    func testIfWhileFor() {
        XCTAssertEqual(dumpModule("if a:\n    b\nelif c:\n    d\nelse:\n    e\n"), "(if a [b] [(if c [d] [e])])")
        XCTAssertEqual(dumpModule("if a: b; c\n"), "(if a [b c] [])")
        XCTAssertEqual(dumpModule("while x:\n  break\nelse:\n  pass\n"), "(while x [break] [pass])")
        XCTAssertEqual(dumpModule("for i, (a, b) in enumerate(z):\n  continue\nelse:\n  pass"),
                       "(for (tuple i (tuple a b)) (call enumerate z) [continue] [pass])")
        XCTAssertEqual(dumpModule("for x in 1, 2: pass"), "(for x (tuple 1 2) [pass] [])")
        XCTAssertEqual(dumpModule("for x, in y: pass"), "(for (tuple x) y [pass] [])")
        XCTAssertEqual(dumpModule("for *a, b in y: pass"), "(for (tuple *a b) y [pass] [])")
    }

    func testDefinitions() {
        XCTAssertEqual(dumpModule("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a\n"),
                       "(def f (a b=1 / c=2 *args d e=3 **kw) -> int [(return a)])")
        XCTAssertEqual(dumpModule("def f(*, k): pass"), "(def f (* k) [pass])")
        XCTAssertEqual(dumpModule("def f(x: int, y: 'T' = 0,): pass"), "(def f (x:int y:\"T\"=0) [pass])")
        XCTAssertEqual(dumpModule("@a\n@b.c(1, k=2)\ndef f(): return\n"), "(@a @(call (. b c) 1 k=2) def f () [(return _)])")
        XCTAssertEqual(dumpModule("class A(B, nn.Module, metaclass=M):\n  '''doc'''\n  x = 1\n"),
                       "(class A [B (. nn Module)] metaclass=M [\"doc\" (= [x] 1)])")
        XCTAssertEqual(dumpModule("class A: pass"), "(class A [] [pass])")
        XCTAssertEqual(dumpModule("class A(): pass"), "(class A [] [pass])")
        XCTAssertEqual(dumpModule("@dataclass\nclass A: pass"), "(@dataclass class A [] [pass])")
        XCTAssertEqual(dumpModule("def f():\n  return 1, 2\n"), "(def f () [(return (tuple 1 2))])")
    }

    func testDocstrings() throws {
        let m = try parseModule(source: "'''Module.'''\ndef f():\n    \"Doc.\"\n    pass\nclass C:\n    x = 1\n", filename: "m.py")
        XCTAssertEqual(m.docstring, "Module.")
        guard case .functionDef(let f) = m.body[1].kind, case .classDef(let c) = m.body[2].kind else { return XCTFail() }
        XCTAssertEqual(f.docstring, "Doc.")
        XCTAssertNil(c.docstring)
        XCTAssertEqual(f.parameters.allNames, [])
    }

    func testImports() {
        XCTAssertEqual(dumpModule("import torch"), "(import torch)")
        XCTAssertEqual(dumpModule("import torch.nn as nn, os"), "(import torch.nn as nn os)")
        XCTAssertEqual(dumpModule("from fastai.vision.all import *"), "(from fastai.vision.all import *)")
        XCTAssertEqual(dumpModule("from x import a, b as c"), "(from x import a b as c)")
        XCTAssertEqual(dumpModule("from x import (a,\n   b as c,)"), "(from x import a b as c)")
    }

    func testImportAliasBoundName() throws {
        let m = try parseModule(source: "import a.b.c, d.e as f", filename: "m.py")
        guard case .importModules(let aliases) = m.body[0].kind else { return XCTFail() }
        XCTAssertEqual(aliases.map(\.boundName), ["a", "f"])
    }

    func testWithTryRaise() {
        XCTAssertEqual(dumpModule("with open(p) as f, lock:\n  pass"), "(with [((call open p) as f) (lock)] [pass])")
        XCTAssertEqual(dumpModule("with (open(p) as f, g() as (a, b)):\n  pass"),
                       "(with [((call open p) as f) ((call g) as (tuple a b))] [pass])")
        XCTAssertEqual(dumpModule("with (a, b):\n  pass"), "(with [(a) (b)] [pass])")
        XCTAssertEqual(dumpModule("with (a) as b:\n  pass"), "(with [(a as b)] [pass])")
        XCTAssertEqual(dumpModule("try:\n  a\nexcept (E, F) as e:\n  b\nexcept G:\n  c\nexcept:\n  raise\nelse:\n  d\nfinally:\n  f\n"),
                       "(try [a] [(except (tuple E F) as e [b]) (except G [c]) (except _ [(raise _ _)])] [d] [f])")
        XCTAssertEqual(dumpModule("try:\n  a\nfinally:\n  f\n"), "(try [a] [] [] [f])")
        XCTAssertEqual(dumpModule("raise ValueError('x') from e"), "(raise (call ValueError \"x\") e)")
        XCTAssertEqual(dumpModule("assert x > 0, 'msg'"), "(assert (cmp x > 0) \"msg\")")
        XCTAssertEqual(dumpModule("del a, b[0], c.d"), "(del a ([] b 0) (. c d))")
        XCTAssertEqual(dumpModule("del (a, b)"), "(del (tuple a b))")
    }

    func testScopes() {
        XCTAssertEqual(dumpModule("global a, b"), "(global a b)")
        XCTAssertEqual(dumpModule("def f():\n  x = 0\n  def g():\n    nonlocal x\n    x += 1\n"),
                       "(def f () [(= [x] 0) (def g () [(nonlocal x) (+= x 1)])])")
        XCTAssertEqual(dumpModule("for x in y:\n  def f():\n    return x\n  break\n"),
                       "(for x y [(def f () [(return x)]) break] [])")
    }

    func testLinesAndContinuations() {
        XCTAssertEqual(dumpModule("x = 1 + \\\n    2\n"), "(= [x] (+ 1 2))")
        XCTAssertEqual(dumpModule("x = [1,\n# comment\n\n      2]  # trailing\n"), "(= [x] (list 1 2))")
        XCTAssertEqual(dumpModule("if x:\n\n    # c\n    y\n\n\nz\n"), "(if x [y] []); z")
        XCTAssertEqual(dumpModule("if x:\n\tif y:\n\t\tz\n"), "(if x [(if y [z] [])] [])")
        XCTAssertEqual(dumpModule("x = 1\r\ny = 2\r"), "(= [x] 1); (= [y] 2)")
        XCTAssertEqual(dumpModule(""), "")
        XCTAssertEqual(dumpModule("\n\n# only a comment"), "")
        XCTAssertEqual(dumpModule("x"), "x")
        XCTAssertEqual(dumpModule("match = 1\nmatch(x)\nmatch.y = 2\n"), "(= [match] 1); (call match x); (= [(. match y)] 2)")
        XCTAssertEqual(dumpModule("x = 1if y else 2"), "(= [x] (if y 1 2))")
        XCTAssertEqual(dumpModule("print(f'{x!r:>10}', end='')"), "(call print (f [{x!r:[\">10\"]}]) end=\"\")")
        XCTAssertEqual(dumpModule("名前 = 1"), "(= [名前] 1)")
        XCTAssertEqual(dumpModule("\u{FEFF}x = 1"), "(= [x] 1)")
        XCTAssertEqual(dumpModule("x = 1\u{0C}\n\u{0C}y = 2"), "(= [x] 1); (= [y] 2)")
    }

    func testLineOffsetAndFilename() throws {
        let m = try parseModule(source: "a\nb\n", filename: "lesson.py", lineOffset: 40)
        XCTAssertEqual(m.body.map(\.range.line), [41, 42])
        XCTAssertEqual(m.body[0].range.file, "lesson.py")
        XCTAssertEqual(m.filename, "lesson.py")
        do {
            _ = try parseModule(source: "a\nb +\n", filename: "lesson.py", lineOffset: 40)
            XCTFail("expected an error")
        } catch let e as SyntaxErrorInfo {
            XCTAssertEqual(e.line, 42)
            XCTAssertEqual(e.sourceLine, "b +")
        }
    }
}
