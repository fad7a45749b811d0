import XCTest
@testable import KindlingLanguage

/// Error kinds, messages and positions, checked against CPython 3.11 (`compile(src, 'lesson.py', 'exec')`).
final class SyntaxErrorTests: XCTestCase {
    func testBracketsAndStrings() {
        assertSyntaxError("x = (1 +\n", .syntaxError, "'(' was never closed", line: 1, column: 5)
        assertSyntaxError("x = (1 +\ny = 2\n", .syntaxError, "'(' was never closed", line: 1, column: 5)
        assertSyntaxError("x = [1, 2\n", .syntaxError, "'[' was never closed", line: 1, column: 5)
        assertSyntaxError("x = )\n", .syntaxError, "unmatched ')'", line: 1, column: 5)
        assertSyntaxError("x = (1]\n", .syntaxError, "closing parenthesis ']' does not match opening parenthesis '('", line: 1, column: 7)
        assertSyntaxError("x = (1,\n2]\n", .syntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", line: 2, column: 2)
        assertSyntaxError("def f(:\n", .syntaxError, "invalid syntax", line: 1, column: 7)
        assertSyntaxError("x = 'abc\ny\n", .syntaxError, "unterminated string literal (detected at line 1)", line: 1, column: 5)
        assertSyntaxError("x = '''abc\ny\n", .syntaxError, "unterminated triple-quoted string literal (detected at line 2)", line: 1, column: 5)
        assertSyntaxError("x = 1 \\ 2\n", .syntaxError, "unexpected character after line continuation character", line: 1, column: 8)
        assertSyntaxError("x = 1 + \\", .syntaxError, "unexpected EOF while parsing", line: 1, column: 10)
        assertSyntaxError(String(repeating: "(", count: 201) + String(repeating: ")", count: 201), .syntaxError,
                          "too many nested parentheses", line: 1, column: 201)
        assertSyntaxError("x = €\n", .syntaxError, "invalid character '€' (U+20AC)", line: 1, column: 5)
        assertSyntaxError("x = $\n", .syntaxError, "invalid syntax", line: 1, column: 5)
        assertSyntaxError("x = '\\x4'\n", .syntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape")
        assertSyntaxError("a b\ny = 'unterminated\n", .syntaxError, "unterminated string literal (detected at line 2)", line: 2)
    }

    func testIndentation() {
        assertSyntaxError("if x:\npass\n", .indentationError, "expected an indented block after 'if' statement on line 1", line: 2, column: 1)
        assertSyntaxError("while x:\n", .indentationError, "expected an indented block after 'while' statement on line 1", line: 1, column: 9)
        assertSyntaxError("def f():\nreturn 1\n", .indentationError, "expected an indented block after function definition on line 1", line: 2, column: 1)
        assertSyntaxError("class A:\n", .indentationError, "expected an indented block after class definition on line 1", line: 1, column: 9)
        assertSyntaxError("try:\n  x\nfinally:\n", .indentationError, "expected an indented block after 'finally' statement on line 3", line: 3, column: 9)
        assertSyntaxError("if x:\n    a\n  b\n", .indentationError, "unindent does not match any outer indentation level", line: 3, column: 4)
        assertSyntaxError(" x = 1\n", .indentationError, "unexpected indent", line: 1, column: 1)
        assertSyntaxError("    \n  x\n", .indentationError, "unexpected indent", line: 2, column: 2)
        assertSyntaxError("if True:\n\tx = 1\n        y = 2\n", .tabError, "inconsistent use of tabs and spaces in indentation", line: 3, column: 1)
        assertSyntaxError("try:\n  x\n", .syntaxError, "expected 'except' or 'finally' block", line: 2, column: 4)
    }

    func testStatementErrors() {
        assertSyntaxError("x = 1 +\n", .syntaxError, "invalid syntax", line: 1, column: 8)
        assertSyntaxError("if x\n    pass\n", .syntaxError, "expected ':'", line: 1, column: 5)
        assertSyntaxError("for x in y\n  pass\n", .syntaxError, "expected ':'", line: 1, column: 11)
        assertSyntaxError("x := 1\n", .syntaxError, "invalid syntax", line: 1, column: 3)
        assertSyntaxError("else:\n  x\n", .syntaxError, "invalid syntax", line: 1, column: 1)
        assertSyntaxError("@dec\nx = 1\n", .syntaxError, "invalid syntax", line: 2, column: 1)
        assertSyntaxError("pass pass\n", .syntaxError, "invalid syntax", line: 1, column: 6)
        assertSyntaxError("print 'x'\n", .syntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?", line: 1, column: 1)
        assertSyntaxError("return 1\n", .syntaxError, "'return' outside function", line: 1, column: 1)
        assertSyntaxError("class A:\n  return 1\n", .syntaxError, "'return' outside function", line: 2, column: 3)
        assertSyntaxError("break\n", .syntaxError, "'break' outside loop", line: 1, column: 1)
        assertSyntaxError("while x:\n  def f():\n    break\n", .syntaxError, "'break' outside loop", line: 3)
        assertSyntaxError("continue\n", .syntaxError, "'continue' not properly in loop", line: 1, column: 1)
        assertSyntaxError("nonlocal x\n", .syntaxError, "nonlocal declaration not allowed at module level", line: 1, column: 1)
        assertSyntaxError("x = 1 if 2\n", .syntaxError, "expected 'else' after 'if' expression", line: 1, column: 5)
        assertSyntaxError("import\n", .syntaxError, "invalid syntax", line: 1, column: 7)
        assertSyntaxError("global x, \n", .syntaxError, "invalid syntax", line: 1, column: 11)
        assertSyntaxError("x[1:2:3:4]\n", .syntaxError, "invalid syntax", line: 1, column: 8)
        assertSyntaxError("x = {1: 2, 3}\n", .syntaxError, "':' expected after dictionary key", line: 1, column: 12)
    }

    func testHintsChosenLikeCPython() {
        assertSyntaxError("f(a b)\n", .syntaxError, "invalid syntax. Perhaps you forgot a comma?", line: 1, column: 3)
        assertSyntaxError("x = [a\n b]\ny = 2\n", .syntaxError, "invalid syntax. Perhaps you forgot a comma?", line: 1, column: 6)
        assertSyntaxError("f(a.b(c) d.e)\n", .syntaxError, "invalid syntax. Perhaps you forgot a comma?", line: 1, column: 3)
        assertSyntaxError("f(lambda: a b)\n", .syntaxError, "invalid syntax. Perhaps you forgot a comma?", line: 1, column: 11)
        assertSyntaxError("f(x \"s\")\n", .syntaxError, "invalid syntax", line: 1, column: 5)
        assertSyntaxError("f(a b\n", .syntaxError, "'(' was never closed", line: 1, column: 2)
        assertSyntaxError("print(obj.f(a)\ni = 0\n", .syntaxError, "'(' was never closed", line: 1, column: 6)
        assertSyntaxError("[x for x in y z]\n", .syntaxError, "invalid syntax", line: 1, column: 15)
        assertSyntaxError("a b\n", .syntaxError, "invalid syntax", line: 1, column: 3)
        assertSyntaxError("if x = 1:\n    pass\n", .syntaxError, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", line: 1, column: 4)
        assertSyntaxError("assert 1 + 1 = 2\n", .syntaxError, "invalid syntax", line: 1, column: 14)
        assertSyntaxError("a b\ns = 'unterminated\n", .syntaxError, "unterminated string literal (detected at line 2)", line: 2, column: 5)
        assertSyntaxError(" x\ns = 'unterminated\n", .indentationError, "unexpected indent", line: 1)
        assertSyntaxError("a b\nif x:\n  y\n z\n", .syntaxError, "invalid syntax", line: 1, column: 3)
        assertSyntaxError("print(x ! y, (1]\n", .syntaxError, "closing parenthesis ']' does not match opening parenthesis '('", line: 1, column: 16)
        assertSyntaxError("x = 1 $ 2\n", .syntaxError, "invalid syntax", line: 1, column: 7)
    }

    func testTargets() {
        assertSyntaxError("1 = x\n", .syntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", line: 1, column: 1)
        assertSyntaxError("f() = 1\n", .syntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?")
        assertSyntaxError("x + 1 = 2\n", .syntaxError, "cannot assign to expression here. Maybe you meant '==' instead of '='?")
        assertSyntaxError("a = 1 = 2\n", .syntaxError, "cannot assign to literal", line: 1, column: 5)
        assertSyntaxError("True = 1\n", .syntaxError, "cannot assign to True")
        assertSyntaxError("del f()\n", .syntaxError, "cannot delete function call", line: 1, column: 5)
        assertSyntaxError("a, b += 1\n", .syntaxError, "'tuple' is an illegal expression for augmented assignment")
        assertSyntaxError("*a = 1\n", .syntaxError, "starred assignment target must be in a list or tuple")
        assertSyntaxError("a, *b, *c = d\n", .syntaxError, "multiple starred expressions in assignment")
        assertSyntaxError("for f() in x: pass\n", .syntaxError, "cannot assign to function call")
        assertSyntaxError("[1 for 2 in x]\n", .syntaxError, "cannot assign to literal")
        assertSyntaxError("with a as 1: pass\n", .syntaxError, "cannot assign to literal")
    }

    func testCallsAndParameters() {
        assertSyntaxError("f(x for x in y, 1)\n", .syntaxError, "Generator expression must be parenthesized", line: 1, column: 3)
        assertSyntaxError("f(a=1, 2)\n", .syntaxError, "positional argument follows keyword argument")
        assertSyntaxError("f(**k, *a)\n", .syntaxError, "iterable argument unpacking follows keyword argument unpacking", line: 1, column: 8)
        assertSyntaxError("f(x=1, x=2)\n", .syntaxError, "keyword argument repeated: x", line: 1, column: 8)
        assertSyntaxError("def f(a=1, b):\n  pass\n", .syntaxError, "non-default argument follows default argument", line: 1, column: 12)
        assertSyntaxError("def f(a, a):\n  pass\n", .syntaxError, "duplicate argument 'a' in function definition", line: 1, column: 10)
        assertSyntaxError("def f(*):\n  pass\n", .syntaxError, "named arguments must follow bare *", line: 1, column: 7)
        assertSyntaxError("print(*)\n", .syntaxError, "invalid syntax", line: 1, column: 8)
    }

    func testNumbers() {
        assertSyntaxError("x = 08\n", .syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line: 1, column: 5)
        assertSyntaxError("x = 1abc\n", .syntaxError, "invalid decimal literal", line: 1, column: 5)
        assertSyntaxError("x = 0x\n", .syntaxError, "invalid hexadecimal literal", line: 1, column: 6)
        assertSyntaxError("x = 0o8\n", .syntaxError, "invalid digit '8' in octal literal", line: 1, column: 7)
        assertSyntaxError("x = 0b102\n", .syntaxError, "invalid digit '2' in binary literal", line: 1, column: 9)
        assertSyntaxError("x = 1__0\n", .syntaxError, "invalid decimal literal", line: 1, column: 6)
        assertSyntaxError("x = 1_\n", .syntaxError, "invalid decimal literal", line: 1, column: 6)
        assertSyntaxError("x = 1e\n", .syntaxError, "invalid decimal literal", line: 1, column: 5)
    }

    func testUnsupportedConstructsAreRefused() {
        assertUnsupported("if (n := 10) > 5: pass\n", "':='")
        assertUnsupported("f(y := 1)\n", "':='")
        assertUnsupported("async def f(): pass\n", "'async'")
        assertUnsupported("def f():\n    await x\n", "'await'")
        assertUnsupported("match x:\n    case 1: pass\n", "'match'")
        assertUnsupported("match (x):\n    case 1: pass\n", "'match'")
        assertUnsupported("x = 1j\n", "imaginary")
        assertUnsupported("x = 1.5e3J\n", "imaginary")
        assertUnsupported("x = b'abc'\n", "bytes")
        assertUnsupported("x = '\\N{DASH}'\n", "\\N{...}")
        assertUnsupported("try:\n  pass\nexcept* E:\n  pass\n", "except*")
        assertUnsupported("class A(*bases): pass\n", "unpacking")
        assertUnsupported("[x async for x in y]\n", "async")
    }

    func testRelativeImportsKeepTheirDots() {
        XCTAssertEqual(dumpModule("from . import x\n"), "(from . import x)")
        XCTAssertEqual(dumpModule("from .mod import y as z\n"), "(from .mod import y as z)")
        XCTAssertEqual(dumpModule("from ...pkg.sub import (a, b)\n"), "(from ...pkg.sub import a b)")
        XCTAssertEqual(dumpModule("from .. import *\n"), "(from .. import *)")
    }

    func testDeepNestingIsRefusedCleanly() {
        // 200 brackets is CPython's limit; deeper unary/`not`/conditional chains hit Kindling's own limit.
        XCTAssertEqual(dumpModule(String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199)), "1")
        assertSyntaxError(String(repeating: "-", count: 100_000) + "1", .syntaxError,
                          "expression is too deeply nested (Kindling's limit is 1000 levels)")
        assertSyntaxError(String(repeating: "not ", count: 5000) + "x", .syntaxError,
                          "expression is too deeply nested (Kindling's limit is 1000 levels)")
        assertSyntaxError("x" + String(repeating: ".a", count: 50_000), .syntaxError,
                          "expression is too deeply nested (Kindling's limit is 1000 levels)")
        assertSyntaxError("1" + String(repeating: " + 1", count: 50_000), .syntaxError,
                          "expression is too deeply nested (Kindling's limit is 1000 levels)")
        assertSyntaxError(String(repeating: "lambda: ", count: 5000) + "1", .syntaxError,
                          "expression is too deeply nested (Kindling's limit is 1000 levels)")
        assertSyntaxError("2" + String(repeating: "**2", count: 5000), .syntaxError,
                          "expression is too deeply nested (Kindling's limit is 1000 levels)")
        var nested = ""
        for level in 0..<101 { nested += String(repeating: " ", count: level) + "if x:\n" }
        nested += String(repeating: " ", count: 101) + "pass\n"
        assertSyntaxError(nested, .indentationError, "too many levels of indentation")
        XCTAssertEqual(dumpModule("x = " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150)).count > 0, true)
    }

    func testRenderedLayoutMatchesCPython() {
        guard let e = parseError("y = 1\nz = 2\nx = (1 +\n") else { return }
        XCTAssertEqual(e.rendered(), """
              File "lesson.py", line 3
                x = (1 +
                    ^
            SyntaxError: '(' was never closed
            """)
        guard let f = parseError("def f():\n        x = 1 +\n") else { return }
        XCTAssertEqual(f.rendered(), """
              File "lesson.py", line 2
                x = 1 +
                       ^
            SyntaxError: invalid syntax
            """)
        guard let g = parseError("x = y := 2\n") else { return }
        XCTAssertEqual(g.rendered(), """
              File "lesson.py", line 1
                x = y := 2
                      ^^
            SyntaxError: invalid syntax
            """)
        guard let h = parseError("x = 3j\n") else { return }
        XCTAssertEqual(h.rendered(), """
              File "lesson.py", line 1
                x = 3j
                    ^^
            NotImplementedError: complex numbers (imaginary literal '3j') are not supported by Kindling
            """)
    }
}
