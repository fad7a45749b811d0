// Primaries (atoms followed by calls, subscripts and attributes) and atoms (names, literals,
// parenthesized expressions, displays and comprehensions).

extension Parser {
    /// An atom followed by any number of `.name`, `(args)` and `[index]` trailers.
    mutating func parsePrimary() throws -> Expr {
        let start = current.start
        var expr = try parseAtom()
        let savedDepth = depth
        defer { depth = savedDepth }
        while true {
            if match(".") {
                guard current.isIdentifier || current.kind == .name else { throw invalidSyntax() }
                let name = advance().text
                if pythonKeywords.contains(name) { throw error("invalid syntax", at: previous) }
                expr = Expr(.attribute(expr, name), range(from: start))
            } else if current.isOp("(") {
                advance()
                let arguments = try nested { try $0.parseArguments() }
                expr = Expr(.call(expr, arguments), range(from: start))
            } else if current.isOp("[") {
                advance()
                let index = try nested { try $0.parseSubscriptIndex() }
                try expect("]")
                expr = Expr(.subscript(expr, index: index), range(from: start))
            } else {
                return expr
            }
            try deepenChain()
        }
    }

    /// Call arguments after `(` up to and including `)`, checking Python's ordering rules.
    private mutating func parseArguments() throws -> [Argument] {
        var arguments: [Argument] = []
        var sawKeyword = false, sawKeywordUnpack = false
        var keywordNames = Set<String>()
        while !current.isOp(")") {
            let itemStart = current
            if match("*") {
                if sawKeywordUnpack {
                    throw error("iterable argument unpacking follows keyword argument unpacking", at: itemStart)
                }
                arguments.append(.unpackPositional(try parseTest()))
            } else if match("**") {
                sawKeywordUnpack = true
                arguments.append(.unpackKeyword(try parseTest()))
            } else if current.kind == .name && peek(1).isOp("=") {
                guard current.isIdentifier else {
                    throw error("cannot assign to \(current.text)", at: current)
                }
                let name = advance().text
                advance()
                if keywordNames.contains(name) {
                    throw source.error(.syntaxError, "keyword argument repeated: \(name)", at: itemStart.start)
                }
                keywordNames.insert(name)
                sawKeyword = true
                arguments.append(.keyword(name: name, value: try parseTest()))
            } else {
                let value = try parseNamedExpression()
                if try atComprehension() {
                    let generator = try parseComprehensionTail(element: value, start: value.range.startPosition) {
                        .generator(element: $0, $1)
                    }
                    if !arguments.isEmpty || current.isOp(",") && !peek(1).isOp(")") {
                        throw error("Generator expression must be parenthesized", range: generator.range)
                    }
                    arguments.append(.positional(generator))
                } else if current.isOp("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?",
                                range: value.range.through(current.range(file: source.filename)))
                } else {
                    if sawKeywordUnpack {
                        throw error("positional argument follows keyword argument unpacking", range: value.range)
                    }
                    if sawKeyword { throw error("positional argument follows keyword argument", range: value.range) }
                    arguments.append(.positional(value))
                }
            }
            guard match(",") else { break }
        }
        try expect(")")
        return arguments
    }

    /// The inside of `x[...]`: one item, or a tuple of items (slices allowed).
    private mutating func parseSubscriptIndex() throws -> Expr {
        let start = current.start
        let first = try parseSliceItem()
        guard current.isOp(",") else { return first }
        var items = [first]
        while match(",") {
            if current.isOp("]") { break }
            items.append(try parseSliceItem())
        }
        return Expr(.tuple(items), range(from: start))
    }

    /// `lower:upper:step` (each optional), `*x`, or an expression.
    private mutating func parseSliceItem() throws -> Expr {
        let start = current.start
        if current.isOp("*") { return try parseStarExpression() }
        var lower: Expr? = nil
        if !current.isOp(":") {
            lower = try parseNamedExpression()
            guard current.isOp(":") else { return lower ?? Expr(.none, range(from: start)) }
        }
        advance()
        var upper: Expr? = nil, step: Expr? = nil
        if !current.isOp(":") && !current.isOp("]") && !current.isOp(",") { upper = try parseTest() }
        if match(":") {
            if !current.isOp("]") && !current.isOp(",") { step = try parseTest() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    mutating func parseAtom() throws -> Expr {
        let t = current
        switch t.kind {
        case .number:
            advance()
            let kind: ExprKind
            switch t.number ?? .int(0) {
            case .int(let v): kind = .int(v)
            case .bigInt(let digits): kind = .bigInt(digits)
            case .float(let v): kind = .float(v)
            }
            return Expr(kind, range(from: t.start))
        case .string:
            return try parseStrings()
        case .name:
            switch t.text {
            case "True": advance(); return Expr(.bool(true), range(from: t.start))
            case "False": advance(); return Expr(.bool(false), range(from: t.start))
            case "None": advance(); return Expr(.none, range(from: t.start))
            case "yield": throw invalidSyntax()
            case "await": throw unsupported("'await'")
            default:
                guard t.isIdentifier else { throw invalidSyntax() }
                advance()
                return Expr(.name(t.text), range(from: t.start))
            }
        case .op:
            switch t.text {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...": advance(); return Expr(.ellipsis, range(from: t.start))
            default: throw invalidSyntax()
            }
        case .indent:
            throw error("unexpected indent", kind: .indentationError)
        default:
            throw invalidSyntax()
        }
    }

    /// `()`, `(x)`, `(x,)`, `(a, *b)`, `(x for ...)`.
    private mutating func parseParenthesized() throws -> Expr {
        let start = advance().start
        if match(")") { return Expr(.tuple([]), range(from: start)) }
        if current.isName("yield") {
            return try nested { p in
                let y = try p.parseYieldExpression()
                try p.expect(")")
                return Expr(y.kind, p.range(from: start))
            }
        }
        return try nested { p in
            let first = try p.parseStarExpression()
            if try p.atComprehension() {
                let generator = try p.parseComprehensionTail(element: first, start: start) { .generator(element: $0, $1) }
                try p.expect(")")
                return Expr(generator.kind, p.range(from: start))
            }
            if p.match(")") {
                if case .starred = first.kind { throw p.error("cannot use starred expression here", range: first.range) }
                return first
            }
            var items = [first]
            while p.match(",") {
                if p.current.isOp(")") { break }
                items.append(try p.parseStarExpression())
            }
            try p.expect(")")
            return Expr(.tuple(items), p.range(from: start))
        }
    }

    private mutating func parseListDisplay() throws -> Expr {
        let start = advance().start
        return try nested { p in
            if p.match("]") { return Expr(.list([]), p.range(from: start)) }
            let first = try p.parseStarExpression()
            if try p.atComprehension() {
                let comp = try p.parseComprehensionTail(element: first, start: start) { .listComprehension(element: $0, $1) }
                try p.expect("]")
                return Expr(comp.kind, p.range(from: start))
            }
            var items = [first]
            while p.match(",") {
                if p.current.isOp("]") { break }
                items.append(try p.parseStarExpression())
            }
            try p.expect("]")
            return Expr(.list(items), p.range(from: start))
        }
    }

    /// `{}`, `{k: v, **m}`, `{a, *b}`, and dict/set comprehensions.
    private mutating func parseBraceDisplay() throws -> Expr {
        let start = advance().start
        return try nested { p in
            if p.match("}") { return Expr(.dict([]), p.range(from: start)) }
            var firstItem: DictItem
            if p.match("**") {
                firstItem = .unpack(try p.parseBitOr())
            } else {
                let first = try p.parseStarExpression()
                guard p.match(":") else { return try p.parseSetRest(first: first, start: start) }
                if case .starred = first.kind { throw p.error("cannot use a starred expression in a dictionary value", range: first.range) }
                let value = try p.parseTest()
                if try p.atComprehension() {
                    let comp = try p.parseComprehensionTail(element: first, start: start) { _, clauses in
                        .dictComprehension(key: first, value: value, clauses)
                    }
                    try p.expect("}")
                    return Expr(comp.kind, p.range(from: start))
                }
                firstItem = .pair(key: first, value: value)
            }
            var items = [firstItem]
            while p.match(",") {
                if p.current.isOp("}") { break }
                if p.match("**") {
                    items.append(.unpack(try p.parseBitOr()))
                    continue
                }
                let key = try p.parseTest()
                guard p.match(":") else {
                    throw p.error("':' expected after dictionary key", range: key.range)
                }
                items.append(.pair(key: key, value: try p.parseTest()))
            }
            try p.expect("}")
            return Expr(.dict(items), p.range(from: start))
        }
    }

    private mutating func parseSetRest(first: Expr, start: SourcePosition) throws -> Expr {
        if try atComprehension() {
            let comp = try parseComprehensionTail(element: first, start: start) { .setComprehension(element: $0, $1) }
            try expect("}")
            return Expr(comp.kind, range(from: start))
        }
        var items = [first]
        while match(",") {
            if current.isOp("}") { break }
            items.append(try parseStarExpression())
        }
        try expect("}")
        return Expr(.set(items), range(from: start))
    }

    /// True if a comprehension's `for` clause starts here (`async for` is refused).
    mutating func atComprehension() throws -> Bool {
        if current.isName("async") && peek(1).isName("for") { throw unsupported("'async for' comprehensions") }
        return current.isName("for")
    }

    /// The `for ... in ... if ...` clauses after a comprehension's element; `make` builds the node.
    mutating func parseComprehensionTail(element: Expr, start: SourcePosition,
                                         make: (Expr, [Comprehension]) -> ExprKind) throws -> Expr {
        if case .starred = element.kind {
            throw error("iterable unpacking cannot be used in comprehension", range: element.range)
        }
        var clauses: [Comprehension] = []
        while current.isName("for") {
            advance()
            let target = try parseTargetList(endingAt: "in")
            try validateTarget(target, context: .comprehension)
            guard matchKeyword("in") else { throw invalidSyntax() }
            let iterable = try parseOrTest()
            var conditions: [Expr] = []
            while matchKeyword("if") { conditions.append(try parseOrTest()) }
            clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
            _ = try atComprehension()
        }
        return Expr(make(element, clauses), range(from: start))
    }
}

extension Token {
    /// This token's range in `file`.
    func range(file: String) -> SourceRange {
        SourceRange(file: file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
    }
}

extension Parser {
    /// `yield`, `yield value(s)` or `yield from iterable`; the current token is `yield`.
    /// Allowed where CPython allows a bare yield: a statement, an assignment's value, `( ... )`.
    mutating func parseYieldExpression() throws -> Expr {
        let start = advance().start
        if functionDepth == 0 { throw error("'yield' outside function", range: range(from: start)) }
        if current.isName("from") {
            advance()
            let value = try parseTest()
            return Expr(.yieldFrom(value), range(from: start))
        }
        let value = startsExpression && !current.isName("yield") ? try parseStarExpressions() : nil
        return Expr(.yield(value), range(from: start))
    }

    /// An assignment's right-hand side: a yield expression or expressions.
    mutating func parseAssignedValue() throws -> Expr {
        current.isName("yield") ? try parseYieldExpression() : try parseStarExpressions()
    }
}
