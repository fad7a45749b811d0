// The statement level: the file body, dispatch to compound statements, and simple statements
// (expression, assignments, return, import, raise, assert, del, global, ...).

extension Parser {
    /// All statements up to the end marker.
    mutating func parseFileBody() throws -> [Stmt] {
        var body: [Stmt] = []
        while current.kind != .endMarker {
            if current.kind == .newline { advance(); continue }
            body += try parseStatement()
        }
        return body
    }

    /// One line's worth of statements: a compound statement, or simple statements joined by `;`.
    mutating func parseStatement() throws -> [Stmt] {
        let t = current
        if t.kind == .indent {
            let column = max(1, t.end.column - 1)
            throw source.error(.indentationError, "unexpected indent", at: SourcePosition(line: t.end.line, column: column))
        }
        if t.kind == .dedent { throw invalidSyntax() }
        if t.kind == .name {
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "def": return [try parseFunctionDef(decorators: [], start: t.start)]
            case "class": return [try parseClassDef(decorators: [], start: t.start)]
            case "async": throw unsupported("'async' (coroutines)")
            case "match" where isMatchStatement(): throw unsupported("the 'match' statement")
            default: break
            }
        }
        if t.isOp("@") { return [try parseDecorated()] }
        var statements = [try parseSimpleStatement()]
        while match(";") {
            if current.kind == .newline { break }
            statements.append(try parseSimpleStatement())
        }
        guard current.kind == .newline || current.kind == .endMarker else { throw invalidSyntax() }
        advance()
        return statements
    }

    /// A line starting with the soft keyword `match` and ending in `:` can only be a match statement.
    private func isMatchStatement() -> Bool {
        let next = peek(1)
        if next.kind == .newline || next.kind == .endMarker { return false }
        if next.kind == .op && !["(", "[", "{", "-", "+", "~", "*"].contains(next.text) { return false }
        var i = position + 1
        while i < tokens.count, tokens[i].kind != .newline, tokens[i].kind != .endMarker { i += 1 }
        return tokens[i - 1].isOp(":")
    }

    private mutating func parseSimpleStatement() throws -> Stmt {
        let t = current
        let start = t.start
        if t.kind == .name {
            switch t.text {
            case "pass": advance(); return Stmt(.pass, range(from: start))
            case "break":
                advance()
                if loopDepth == 0 { throw error("'break' outside loop", range: range(from: start)) }
                return Stmt(.breakLoop, range(from: start))
            case "continue":
                advance()
                if loopDepth == 0 { throw error("'continue' not properly in loop", range: range(from: start)) }
                return Stmt(.continueLoop, range(from: start))
            case "return":
                advance()
                let value = startsExpression ? try parseStarExpressions() : nil
                if functionDepth == 0 { throw error("'return' outside function", range: range(from: start)) }
                return Stmt(.returnValue(value), range(from: start))
            case "raise": return try parseRaise()
            case "assert":
                advance()
                let test = try parseTest()
                let message = match(",") ? try parseTest() : nil
                return Stmt(.assert(test: test, message: message), range(from: start))
            case "del": return try parseDelete()
            case "global", "nonlocal": return try parseNameDeclaration()
            case "import": return try parseImport()
            case "from": return try parseFromImport()
            default: break
            }
        }
        return try parseExpressionStatement()
    }

    private mutating func parseRaise() throws -> Stmt {
        let start = advance().start
        guard startsExpression else { return Stmt(.raise(exception: nil, cause: nil), range(from: start)) }
        let exception = try parseTest()
        let cause = matchKeyword("from") ? try parseTest() : nil
        return Stmt(.raise(exception: exception, cause: cause), range(from: start))
    }

    private mutating func parseDelete() throws -> Stmt {
        let start = advance().start
        var targets: [Expr] = []
        repeat {
            if !targets.isEmpty && !startsExpression { break }
            let target = try parseBitOr()
            try validateTarget(target, context: .delete)
            targets.append(target)
        } while match(",")
        return Stmt(.delete(targets), range(from: start))
    }

    private mutating func parseNameDeclaration() throws -> Stmt {
        let keyword = advance()
        var names: [String] = []
        repeat { names.append(try expectIdentifier()) } while match(",")
        let r = range(from: keyword.start)
        if keyword.text == "global" { return Stmt(.global(names), r) }
        if functionDepth == 0 { throw error("nonlocal declaration not allowed at module level", range: r) }
        return Stmt(.nonlocal(names), r)
    }

    /// `a.b.c` as one string.
    private mutating func parseDottedName() throws -> String {
        var name = try expectIdentifier()
        while match(".") { name += "." + (try expectIdentifier()) }
        return name
    }

    private mutating func parseImport() throws -> Stmt {
        let start = advance().start
        var aliases: [ImportAlias] = []
        repeat {
            let aliasStart = current.start
            let name = try parseDottedName()
            let asName = matchKeyword("as") ? try expectIdentifier() : nil
            aliases.append(ImportAlias(name: name, asName: asName, range: range(from: aliasStart)))
        } while match(",")
        return Stmt(.importModules(aliases), range(from: start))
    }

    private mutating func parseFromImport() throws -> Stmt {
        let start = advance().start
        // A relative import keeps its leading dots in the module name (".", "..pkg.mod"); the
        // compiled import resolves them against the importing module's `__package__`.
        var dots = ""
        while current.isOp(".") || current.isOp("...") { dots += advance().text }
        let module = dots + (dots.isEmpty || !current.isName("import") ? try parseDottedName() : "")
        guard matchKeyword("import") else { throw invalidSyntax() }
        if match("*") {
            if functionDepth > 0 { throw error("import * only allowed at module level", range: range(from: start)) }
            return Stmt(.importStar(module: module), range(from: start))
        }
        let parenthesized = match("(")
        var aliases: [ImportAlias] = []
        repeat {
            if parenthesized && current.isOp(")") && !aliases.isEmpty { break }
            let aliasStart = current.start
            let name = try expectIdentifier()
            let asName = matchKeyword("as") ? try expectIdentifier() : nil
            aliases.append(ImportAlias(name: name, asName: asName, range: range(from: aliasStart)))
        } while match(",")
        if parenthesized { try expect(")") }
        else if previous.isOp(",") { throw error("trailing comma not allowed without surrounding parentheses", at: previous) }
        return Stmt(.importFrom(module: module, names: aliases), range(from: start))
    }

    private static let augmentedOperators: [String: BinaryOperator] = [
        "+=": .add, "-=": .subtract, "*=": .multiply, "@=": .matrixMultiply, "/=": .trueDivide,
        "//=": .floorDivide, "%=": .modulo, "**=": .power, "<<=": .leftShift, ">>=": .rightShift,
        "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor,
    ]

    /// An expression statement, `=` assignment (possibly chained), augmented or annotated assignment.
    private mutating func parseExpressionStatement() throws -> Stmt {
        let startToken = current
        let start = startToken.start
        let first = current.isName("yield") ? try parseYieldExpression() : try parseStarExpressions(allowBareStar: true)
        if current.isOp(":") {
            advance()
            let annotation = try parseTest()
            if case .tuple = first.kind {
                throw error("only single target (not tuple) can be annotated", range: first.range)
            }
            if case .list = first.kind {
                throw error("only single target (not list) can be annotated", range: first.range)
            }
            switch first.kind {
            case .name, .attribute, .subscript: break
            default: throw error("illegal target for annotation", range: first.range)
            }
            let value = match("=") ? try parseAssignedValue() : nil
            var simple = false
            if case .name = first.kind, !startToken.isOp("(") { simple = true }
            return Stmt(.annotatedAssign(target: first, annotation: annotation, value: value, simple: simple),
                        range(from: start))
        }
        if current.kind == .op, let op = Parser.augmentedOperators[current.text] {
            try validateAugmentedTarget(first)
            advance()
            let value = try parseAssignedValue()
            return Stmt(.augmentedAssign(target: first, op: op, value: value), range(from: start))
        }
        if current.isOp("=") {
            var targets = [first]
            var value = first
            while match("=") {
                value = try parseAssignedValue()
                targets.append(value)
            }
            targets.removeLast()
            for (i, target) in targets.enumerated() {
                try validateTarget(target, context: i == 0 ? .firstAssignment : .assignment)
            }
            return Stmt(.assign(targets: targets, value: value), range(from: start))
        }
        if case .starred = first.kind { throw error("can't use starred expression here", range: first.range) }
        if case .name("print") = first.kind, current.kind == .string || current.kind == .number
            || current.isIdentifier {
            throw source.error(.syntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?",
                               at: start, end: lineEnd())
        }
        return Stmt(.expression(first), range(from: start))
    }

    /// The end of the current logical line (for error underlines).
    private func lineEnd() -> SourcePosition {
        var i = position
        while i < tokens.count - 1, tokens[i].kind != .newline { i += 1 }
        return tokens[max(0, i - 1)].end
    }
}
