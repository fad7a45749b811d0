// Statement nodes of Kindling's AST (expressions are in AST.swift).

/// A statement node: what it is, and where it is. For compound statements the range runs from
/// the keyword (or first decorator) to the end of the last statement of the last block.
public struct Stmt: Equatable, Sendable {
    public var kind: StmtKind
    public var range: SourceRange

    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The docstring of a body: the value of its first statement if that is a plain string literal.
    public static func docstring(of body: [Stmt]) -> String? {
        guard let first = body.first, case .expression(let e) = first.kind, case .string(let s) = e.kind else {
            return nil
        }
        return s
    }
}

/// Every kind of statement Kindling parses.
public indirect enum StmtKind: Equatable, Sendable {
    /// An expression evaluated for its effect (or, at the end of a REPL input, for its value).
    case expression(Expr)
    /// `a = b = value`: one or more targets, assigned left to right. Targets are names,
    /// attributes, subscripts, or (nested) tuples/lists of targets with at most one `.starred`.
    case assign(targets: [Expr], value: Expr)
    /// `target op= value` (`+=`, `-=`, `*=`, `@=`, `/=`, `//=`, `%=`, `**=`, `<<=`, `>>=`, `&=`, `|=`, `^=`).
    /// The target is a name, attribute or subscript.
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `target: annotation` or `target: annotation = value`. `simple` is true when the target is
    /// a bare name not in parentheses (CPython stores those in `__annotations__`).
    case annotatedAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)

    /// `if test: body else: orElse`; an `elif` becomes a single nested `.ifElse` in `orElse`.
    case ifElse(test: Expr, body: [Stmt], orElse: [Stmt])
    /// `for target in iterable: body else: orElse`
    case forLoop(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    /// `while test: body else: orElse`
    case whileLoop(test: Expr, body: [Stmt], orElse: [Stmt])
    /// `break`
    case breakLoop
    /// `continue`
    case continueLoop
    /// `pass`
    case pass

    /// `def name(parameters) -> returns: body`, with its decorators.
    case functionDef(FunctionDef)
    /// `return` or `return value` (`return a, b` returns a `.tuple`).
    case returnValue(Expr?)
    /// `class Name(bases, keyword=...): body`, with its decorators.
    case classDef(ClassDef)

    /// `import a.b.c`, `import a.b as c, d`.
    case importModules([ImportAlias])
    /// `from module import a, b as c` (`module` is dotted; a relative one starts with its dots: `.`, `..pkg`).
    case importFrom(module: String, names: [ImportAlias])
    /// `from module import *`
    case importStar(module: String)

    /// `with a as x, b: body` (items entered left to right).
    case with([WithItem], body: [Stmt])
    /// `try: body except ...: ... else: orElse finally: finalBody` (handlers may be empty when
    /// `finally` is present).
    case tryExcept(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finalBody: [Stmt])
    /// `raise`, `raise exception`, `raise exception from cause`.
    case raise(exception: Expr?, cause: Expr?)
    /// `assert test` / `assert test, message`
    case assert(test: Expr, message: Expr?)
    /// `del a, b[0], c.d` (each target a name, attribute, subscript, or tuple/list of these).
    case delete([Expr])
    /// `global a, b`
    case global([String])
    /// `nonlocal a, b`
    case nonlocal([String])
}

/// A `def` statement.
public struct FunctionDef: Equatable, Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Stmt]
    /// Decorator expressions, top to bottom as written (applied bottom to top).
    public var decorators: [Expr]
    /// The `-> annotation`, parsed and kept; the runtime may ignore it.
    public var returns: Expr?

    public init(name: String, parameters: Parameters, body: [Stmt], decorators: [Expr] = [], returns: Expr? = nil) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.decorators = decorators
        self.returns = returns
    }

    /// The function's docstring (first statement a plain string literal).
    public var docstring: String? { Stmt.docstring(of: body) }
}

/// A `class` statement.
public struct ClassDef: Equatable, Sendable {
    public var name: String
    /// Positional base expressions (`class A(B, nn.Module)`).
    public var bases: [Expr]
    /// Keyword arguments of the class header (`metaclass=...`); the runtime refuses what it
    /// does not support.
    public var keywords: [KeywordArgument]
    public var body: [Stmt]
    /// Decorator expressions, top to bottom as written.
    public var decorators: [Expr]

    public init(name: String, bases: [Expr], keywords: [KeywordArgument] = [], body: [Stmt], decorators: [Expr] = []) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
    }

    /// The class's docstring.
    public var docstring: String? { Stmt.docstring(of: body) }
}

/// `name=value` in a class header.
public struct KeywordArgument: Equatable, Sendable {
    public var name: String
    public var value: Expr

    public init(name: String, value: Expr) {
        self.name = name
        self.value = value
    }
}

/// One name of an `import` or `from ... import` statement.
public struct ImportAlias: Equatable, Sendable {
    /// The dotted module name for `import` (`"torch.nn"`), or the imported name for `from`.
    public var name: String
    /// The `as` name, if any.
    public var asName: String?
    public var range: SourceRange

    public init(name: String, asName: String?, range: SourceRange) {
        self.name = name
        self.asName = asName
        self.range = range
    }

    /// The name bound in the importing namespace: the `as` name, else for `import a.b` the top
    /// package `a`, else the name itself.
    public var boundName: String {
        if let asName { return asName }
        return name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    }
}

/// One `context as target` item of a `with` statement.
public struct WithItem: Equatable, Sendable {
    public var context: Expr
    /// The `as` target (a name, attribute, subscript, or tuple/list of targets), if any.
    public var target: Expr?

    public init(context: Expr, target: Expr?) {
        self.context = context
        self.target = target
    }
}

/// One `except Type as name:` clause.
public struct ExceptHandler: Equatable, Sendable {
    /// The exception type expression (a class or tuple of classes); nil for a bare `except:`.
    public var type: Expr?
    /// The `as` name, if any.
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange

    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}
