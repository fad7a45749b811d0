// Definitions: decorators, `def` with its parameter list (shared with `lambda`), and `class`.

extension Parser {
    /// `@decorator NEWLINE` lines followed by a `def` or `class`.
    mutating func parseDecorated() throws -> Stmt {
        let start = current.start
        var decorators: [Expr] = []
        while match("@") {
            decorators.append(try parseNamedExpression())
            guard current.kind == .newline else { throw invalidSyntax() }
            advance()
        }
        if current.isName("def") { return try parseFunctionDef(decorators: decorators, start: start) }
        if current.isName("class") { return try parseClassDef(decorators: decorators, start: start) }
        if current.isName("async") { throw unsupported("'async' (coroutines)") }
        throw invalidSyntax()
    }

    mutating func parseFunctionDef(decorators: [Expr], start: SourcePosition) throws -> Stmt {
        let keyword = advance()
        let name = try expectIdentifier()
        try expect("(", "expected '('")
        let parameters = try parseParameters(closing: ")", allowAnnotations: true)
        try expect(")")
        let returns = match("->") ? try parseTest() : nil
        functionDepth += 1
        let savedLoops = loopDepth
        loopDepth = 0
        defer { functionDepth -= 1; loopDepth = savedLoops }
        let body = try parseBlock(after: "function definition", headerLine: keyword.start.line, colonForced: true)
        let def = FunctionDef(name: name, parameters: parameters, body: body, decorators: decorators, returns: returns)
        return Stmt(.functionDef(def), range(from: start))
    }

    mutating func parseClassDef(decorators: [Expr], start: SourcePosition) throws -> Stmt {
        let keyword = advance()
        let name = try expectIdentifier()
        var bases: [Expr] = []
        var keywords: [KeywordArgument] = []
        if match("(") {
            while !current.isOp(")") {
                if current.isOp("*") || current.isOp("**") {
                    throw unsupported("unpacking (*/**) in a class definition's bases")
                }
                if current.kind == .name && peek(1).isOp("=") {
                    let keywordName = try expectIdentifier()
                    advance()
                    keywords.append(KeywordArgument(name: keywordName, value: try parseTest()))
                } else {
                    if !keywords.isEmpty {
                        throw error("positional argument follows keyword argument", at: current)
                    }
                    bases.append(try parseTest())
                }
                guard match(",") else { break }
            }
            try expect(")")
        }
        let savedFunctions = functionDepth, savedLoops = loopDepth
        functionDepth = 0
        loopDepth = 0
        defer { functionDepth = savedFunctions; loopDepth = savedLoops }
        let body = try parseBlock(after: "class definition", headerLine: keyword.start.line)
        let def = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)
        return Stmt(.classDef(def), range(from: start))
    }

    /// A parameter list up to (not including) `closing` (`)` for `def`, `:` for `lambda`).
    mutating func parseParameters(closing: String, allowAnnotations: Bool) throws -> Parameters {
        var parameters = Parameters()
        var seen = Set<String>()
        var sawDefault = false, sawSlash = false, sawStar = false
        var bareStar: Token? = nil

        func parameter(_ p: inout Parser, allowDefault: Bool) throws -> Parameter {
            let nameToken = p.current
            let name = try p.expectIdentifier()
            if seen.contains(name) {
                throw p.error("duplicate argument '\(name)' in function definition", at: nameToken)
            }
            seen.insert(name)
            var annotation: Expr? = nil
            if allowAnnotations && p.match(":") { annotation = try p.parseTest() }
            var defaultValue: Expr? = nil
            if p.current.isOp("=") {
                guard allowDefault else { throw p.invalidSyntax() }
                p.advance()
                defaultValue = try p.parseTest()
            }
            return Parameter(name: name, defaultValue: defaultValue, annotation: annotation,
                             range: p.range(from: nameToken.start))
        }

        while !current.isOp(closing) {
            let t = current
            if parameters.varKeyword != nil { throw error("arguments cannot follow var-keyword argument", at: t) }
            if match("/") {
                if sawSlash { throw error("/ may appear only once", at: t) }
                if sawStar { throw error("/ must be ahead of *", at: t) }
                if parameters.positional.isEmpty { throw error("at least one argument must precede /", at: t) }
                sawSlash = true
                parameters.positionalOnly = parameters.positional
                parameters.positional = []
            } else if match("**") {
                parameters.varKeyword = try parameter(&self, allowDefault: false)
            } else if match("*") {
                if sawStar { throw error("* argument may appear only once", at: t) }
                sawStar = true
                if current.isOp(",") || current.isOp(closing) {
                    bareStar = t
                } else {
                    parameters.varPositional = try parameter(&self, allowDefault: false)
                }
            } else if sawStar {
                parameters.keywordOnly.append(try parameter(&self, allowDefault: true))
            } else {
                let p = try parameter(&self, allowDefault: true)
                if p.defaultValue != nil {
                    sawDefault = true
                } else if sawDefault {
                    throw error("non-default argument follows default argument", range: p.range)
                }
                parameters.positional.append(p)
            }
            guard match(",") else { break }
        }
        if let star = bareStar, parameters.keywordOnly.isEmpty {
            throw error("named arguments must follow bare *", at: star)
        }
        return parameters
    }
}
