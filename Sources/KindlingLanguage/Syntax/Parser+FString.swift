// String atoms: adjacent literals concatenated, and f-strings split into literal text and
// replacement fields `{expression!conversion:spec}` whose expressions are lexed and parsed here.

extension Parser {
    /// One or more adjacent string literals as a `.string` or, if any is an f-string, `.fString`.
    mutating func parseStrings() throws -> Expr {
        let start = current.start
        var parts: [FStringPart] = []
        var isFormat = false
        while current.kind == .string, let literal = current.string {
            advance()
            if literal.isFormat {
                isFormat = true
                parts += try parseFStringBody(literal, from: literal.bodyStart, to: literal.bodyEnd)
            } else {
                parts.append(.literal(literal.value))
            }
        }
        let merged = mergeLiterals(parts)
        if !isFormat {
            if case .literal(let s)? = merged.first { return Expr(.string(s), range(from: start)) }
            return Expr(.string(""), range(from: start))
        }
        return Expr(.fString(merged), range(from: start))
    }

    /// Joins adjacent literal parts and drops empty ones.
    private func mergeLiterals(_ parts: [FStringPart]) -> [FStringPart] {
        var out: [FStringPart] = []
        for part in parts {
            if case .literal(let s) = part {
                if s.isEmpty { continue }
                if case .literal(let previous)? = out.last {
                    out[out.count - 1] = .literal(previous + s)
                    continue
                }
            }
            out.append(part)
        }
        return out
    }

    private func fstringError(_ message: String, at index: Int) -> SyntaxErrorInfo {
        source.error(.syntaxError, message, at: source.position(of: index))
    }

    /// Literal text of an f-string between `start` and `end`, escapes decoded unless raw.
    private func fstringLiteral(_ literal: StringLiteral, _ start: Int, _ end: Int) throws -> String {
        literal.isRaw ? source.text(start, end) : try decodeEscapes(source, from: start, to: end)
    }

    /// Splits an f-string body (or a format spec, when `nesting > 0`) into parts. For a spec,
    /// stops at the `}` closing the enclosing field and reports its index through `stoppedAt`.
    private mutating func parseFStringBody(_ literal: StringLiteral, from start: Int, to end: Int,
                                           nesting: Int = 0, stoppedAt: UnsafeMutablePointer<Int>? = nil) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var i = start, textStart = start
        let s = source.scalars
        while i < end {
            let c = s[i]
            if c == "\\" && !literal.isRaw && i + 2 < end && s[i + 1] == "N" && s[i + 2] == "{" {
                throw source.error(.unsupported, "\\N{...} escapes are not supported by Kindling", at: source.position(of: i))
            }
            if c == "\\" && i + 1 < end && s[i + 1] != "{" && s[i + 1] != "}" {
                i += 2
                continue
            }
            if c == "{" {
                if nesting == 0 && i + 1 < end && s[i + 1] == "{" {
                    parts.append(.literal(try fstringLiteral(literal, textStart, i) + "{"))
                    i += 2
                    textStart = i
                    continue
                }
                parts.append(.literal(try fstringLiteral(literal, textStart, i)))
                let (field, next) = try parseReplacementField(literal, openBrace: i, end: end, nesting: nesting)
                parts += field
                i = next
                textStart = i
                continue
            }
            if c == "}" {
                if nesting > 0 {
                    parts.append(.literal(try fstringLiteral(literal, textStart, i)))
                    stoppedAt?.pointee = i
                    return mergeLiterals(parts)
                }
                guard i + 1 < end && s[i + 1] == "}" else { throw fstringError("f-string: single '}' is not allowed", at: i) }
                parts.append(.literal(try fstringLiteral(literal, textStart, i) + "}"))
                i += 2
                textStart = i
                continue
            }
            i += 1
        }
        if nesting > 0 { throw fstringError("f-string: expecting '}'", at: end) }
        parts.append(.literal(try fstringLiteral(literal, textStart, end)))
        return mergeLiterals(parts)
    }

    /// Parses `{expression=!conversion:spec}` starting at `openBrace`; returns the parts it
    /// produces (a debug `=` adds a literal) and the index after the closing `}`.
    private mutating func parseReplacementField(_ literal: StringLiteral, openBrace: Int, end: Int,
                                                nesting: Int) throws -> ([FStringPart], Int) {
        if nesting >= 2 { throw fstringError("f-string: expressions nested too deeply", at: openBrace) }
        let s = source.scalars
        let exprStart = openBrace + 1
        var i = exprStart, depth = 0
        var exprEnd = -1, debugEnd = -1
        scan: while i < end {
            let c = s[i]
            switch c {
            case "'", "\"":
                let triple = i + 2 < end && s[i + 1] == c && s[i + 2] == c
                i += triple ? 3 : 1
                while i < end {
                    if s[i] == c && (!triple || (i + 2 < end && s[i + 1] == c && s[i + 2] == c)) { break }
                    i += 1
                }
                if i >= end { throw fstringError("f-string: unterminated string", at: exprStart) }
                i += triple ? 3 : 1
                continue scan
            case "(", "[", "{": depth += 1
            case ")", "]": depth -= 1
            case "}":
                if depth == 0 { exprEnd = i; break scan }
                depth -= 1
            case "\\": throw fstringError("f-string expression part cannot include a backslash", at: i)
            case "#": throw fstringError("f-string expression part cannot include '#'", at: i)
            case "!" where depth == 0 && !(i + 1 < end && s[i + 1] == "="):
                exprEnd = i; break scan
            case ":" where depth == 0:
                exprEnd = i; break scan
            case "=" where depth == 0:
                let next: Unicode.Scalar? = i + 1 < end ? s[i + 1] : nil
                let prev = s[i - 1]
                if next != "=" && !["=", "!", "<", ">"].contains(prev) {
                    exprEnd = i
                    i += 1
                    while i < end, s[i] == " " || s[i] == "\t" || s[i] == "\n" { i += 1 }
                    debugEnd = i
                    break scan
                }
                if next == "=" { i += 1 }
            default: break
            }
            i += 1
        }
        if exprEnd < 0 { throw fstringError("f-string: expecting '}'", at: max(exprStart, min(i, end))) }
        if source.text(exprStart, exprEnd).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw fstringError("f-string: empty expression not allowed", at: exprEnd)
        }
        let value = try parseEmbeddedExpression(from: exprStart, to: exprEnd)
        var parts: [FStringPart] = []
        if debugEnd >= 0 {
            parts.append(.literal(source.text(exprStart, debugEnd)))
        } else {
            i = exprEnd
        }
        var conversion: Conversion? = nil
        if i < end && s[i] == "!" {
            guard i + 1 < end, let conv = Conversion(rawValue: Character(s[i + 1])) else {
                throw fstringError("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: i + 1)
            }
            conversion = conv
            i += 2
        }
        var spec: [FStringPart]? = nil
        if i < end && s[i] == ":" {
            var stop = -1
            spec = try parseFStringBody(literal, from: i + 1, to: end, nesting: nesting + 1, stoppedAt: &stop)
            i = stop
        }
        guard i >= 0, i < end, s[i] == "}" else { throw fstringError("f-string: expecting '}'", at: min(max(i, 0), end)) }
        if debugEnd >= 0 && conversion == nil && spec == nil { conversion = .repr }
        parts.append(.formatted(FormattedValue(value: value, conversion: conversion, formatSpec: spec)))
        return (parts, i + 1)
    }

    /// Lexes and parses the expression of a replacement field (`{a, b}` is a tuple).
    private mutating func parseEmbeddedExpression(from start: Int, to end: Int) throws -> Expr {
        var lexer = Lexer(source: source, embeddedFrom: start, to: end)
        try lexer.run()
        var inner = Parser(source: source, tokens: lexer.tokens)
        inner.depth = depth
        inner.functionDepth = functionDepth
        inner.loopDepth = loopDepth
        let expr = try inner.nested { try $0.parseStarExpressions() }
        if inner.current.isOp("=") || inner.current.isOp(":=") { throw inner.unsupported("the assignment expression (walrus operator ':=')") }
        guard inner.current.kind == .endMarker else { throw inner.invalidSyntax() }
        return expr
    }
}
