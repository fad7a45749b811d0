// Expressions, lowest precedence first: tuples, lambda, conditional, or, and, not, comparisons,
// binary operators (precedence climbing), unary operators, `**`, then primaries in Parser+Atoms.

extension Parser {
    /// True if the current token can begin an expression (used after a trailing comma).
    var startsExpression: Bool {
        let t = current
        switch t.kind {
        case .number, .string: return true
        case .name: return !pythonKeywords.contains(t.text)
            || ["not", "lambda", "None", "True", "False", "await", "yield"].contains(t.text)
        case .op: return ["(", "[", "{", "-", "+", "~", "*", "...", "**"].contains(t.text)
        default: return false
        }
    }

    /// `a, *b, c` — one expression, or a tuple if there is a comma. Starred items allowed; the
    /// walrus is not (statement level, `return`, assignment values, `for` iterables).
    /// A lone `*x` without a comma is an error ("can't use starred expression here") unless
    /// `allowBareStar` (an assignment target, checked later with its own message).
    mutating func parseStarExpressions(allowBareStar: Bool = false) throws -> Expr {
        let start = current.start
        let first = try parseStarExpression(allowWalrus: false)
        guard current.isOp(",") else {
            if case .starred = first.kind, !allowBareStar, !current.isOp("=") {
                throw error("can't use starred expression here", range: first.range)
            }
            return first
        }
        var items = [first]
        while match(",") {
            guard startsExpression, !current.isOp("**") else { break }
            items.append(try parseStarExpression(allowWalrus: false))
        }
        return Expr(.tuple(items), range(from: start))
    }

    /// `*x` or an expression (a display element, or one item of `parseStarExpressions`).
    mutating func parseStarExpression(allowWalrus: Bool = true) throws -> Expr {
        if current.isOp("*") {
            let start = advance().start
            let value = try nested { try $0.parseBitOr() }
            return Expr(.starred(value), range(from: start))
        }
        return allowWalrus ? try parseNamedExpression() : try parseTest()
    }

    /// An expression where Python also allows `name := value`; Kindling refuses the walrus.
    mutating func parseNamedExpression() throws -> Expr {
        let expr = try parseTest()
        if current.isOp("=") { namedExpressionBeforeEquals = position }
        if current.isOp(":=") {
            if case .name = expr.kind {
                throw unsupported("the assignment expression (walrus operator ':=')")
            }
            throw error("cannot use assignment expressions with \(targetDescription(expr))", range: expr.range)
        }
        return expr
    }

    /// `test`: a lambda, or a conditional expression `a if b else c`, or anything tighter.
    mutating func parseTest() throws -> Expr {
        try nested { p in
            if p.current.isName("lambda") { return try p.parseLambda() }
            let start = p.current.start
            let body = try p.parseOrTest()
            guard p.current.isName("if") else { return body }
            p.advance()
            let test = try p.parseOrTest()
            guard p.matchKeyword("else") else {
                throw p.source.error(.syntaxError, "expected 'else' after 'if' expression",
                                     at: body.range.startPosition, end: p.previous.end)
            }
            let orElse = try p.parseTest()
            return Expr(.conditional(test: test, body: body, orElse: orElse), p.range(from: start))
        }
    }

    /// `lambda parameters: body`
    mutating func parseLambda() throws -> Expr {
        let start = advance().start
        let parameters = try parseParameters(closing: ":", allowAnnotations: false)
        try expect(":")
        functionDepth += 1
        let savedLoops = loopDepth
        loopDepth = 0
        defer { functionDepth -= 1; loopDepth = savedLoops }
        let body = try parseTest()
        return Expr(.lambda(parameters, body: body), range(from: start))
    }

    mutating func parseOrTest() throws -> Expr {
        let start = current.start
        let startIndex = position
        let first = try parseAndTest()
        guard current.isName("or") else {
            lastDisjunction = (startIndex, position)
            return first
        }
        var operands = [first]
        while matchKeyword("or") { operands.append(try parseAndTest()) }
        lastDisjunction = (startIndex, position)
        return Expr(.boolean(.or, operands), range(from: start))
    }

    mutating func parseAndTest() throws -> Expr {
        let start = current.start
        let first = try parseNotTest()
        guard current.isName("and") else { return first }
        var operands = [first]
        while matchKeyword("and") { operands.append(try parseNotTest()) }
        return Expr(.boolean(.and, operands), range(from: start))
    }

    mutating func parseNotTest() throws -> Expr {
        guard current.isName("not") else { return try parseComparison() }
        let start = advance().start
        let operand = try nested { try $0.parseNotTest() }
        return Expr(.unary(.not, operand), range(from: start))
    }

    /// The comparison operator at the current token (consuming it), if any.
    private mutating func matchComparisonOperator() -> CompareOperator? {
        let t = current
        if t.kind == .op, let op = CompareOperator(rawValue: t.text), !t.isOp("is") {
            advance()
            return op
        }
        if t.isName("in") { advance(); return .isIn }
        if t.isName("not") && peek(1).isName("in") { advance(); advance(); return .isNotIn }
        if t.isName("is") {
            advance()
            return matchKeyword("not") ? .isNotIdentical : .isIdentical
        }
        return nil
    }

    mutating func parseComparison() throws -> Expr {
        let start = current.start
        let first = try parseBitOr()
        var links: [Comparison] = []
        while let op = matchComparisonOperator() {
            links.append(Comparison(op, try parseBitOr()))
        }
        return links.isEmpty ? first : Expr(.compare(first, links), range(from: start))
    }

    /// Binding strength of binary operators (higher binds tighter); `**` is handled in `parsePower`.
    private static let binaryPrecedence: [String: (BinaryOperator, Int)] = [
        "|": (.bitOr, 1), "^": (.bitXor, 2), "&": (.bitAnd, 3), "<<": (.leftShift, 4), ">>": (.rightShift, 4),
        "+": (.add, 5), "-": (.subtract, 5), "*": (.multiply, 6), "/": (.trueDivide, 6),
        "//": (.floorDivide, 6), "%": (.modulo, 6), "@": (.matrixMultiply, 6),
    ]

    /// `a | b` and everything tighter down to unary operators.
    mutating func parseBitOr() throws -> Expr { try parseBinary(minimumPrecedence: 1) }

    /// Precedence climbing over left-associative binary operators.
    private mutating func parseBinary(minimumPrecedence: Int) throws -> Expr {
        let start = current.start
        var left = try parseFactor()
        let savedDepth = depth
        defer { depth = savedDepth }
        while current.kind == .op, let (op, precedence) = Parser.binaryPrecedence[current.text],
              precedence >= minimumPrecedence {
            advance()
            let right = precedence == 6 ? try parseFactor() : try parseBinary(minimumPrecedence: precedence + 1)
            left = Expr(.binary(left, op, right), range(from: start))
            try deepenChain()
        }
        return left
    }

    /// Each link of a left-deep chain (`a+b+c`, `x.a.b`) deepens the tree: count it against the limit.
    mutating func deepenChain() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw error("expression is too deeply nested (Kindling's limit is \(Parser.maxDepth) levels)")
        }
    }

    /// Unary `-`, `+`, `~` (binding looser than `**` on their right: `-2**2 == -4`).
    mutating func parseFactor() throws -> Expr {
        let t = current
        let op: UnaryOperator? = t.isOp("-") ? .negate : t.isOp("+") ? .plus : t.isOp("~") ? .invert : nil
        guard let op else { return try parsePower() }
        advance()
        let operand = try nested { try $0.parseFactor() }
        return Expr(.unary(op, operand), range(from: t.start))
    }

    /// `primary ** factor` (right-associative through `parseFactor`).
    mutating func parsePower() throws -> Expr {
        if current.isName("await") { throw unsupported("'await'") }
        let start = current.start
        let base = try parsePrimary()
        guard match("**") else { return base }
        let exponent = try nested { try $0.parseFactor() }
        return Expr(.binary(base, .power, exponent), range(from: start))
    }
}

extension SourceRange {
    /// The start of the range as a position.
    var startPosition: SourcePosition { SourcePosition(line: line, column: column) }
}
