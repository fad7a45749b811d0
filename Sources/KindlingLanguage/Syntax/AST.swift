// The abstract syntax tree for Kindling's Python 3.11 subset (expressions and shared pieces).
// Statements live in ASTStatements.swift. Every expression and statement node is a struct holding
// a `kind` enum and the `SourceRange` it was parsed from; passes `switch` over `kind`.

/// A parsed source file (or notebook cell, or REPL input).
public struct Module: Equatable, Sendable {
    /// The file name given to the parser; also stored in every node's `range.file`.
    public var filename: String
    public var body: [Stmt]

    public init(filename: String, body: [Stmt]) {
        self.filename = filename
        self.body = body
    }

    /// The module docstring: the value of a leading plain string-literal expression statement.
    public var docstring: String? { Stmt.docstring(of: body) }
}

/// An expression node: what it is, and where it is in the source.
public struct Expr: Equatable, Sendable {
    public var kind: ExprKind
    public var range: SourceRange

    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// Every kind of expression Kindling parses.
///
/// Unsupported syntax (walrus, `yield`, `await`, bytes, imaginary numbers, ...) never reaches the
/// tree: the parser refuses it with a `SyntaxErrorInfo` of kind `.unsupported`.
public indirect enum ExprKind: Equatable, Sendable {
    /// An `int` literal that fits in 64 bits (`42`, `0xff`, `1_000`).
    case int(Int64)
    /// An `int` literal too large for 64 bits, as its decimal digits (`"99999999999999999999"`).
    /// The runtime raises `OverflowError` when it evaluates one.
    case bigInt(String)
    /// A `float` literal (`1.5`, `1e-5`, `1.`, `.5`).
    case float(Double)
    /// A `str` literal, escapes decoded, adjacent literals already concatenated (`"a" 'b'` is `"ab"`).
    case string(String)
    /// An f-string (or a concatenation containing at least one f-string), as its ordered parts.
    /// `f"{x=}"` is already lowered to the literal `"x="` followed by the formatted value with `!r`.
    case fString([FStringPart])
    /// `True` or `False`.
    case bool(Bool)
    /// `None`.
    case none
    /// `...` (the `Ellipsis` object).
    case ellipsis

    /// A variable reference (load, store or delete depending on where it appears).
    case name(String)
    /// `value.attribute`
    case attribute(Expr, String)
    /// `value[index]`. The index is a plain expression, a `.slice`, or a `.tuple` whose elements
    /// may be slices (`x[:, None]`, `x[..., 0]`, `df.iloc[i, 1:]`).
    case `subscript`(Expr, index: Expr)
    /// `lower:upper:step` inside a subscript; each part optional (`x[:]`, `x[::2]`).
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// `function(arguments...)`, arguments in source order.
    case call(Expr, [Argument])

    /// `-x`, `+x`, `~x`, `not x`.
    case unary(UnaryOperator, Expr)
    /// `left op right` for arithmetic and bitwise operators.
    case binary(Expr, BinaryOperator, Expr)
    /// `a and b and c` / `a or b`: two or more operands, same operator (mixed chains nest).
    case boolean(BooleanOperator, [Expr])
    /// A comparison chain `a < b <= c`: the first operand, then each (operator, operand) pair.
    case compare(Expr, [Comparison])
    /// `body if test else orElse`
    case conditional(test: Expr, body: Expr, orElse: Expr)
    /// `lambda parameters: body` (parameters have no annotations).
    case lambda(Parameters, body: Expr)

    /// `[a, *b]`; elements may be `.starred`.
    case list([Expr])
    /// `(a, b)` or `a, b`; elements may be `.starred`. Also the index tuple of `x[i, j]`.
    case tuple([Expr])
    /// `{a, *b}` (never empty: `{}` is an empty dict).
    case set([Expr])
    /// `{k: v, **other}`
    case dict([DictItem])
    /// `[element for ... if ...]`
    case listComprehension(element: Expr, [Comprehension])
    /// `{element for ...}`
    case setComprehension(element: Expr, [Comprehension])
    /// `{key: value for ...}`
    case dictComprehension(key: Expr, value: Expr, [Comprehension])
    /// `(element for ...)`, also the bare form as the sole call argument `sum(x for x in xs)`.
    case generator(element: Expr, [Comprehension])
    /// `*value` in a display, an assignment target, a `for` target or a subscript tuple.
    case starred(Expr)
    /// `yield` / `yield value` (makes the enclosing function a generator).
    case yield(Expr?)
    /// `yield from iterable`.
    case yieldFrom(Expr)
}

/// One piece of an f-string.
public enum FStringPart: Equatable, Sendable {
    /// Literal text (with `{{`/`}}` already reduced to `{`/`}` and escapes decoded).
    case literal(String)
    /// A replacement field `{expression!conversion:spec}`.
    case formatted(FormattedValue)
}

/// A replacement field of an f-string: `{value!r:>{width}}`.
public struct FormattedValue: Equatable, Sendable {
    public var value: Expr
    /// `!s`, `!r` or `!a`, if given.
    public var conversion: Conversion?
    /// The format spec after `:`, which may itself contain replacement fields; nil if absent.
    /// An empty array means `{x:}` (an empty spec).
    public var formatSpec: [FStringPart]?

    public init(value: Expr, conversion: Conversion?, formatSpec: [FStringPart]?) {
        self.value = value
        self.conversion = conversion
        self.formatSpec = formatSpec
    }
}

/// The conversion of an f-string field: `!s` (`str`), `!r` (`repr`), `!a` (`ascii`).
public enum Conversion: Character, Equatable, Sendable {
    case str = "s"
    case repr = "r"
    case ascii = "a"
}

/// One argument of a call, in source order.
public enum Argument: Equatable, Sendable {
    /// `f(x)`
    case positional(Expr)
    /// `f(name=x)`
    case keyword(name: String, value: Expr)
    /// `f(*xs)`
    case unpackPositional(Expr)
    /// `f(**kw)`
    case unpackKeyword(Expr)

    /// The argument's value expression.
    public var value: Expr {
        switch self {
        case .positional(let e), .keyword(_, let e), .unpackPositional(let e), .unpackKeyword(let e): return e
        }
    }
}

/// One item of a dict display.
public enum DictItem: Equatable, Sendable {
    /// `key: value`
    case pair(key: Expr, value: Expr)
    /// `**mapping`
    case unpack(Expr)
}

/// One `for target in iterable if condition ...` clause of a comprehension.
public struct Comprehension: Equatable, Sendable {
    public var target: Expr
    public var iterable: Expr
    /// The `if` conditions directly following this `for` clause, in order.
    public var conditions: [Expr]

    public init(target: Expr, iterable: Expr, conditions: [Expr]) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
    }
}

/// One `(operator, operand)` link of a comparison chain.
public struct Comparison: Equatable, Sendable {
    public var op: CompareOperator
    public var right: Expr

    public init(_ op: CompareOperator, _ right: Expr) {
        self.op = op
        self.right = right
    }
}

/// The parameter list of a `def` or `lambda`:
/// `def f(a, b=1, /, c=2, *args, d, e=3, **kwargs)`.
public struct Parameters: Equatable, Sendable {
    /// Parameters before `/` (empty if there is no `/`).
    public var positionalOnly: [Parameter]
    /// Ordinary positional-or-keyword parameters.
    public var positional: [Parameter]
    /// `*args`, if present.
    public var varPositional: Parameter?
    /// Parameters after `*` or `*args`; each may or may not have a default.
    public var keywordOnly: [Parameter]
    /// `**kwargs`, if present.
    public var varKeyword: Parameter?

    public init(positionalOnly: [Parameter] = [], positional: [Parameter] = [], varPositional: Parameter? = nil,
                keywordOnly: [Parameter] = [], varKeyword: Parameter? = nil) {
        self.positionalOnly = positionalOnly
        self.positional = positional
        self.varPositional = varPositional
        self.keywordOnly = keywordOnly
        self.varKeyword = varKeyword
    }

    /// All parameter names in the order CPython lays out locals:
    /// positional-only, positional, keyword-only, then `*args`, then `**kwargs`.
    public var allNames: [String] {
        var names = (positionalOnly + positional + keywordOnly).map(\.name)
        if let v = varPositional { names.append(v.name) }
        if let k = varKeyword { names.append(k.name) }
        return names
    }
}

/// One parameter: its name, default value and annotation (annotations are parsed and kept, the
/// runtime may ignore them).
public struct Parameter: Equatable, Sendable {
    public var name: String
    public var defaultValue: Expr?
    public var annotation: Expr?
    public var range: SourceRange

    public init(name: String, defaultValue: Expr? = nil, annotation: Expr? = nil, range: SourceRange) {
        self.name = name
        self.defaultValue = defaultValue
        self.annotation = annotation
        self.range = range
    }
}

/// `-x`, `+x`, `~x`, `not x`.
public enum UnaryOperator: String, Equatable, Sendable {
    case negate = "-"
    case plus = "+"
    case invert = "~"
    case not = "not"

    /// The operator as written in source (used in error messages: "bad operand type for unary -").
    public var symbol: String { rawValue }
}

/// Binary arithmetic and bitwise operators (also the operator of an augmented assignment).
public enum BinaryOperator: String, Equatable, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case matrixMultiply = "@"
    case trueDivide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
    case leftShift = "<<"
    case rightShift = ">>"
    case bitAnd = "&"
    case bitOr = "|"
    case bitXor = "^"

    /// The operator as written in source ("unsupported operand type(s) for +: ...").
    public var symbol: String { rawValue }
}

/// `and` / `or`.
public enum BooleanOperator: String, Equatable, Sendable {
    case and
    case or
}

/// Comparison operators.
public enum CompareOperator: String, Equatable, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    /// `is`
    case isIdentical = "is"
    /// `is not`
    case isNotIdentical = "is not"
    /// `in`
    case isIn = "in"
    /// `not in`
    case isNotIn = "not in"

    /// The operator as written in source ("'<' not supported between instances of ...").
    public var symbol: String { rawValue }
}
