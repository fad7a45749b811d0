// Checking that expressions used as assignment, `for`, `with` and `del` targets are valid, with
// CPython 3.11's messages ("cannot assign to function call here. Maybe you meant '==' ...").

/// Where a target appears (decides which expressions are allowed and how errors read).
enum TargetContext {
    /// The first target of `=` (errors suggest `==`).
    case firstAssignment
    /// A later target of a chained `a = b = c`.
    case assignment
    case forLoop
    case comprehension
    case with
    case delete
}

extension Parser {
    /// `a, *b` up to (not including) the keyword `stop` — the targets of `for` and comprehensions.
    mutating func parseTargetList(endingAt stop: String) throws -> Expr {
        let start = current.start
        var items: [Expr] = []
        var sawComma = false
        repeat {
            if current.isName(stop) { break }
            let itemIndex = position
            if current.isOp("*") {
                let starStart = advance().start
                let value = try parseBitOr()
                items.append(Expr(.starred(value), range(from: starStart)))
            } else {
                items.append(try parseBitOr())
            }
            lastDisjunction = (itemIndex, position)
            if current.isOp(",") { sawComma = true }
        } while match(",")
        guard let first = items.first else { throw invalidSyntax() }
        if items.count == 1 && !sawComma { return first }
        return Expr(.tuple(items), range(from: start))
    }

    /// What CPython calls an expression in "cannot assign to <description>".
    func targetDescription(_ expr: Expr) -> String {
        switch expr.kind {
        case .int, .bigInt, .float, .string: return "literal"
        case .fString: return "f-string expression"
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .ellipsis: return "ellipsis"
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .slice: return "slice"
        case .call: return "function call"
        case .unary, .binary, .boolean: return "expression"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .lambda: return "lambda"
        case .list: return "list"
        case .tuple: return "tuple"
        case .set: return "set display"
        case .dict: return "dict literal"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .generator: return "generator expression"
        case .starred: return "starred"
        case .yield, .yieldFrom: return "yield expression"
        }
    }

    /// Throws CPython's error if `expr` cannot be assigned to (or deleted) in `context`.
    func validateTarget(_ expr: Expr, context: TargetContext, topLevel: Bool = true) throws {
        switch expr.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let items), .list(let items):
            let starred = items.filter { if case .starred = $0.kind { return true } else { return false } }
            if context == .delete, let s = starred.first {
                throw error("cannot delete starred", range: s.range)
            }
            if starred.count > 1 { throw error("multiple starred expressions in assignment", range: expr.range) }
            for item in items { try validateTarget(item, context: context, topLevel: false) }
        case .starred(let inner):
            if topLevel && context != .delete {
                throw error("starred assignment target must be in a list or tuple", range: expr.range)
            }
            try validateTarget(inner, context: context, topLevel: false)
        default:
            let what = targetDescription(expr)
            let verb = context == .delete ? "delete" : "assign to"
            var message = "cannot \(verb) \(what)"
            if context == .firstAssignment, !["True", "False", "None", "name"].contains(what) {
                message += " here. Maybe you meant '==' instead of '='?"
            }
            throw error(message, range: expr.range)
        }
    }

    /// Checks an augmented-assignment target: a name, attribute or subscript only.
    func validateAugmentedTarget(_ expr: Expr) throws {
        switch expr.kind {
        case .name, .attribute, .subscript: return
        default:
            throw error("'\(targetDescription(expr))' is an illegal expression for augmented assignment",
                        range: expr.range)
        }
    }
}
