import XCTest
@testable import KindlingLanguage

final class SyntaxExpressionTests: XCTestCase {
    private func expr(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        dumpModule(s, file: file, line: line)
    }

    func testArithmeticPrecedence() {
        XCTAssertEqual(expr("1 + 2 * 3"), "(+ 1 (* 2 3))")
        XCTAssertEqual(expr("1 - 2 - 3"), "(- (- 1 2) 3)")
        XCTAssertEqual(expr("a @ b + c"), "(+ (@ a b) c)")
        XCTAssertEqual(expr("a // b % c * d / e"), "(/ (* (% (// a b) c) d) e)")
        XCTAssertEqual(expr("a | b ^ c & d << e + f"), "(| a (^ b (& c (<< d (+ e f)))))")
        XCTAssertEqual(expr("a >> b << c"), "(<< (>> a b) c)")
    }

    func testPowerBindsTighterThanUnaryOnItsLeft() {
        XCTAssertEqual(expr("-2**2"), "(neg (** 2 2))")
        XCTAssertEqual(expr("2**-1"), "(** 2 (neg 1))")
        XCTAssertEqual(expr("2**3**2"), "(** 2 (** 3 2))")
        XCTAssertEqual(expr("-x.y**2"), "(neg (** (. x y) 2))")
        XCTAssertEqual(expr("~-+x"), "(inv (neg (pos x)))")
        XCTAssertEqual(expr("a * -b"), "(* a (neg b))")
    }

    func testBooleanAndComparison() {
        XCTAssertEqual(expr("not a == b"), "(not (cmp a == b))")
        XCTAssertEqual(expr("a and b or c and d"), "(or (and a b) (and c d))")
        XCTAssertEqual(expr("a or b or c"), "(or a b c)")
        XCTAssertEqual(expr("not a and not b"), "(and (not a) (not b))")
        XCTAssertEqual(expr("a < b <= c != d"), "(cmp a < b <= c != d)")
        XCTAssertEqual(expr("a is not b is c"), "(cmp a is not b is c)")
        XCTAssertEqual(expr("a not in b in c"), "(cmp a not in b in c)")
        XCTAssertEqual(expr("a | b < c"), "(cmp (| a b) < c)")
    }

    func testConditionalAndLambda() {
        XCTAssertEqual(expr("a if b else c if d else e"), "(if b a (if d c e))")
        XCTAssertEqual(expr("lambda: 0"), "(lambda () 0)")
        XCTAssertEqual(expr("lambda x, y=1, *a, k, **kw: x if y else k"),
                       "(lambda (x y=1 *a k **kw) (if y x k))")
        XCTAssertEqual(expr("lambda x, /, y, *, z=2: z"), "(lambda (x / y * z=2) z)")
        XCTAssertEqual(expr("f(lambda x: x + 1)"), "(call f (lambda (x) (+ x 1)))")
        XCTAssertEqual(expr("x = lambda: (a or b)"), "(= [x] (lambda () (or a b)))")
    }

    func testLiterals() {
        XCTAssertEqual(expr("42"), "42")
        XCTAssertEqual(expr("1_000_000"), "1000000")
        XCTAssertEqual(expr("0xff"), "255")
        XCTAssertEqual(expr("0o17"), "15")
        XCTAssertEqual(expr("0b1010"), "10")
        XCTAssertEqual(expr("0_0"), "0")
        XCTAssertEqual(expr("9223372036854775807"), "9223372036854775807")
        XCTAssertEqual(expr("9223372036854775808"), "big:9223372036854775808")
        XCTAssertEqual(expr("0x1_0000_0000_0000_0000"), "big:18446744073709551616")
        XCTAssertEqual(expr("1e-5"), "1e-05")
        XCTAssertEqual(expr("1."), "1.0")
        XCTAssertEqual(expr(".5"), "0.5")
        XCTAssertEqual(expr("1_0.2_5e1_0"), "102500000000.0")
        XCTAssertEqual(expr("1.e5"), "100000.0")
        XCTAssertEqual(expr("True, False, None, ..."), "(tuple True False None ...)")
    }

    func testStrings() {
        XCTAssertEqual(expr(#"'a' "b" '''c''' """d""""#), #""abcd""#)
        XCTAssertEqual(expr(#"'\n\t\\\'\"\x41\u00e9\U0001F600\101'"#), "\"\n\t\\'\"Aé😀A\"")
        XCTAssertEqual(expr(#"r'\n\d' R"\'""#), #""\n\d\'""#)
        XCTAssertEqual(expr(#"'\d'"#), #""\d""#)
        XCTAssertEqual(expr("'''a\nb'''"), "\"a\nb\"")
        XCTAssertEqual(expr("'a\\\nb'"), "\"ab\"")
        XCTAssertEqual(expr("u'x'"), "\"x\"")
        XCTAssertEqual(expr("''"), "\"\"")
    }

    func testFStrings() {
        XCTAssertEqual(expr(#"f"{acc:.4f}""#), #"(f [{acc:[".4f"]}])"#)
        XCTAssertEqual(expr(#"f"x={x!r} y""#), #"(f ["x=" {x!r} " y"])"#)
        XCTAssertEqual(expr(#"f"{{{a}}}""#), #"(f ["{" {a} "}"])"#)
        XCTAssertEqual(expr(#"f"{x:>{w}.{p}f}""#), #"(f [{x:[">" {w} "." {p} "f"]}])"#)
        XCTAssertEqual(expr(#"f"{x=}""#), #"(f ["x=" {x!r}])"#)
        XCTAssertEqual(expr(#"f"{x = :5}""#), #"(f ["x = " {x:["5"]}])"#)
        XCTAssertEqual(expr(#"f"{d['k']} {a != b}""#), #"(f [{([] d "k")} " " {(cmp a != b)}])"#)
        XCTAssertEqual(expr(#"'a' f'{b}' 'c'"#), #"(f ["a" {b} "c"])"#)
        XCTAssertEqual(expr(#"f'{a, b}'"#), #"(f [{(tuple a b)}])"#)
        XCTAssertEqual(expr(#"f'\n{x}'"#), "(f [\"\n\" {x}])")
        XCTAssertEqual(expr(#"rf'\n{x}'"#), #"(f ["\n" {x}])"#)
        XCTAssertEqual(expr(#"f'{f"{1}"}'"#), #"(f [{(f [{1}])}])"#)
        XCTAssertEqual(expr(#"f'{x:}'"#), #"(f [{x:[]}])"#)
        XCTAssertEqual(expr(#"f'''{x +\n y}'''"#.replacingOccurrences(of: "\\n", with: "\n")), #"(f [{(+ x y)}])"#)
    }

    func testFStringErrors() {
        assertSyntaxError("f'{x!z}'\n", .syntaxError, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
        assertSyntaxError("f'{}'\n", .syntaxError, "f-string: empty expression not allowed")
        assertSyntaxError("f'{x'\n", .syntaxError, "f-string: expecting '}'")
        assertSyntaxError("f'}'\n", .syntaxError, "f-string: single '}' is not allowed")
        assertSyntaxError("f'{a#}'\n", .syntaxError, "f-string expression part cannot include '#'")
        assertSyntaxError("f'{a\\n}'\n", .syntaxError, "f-string expression part cannot include a backslash")
        assertSyntaxError("f\"{1:{2:{3}}}\"\n", .syntaxError, "f-string: expressions nested too deeply")
        assertSyntaxError("f'{a b}'\n", .syntaxError, "invalid syntax")
        assertUnsupported("f'{(y:=1)}'\n", "':='")
    }

    func testAttributesCallsAndSubscripts() {
        XCTAssertEqual(expr("a.b.c(d)[e]"), "([] (call (. (. a b) c) d) e)")
        XCTAssertEqual(expr("f(a, *b, c=1, **d)"), "(call f a *b c=1 **d)")
        XCTAssertEqual(expr("f(*a, *b, c, k=1, *d, **e, z=2)"), "(call f *a *b c k=1 *d **e z=2)")
        XCTAssertEqual(expr("f(a,)"), "(call f a)")
        XCTAssertEqual(expr("sum(x for x in xs)"), "(call sum (genexp x (for x xs)))")
        XCTAssertEqual(expr("df.iloc[i, 1:]"), "([] (. df iloc) (tuple i (: 1 _ _)))")
        XCTAssertEqual(expr("x[:, None]"), "([] x (tuple (: _ _ _) None))")
        XCTAssertEqual(expr("x[..., 0]"), "([] x (tuple ... 0))")
        XCTAssertEqual(expr("x[::2]"), "([] x (: _ _ 2))")
        XCTAssertEqual(expr("x[a:b:c]"), "([] x (: a b c))")
        XCTAssertEqual(expr("x[1:]"), "([] x (: 1 _ _))")
        XCTAssertEqual(expr("x[:-1]"), "([] x (: _ (neg 1) _))")
        XCTAssertEqual(expr("x[i,]"), "([] x (tuple i))")
        XCTAssertEqual(expr("x[*a]"), "([] x *a)")
        XCTAssertEqual(expr("1 .real"), "(. 1 real)")
    }

    func testDisplaysAndComprehensions() {
        XCTAssertEqual(expr("[]"), "(list)")
        XCTAssertEqual(expr("()"), "(tuple)")
        XCTAssertEqual(expr("{}"), "(dict)")
        XCTAssertEqual(expr("(1,)"), "(tuple 1)")
        XCTAssertEqual(expr("(1)"), "1")
        XCTAssertEqual(expr("[1, *a, 2,]"), "(list 1 *a 2)")
        XCTAssertEqual(expr("{1, *a}"), "(set 1 *a)")
        XCTAssertEqual(expr("{'a': 1, **b, 'c': 2}"), "(dict \"a\":1 **b \"c\":2)")
        XCTAssertEqual(expr("[x*y for x in a if x for y in b if y if x < y]"),
                       "(listcomp (* x y) (for x a (if x)) (for y b (if y) (if (cmp x < y))))")
        XCTAssertEqual(expr("{k: v for k, v in d.items()}"), "(dictcomp k:v (for (tuple k v) (call (. d items))))")
        XCTAssertEqual(expr("{x for x in s}"), "(setcomp x (for x s))")
        XCTAssertEqual(expr("(x for x in s)"), "(genexp x (for x s))")
        XCTAssertEqual(expr("[x for x, in a]"), "(listcomp x (for (tuple x) a))")
        XCTAssertEqual(expr("[x if x else y for x in a]"), "(listcomp (if x x y) (for x a))")
        XCTAssertEqual(expr("[(a, b) for a, *b in c]"), "(listcomp (tuple a b) (for (tuple a *b) c))")
    }

    func testParseExpression() throws {
        XCTAssertEqual(try parseExpression(source: " 1 + 2 ").dump, "(+ 1 2)")
        XCTAssertEqual(try parseExpression(source: "\n(a,\n b)\n").dump, "(tuple a b)")
        XCTAssertEqual(try parseExpression(source: "a, b").dump, "(tuple a b)")
        XCTAssertThrowsError(try parseExpression(source: "x = 1"))
        XCTAssertThrowsError(try parseExpression(source: "1 +"))
    }

    func testRanges() throws {
        let m = try parseModule(source: "\n  \nx = (a +\n     bc)\n", filename: "f.py", lineOffset: 10)
        guard case .assign(let targets, let value) = m.body[0].kind else { return XCTFail() }
        XCTAssertEqual(m.body[0].range, SourceRange(file: "f.py", line: 13, column: 1, endLine: 14, endColumn: 9))
        XCTAssertEqual(targets[0].range, SourceRange(file: "f.py", line: 13, column: 1, endLine: 13, endColumn: 2))
        XCTAssertEqual(value.range, SourceRange(file: "f.py", line: 13, column: 6, endLine: 14, endColumn: 8))
        guard case .binary(_, _, let right) = value.kind else { return XCTFail() }
        XCTAssertEqual(right.range, SourceRange(file: "f.py", line: 14, column: 6, endLine: 14, endColumn: 8))
    }
}
