// Compound statements: blocks, if/while/for/try/with, decorators, def (with parameters), class.

extension Parser {
    /// `: NEWLINE INDENT statements DEDENT` or `: simple statements` on the same line.
    /// `after` names the header for "expected an indented block after ..." errors. A missing
    /// colon reads "expected ':'" where CPython's grammar forces it (`def`, `try`, `else`,
    /// `finally`) or when the line ends there; otherwise "invalid syntax".
    mutating func parseBlock(after description: String, headerLine: Int, colonForced: Bool = false) throws -> [Stmt] {
        if !current.isOp(":") && (colonForced || current.kind == .newline) { throw error("expected ':'") }
        try expect(":")
        guard current.kind == .newline else {
            return try parseSimpleLine()
        }
        advance()
        guard current.kind == .indent else {
            throw error("expected an indented block after \(description) on line \(headerLine)", kind: .indentationError)
        }
        advance()
        return try nested { p in
            var body: [Stmt] = []
            while p.current.kind != .dedent && p.current.kind != .endMarker {
                body += try p.parseStatement()
            }
            p.advance()
            return body
        }
    }

    /// Simple statements after a header's colon on the same line (`if x: a = 1; b = 2`).
    private mutating func parseSimpleLine() throws -> [Stmt] {
        let t = current
        if t.kind == .name, ["if", "while", "for", "try", "with", "def", "class", "async"].contains(t.text) || t.isOp("@") {
            throw invalidSyntax()
        }
        return try parseStatement()
    }

    mutating func parseIf() throws -> Stmt {
        let keyword = advance()
        let test = try parseNamedExpression()
        let body = try parseBlock(after: "'\(keyword.text)' statement", headerLine: keyword.start.line)
        var orElse: [Stmt] = []
        if current.isName("elif") {
            orElse = [try parseIf()]
        } else if current.isName("else") {
            let elseToken = advance()
            orElse = try parseBlock(after: "'else' statement", headerLine: elseToken.start.line, colonForced: true)
        }
        return Stmt(.ifElse(test: test, body: body, orElse: orElse), range(from: keyword.start))
    }

    /// A loop body: `break`/`continue` are allowed inside it.
    private mutating func parseLoopBody(after description: String, headerLine: Int) throws -> [Stmt] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try parseBlock(after: description, headerLine: headerLine)
    }

    private mutating func parseElse() throws -> [Stmt] {
        guard current.isName("else") else { return [] }
        let elseToken = advance()
        return try parseBlock(after: "'else' statement", headerLine: elseToken.start.line, colonForced: true)
    }

    mutating func parseWhile() throws -> Stmt {
        let keyword = advance()
        let test = try parseNamedExpression()
        let body = try parseLoopBody(after: "'while' statement", headerLine: keyword.start.line)
        let orElse = try parseElse()
        return Stmt(.whileLoop(test: test, body: body, orElse: orElse), range(from: keyword.start))
    }

    mutating func parseFor() throws -> Stmt {
        let keyword = advance()
        let target = try parseTargetList(endingAt: "in")
        try validateTarget(target, context: .forLoop)
        guard matchKeyword("in") else { throw invalidSyntax() }
        let iterable = try parseStarExpressions()
        let body = try parseLoopBody(after: "'for' statement", headerLine: keyword.start.line)
        let orElse = try parseElse()
        return Stmt(.forLoop(target: target, iterable: iterable, body: body, orElse: orElse), range(from: keyword.start))
    }

    mutating func parseTry() throws -> Stmt {
        let keyword = advance()
        let body = try parseBlock(after: "'try' statement", headerLine: keyword.start.line, colonForced: true)
        var handlers: [ExceptHandler] = []
        while current.isName("except") {
            let exceptToken = advance()
            if current.isOp("*") { throw unsupported("'except*' (exception groups)") }
            if let last = handlers.last, last.type == nil {
                throw error("default 'except:' must be last", range: last.range)
            }
            var type: Expr? = nil, name: String? = nil
            if !current.isOp(":") {
                type = try parseTest()
                if current.isOp(",") {
                    throw error("multiple exception types must be parenthesized", range: type?.range ?? .unknown)
                }
                if matchKeyword("as") { name = try expectIdentifier() }
            }
            let handlerBody = try parseBlock(after: "'except' statement", headerLine: exceptToken.start.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, range: range(from: exceptToken.start)))
        }
        var orElse: [Stmt] = []
        if !handlers.isEmpty, current.isName("else") { orElse = try parseElse() }
        var finalBody: [Stmt] = []
        let hasFinally = current.isName("finally")
        if hasFinally {
            let finallyToken = advance()
            finalBody = try parseBlock(after: "'finally' statement", headerLine: finallyToken.start.line, colonForced: true)
        }
        if handlers.isEmpty && !hasFinally {
            throw error("expected 'except' or 'finally' block")
        }
        return Stmt(.tryExcept(body: body, handlers: handlers, orElse: orElse, finalBody: finalBody),
                    range(from: keyword.start))
    }

    mutating func parseWith() throws -> Stmt {
        let keyword = advance()
        var items: [WithItem] = []
        if current.isOp("("), parenthesizedWithItemsFollow() {
            advance()
            repeat {
                if current.isOp(")") && !items.isEmpty { break }
                items.append(try parseWithItem())
            } while match(",")
            try expect(")")
        } else {
            repeat { items.append(try parseWithItem()) } while match(",")
        }
        let body = try parseBlock(after: "'with' statement", headerLine: keyword.start.line)
        return Stmt(.with(items, body: body), range(from: keyword.start))
    }

    /// `with (a as b, c):` — the bracket closing the `(` is directly followed by `:`.
    private func parenthesizedWithItemsFollow() -> Bool {
        var depth = 0
        var i = position
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .op && ["(", "[", "{"].contains(t.text) { depth += 1 }
            if t.kind == .op && [")", "]", "}"].contains(t.text) {
                depth -= 1
                if depth == 0 { return i + 1 < tokens.count && tokens[i + 1].isOp(":") }
            }
            if t.kind == .newline || t.kind == .endMarker { return false }
            i += 1
        }
        return false
    }

    private mutating func parseWithItem() throws -> WithItem {
        let context = try parseTest()
        guard matchKeyword("as") else { return WithItem(context: context, target: nil) }
        let target = try parseBitOr()
        try validateTarget(target, context: .with)
        return WithItem(context: context, target: target)
    }
}
