import KindlingGraphics
import KindlingLanguage

/// The classes of `matplotlib` objects scripts see.
enum PlotTypes {
    static let figure: PyClass = {
        let c = PyClass(native: "Figure", module: "matplotlib.figure")
        FigureMethods.install(on: c)
        return c
    }()

    static let axes: PyClass = {
        let c = PyClass(native: "Axes", module: "matplotlib.axes")
        AxesMethods.install(on: c)
        return c
    }()

    static let axesArray: PyClass = {
        let c = PyClass(native: "ndarray", module: "numpy")
        AxesArrayMethods.install(on: c)
        return c
    }()

    static let text = artist("Text", module: "matplotlib.text")
    static let line2D = artist("Line2D", module: "matplotlib.lines")
    static let axesImage = artist("AxesImage", module: "matplotlib.image")
    static let legend = artist("Legend", module: "matplotlib.legend")

    private static func artist(_ name: String, module: String) -> PyClass {
        let c = PyClass(native: name, module: module)
        c.define("__repr__") { args in
            let me = try args.selfObject(ArtistObject.self)
            if !me.reprText.isEmpty { return .str(me.reprText) }
            return .str("<\(module).\(name) object at 0x\(String(Runtime.identity(me), radix: 16))>")
        }
        c.define("__str__") { args in
            let me = try args.selfObject(ArtistObject.self)
            return .str(me.strText.isEmpty ? name : me.strText)
        }
        return c
    }

    /// `Text(0.5, 1.0, 'title')`, as `set_title` & co. return.
    static func textValue(_ x: String, _ y: String, _ s: String) -> Value {
        let r = "Text(\(x), \(y), \(Runtime.quoteString(s)))"
        return .object(ArtistObject(text, repr: r, str: r))
    }
}

/// matplotlib's `<Axes: title={'center': 'mean one'}, xlabel='x'>`.
func axesRepr(_ a: Axes) -> String {
    var parts: [String] = []
    if let t = a.title, !t.isEmpty { parts.append("title={'center': \(Runtime.quoteString(t))}") }
    if let x = a.xlabel, !x.isEmpty { parts.append("xlabel=\(Runtime.quoteString(x))") }
    if let y = a.ylabel, !y.isEmpty { parts.append("ylabel=\(Runtime.quoteString(y))") }
    return "<Axes: \(parts.joined(separator: ", "))>"
}

/// `<Figure size 400x200 with 2 Axes>`.
func figureRepr(_ f: Figure) -> String {
    let w = Int((f.figsize.width * f.dpi).rounded()), h = Int((f.figsize.height * f.dpi).rounded())
    return "<Figure size \(w)x\(h) with \(f.axes.count) Axes>"
}

/// The object array of Axes (`plt.subplots`' second result).
enum AxesArrayMethods {
    static func install(on c: PyClass) {
        func me(_ args: Arguments) throws -> AxesArrayObject { try args.selfObject(AxesArrayObject.self) }
        c.define("__repr__") { args in
            let a = try me(args)
            let reprs = a.items.map { axesRepr($0.axes) }
            if a.shape.count == 1 { return .str("array([\(reprs.joined(separator: ", "))], dtype=object)") }
            let cols = a.shape[1]
            let rows = stride(from: 0, to: reprs.count, by: cols).map { "[" + reprs[$0..<($0 + cols)].joined(separator: ", ") + "]" }
            return .str("array([" + rows.joined(separator: ",\n       ") + "], dtype=object)")
        }
        c.define("__len__") { args in .int(try me(args).shape[0]) }
        c.define("__getitem__") { args in try item(try me(args), try args[1]) }
        c.define("__iter__") { args in
            let a = try me(args)
            var i = 0
            return .object(ClosureIterator {
                guard i < a.shape[0] else { return nil }
                i += 1
                return try item(a, .int(i - 1))
            })
        }
        c.defineProperty("shape", get: { v in .object(PyTuple((v.as(AxesArrayObject.self)?.shape ?? []).map { .int($0) })) })
        c.defineProperty("size", get: { v in .int(v.as(AxesArrayObject.self)?.items.count ?? 0) })
        c.defineProperty("ndim", get: { v in .int(v.as(AxesArrayObject.self)?.shape.count ?? 0) })
        c.defineProperty("flat", get: { v in
            let items = v.as(AxesArrayObject.self)?.items ?? []
            return .object(ClosureIterator(arrayIterator(items.map { .object($0) })))
        })
        for name in ["flatten", "ravel"] {
            c.define(name) { args in
                let a = try me(args)
                return .object(AxesArrayObject(a.items, shape: [a.items.count]))
            }
        }
        c.define("tolist") { args in
            let a = try me(args)
            if a.shape.count == 1 { return .object(PyList(a.items.map { .object($0) })) }
            let cols = a.shape[1]
            return .object(PyList(stride(from: 0, to: a.items.count, by: cols).map {
                .object(PyList(a.items[$0..<($0 + cols)].map { .object($0) }))
            }))
        }
    }

    static func arrayIterator(_ items: [Value]) -> () throws -> Value? {
        var i = 0
        return {
            guard i < items.count else { return nil }
            i += 1
            return items[i - 1]
        }
    }

    /// `axs[i]` (a row of a 2-D array, or one Axes), `axs[i, j]`.
    static func item(_ a: AxesArrayObject, _ key: Value) throws -> Value {
        func wrap(_ i: Int, _ n: Int, axis: Int) throws -> Int {
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else { throw pyError(.indexError, "index \(i) is out of bounds for axis \(axis) with size \(n)") }
            return j
        }
        var keys = [key]
        if let t = key.as(PyTuple.self) { keys = t.items }
        guard keys.count <= a.shape.count else {
            throw pyError(.indexError, "too many indices for array: array is \(a.shape.count)-dimensional, but \(keys.count) were indexed")
        }
        let ints = try keys.map { k -> Int in
            guard case .int(let i) = k else { throw notSupported("indexing an array of Axes with \(k.typeName)") }
            return i
        }
        if a.shape.count == 1 { return .object(a.items[try wrap(ints[0], a.shape[0], axis: 0)]) }
        let r = try wrap(ints[0], a.shape[0], axis: 0)
        if ints.count == 1 {
            let cols = a.shape[1]
            return .object(AxesArrayObject(Array(a.items[(r * cols)..<((r + 1) * cols)]), shape: [cols]))
        }
        return .object(a.items[r * a.shape[1] + (try wrap(ints[1], a.shape[1], axis: 1))])
    }
}
