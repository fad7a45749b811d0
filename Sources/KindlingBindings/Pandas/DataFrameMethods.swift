import KindlingData
import KindlingLanguage

/// Defines `name(self, params...)` on a pandas class whose instances are `T`.
func pandasMethod<T: PyObject>(_ c: PyClass, _ type: T.Type, _ name: String, _ params: [String] = [],
                               _ body: @escaping (T, BoundArguments) throws -> Value) {
    let signature = Signature(parsing: ["self"] + params)
    c.define(name) { args in
        var a = args
        a.functionName = name
        let me = try a.selfObject(T.self)
        return try body(me, try a.bind(signature))
    }
}

/// `pandas.DataFrame`'s methods and properties.
enum DataFrameMethods {
    static func install(on c: PyClass) {
        func frame(_ v: Value) throws -> DataFrame {
            guard let f = v.as(DataFrameObject.self) else { throw pyError(.typeError, "expected a DataFrame, got \(v.typeName)") }
            return f.frame
        }
        func wrap(_ f: DataFrame) -> Value { .object(DataFrameObject(f)) }

        pandasMethod(c, DataFrameObject.self, "__repr__") { me, _ in .str(me.frame.pandasRepr()) }
        pandasMethod(c, DataFrameObject.self, "__str__") { me, _ in .str(me.frame.pandasRepr()) }
        pandasMethod(c, DataFrameObject.self, "_repr_html_") { me, _ in .str(DataFrameHTML.html(me.frame)) }
        pandasMethod(c, DataFrameObject.self, "__len__") { me, _ in .int(me.frame.rowCount) }
        pandasMethod(c, DataFrameObject.self, "__getitem__", ["key"]) { me, b in
            try PandasIndexing.frameItem(me.frame, key: b["key"])
        }
        pandasMethod(c, DataFrameObject.self, "__contains__", ["key"]) { me, b in
            if case .str(let s) = b["key"] { return .bool(me.frame.columns.contains(s)) }
            return .bool(false)
        }
        pandasMethod(c, DataFrameObject.self, "__iter__") { me, _ in
            .object(ClosureIterator(columnIterator(me.frame.columns)))
        }
        pandasMethod(c, DataFrameObject.self, "keys") { me, _ in .object(IndexObject(Labels(.strings(me.frame.columns)))) }
        c.defineProperty("shape", get: { v in
            let f = try frame(v)
            return PandasConvert.tuple([f.shape.rows, f.shape.columns])
        })
        c.defineProperty("columns", get: { v in .object(IndexObject(Labels(.strings(try frame(v).columns)))) })
        c.defineProperty("index", get: { v in .object(IndexObject(try frame(v).index)) })
        c.defineProperty("values", get: { v in .object(NDArrayObject(valuesOf: try frame(v))) })
        c.defineProperty("size", get: { v in let f = try frame(v); return .int(f.rowCount * f.columns.count) })
        c.defineProperty("ndim", get: { _ in .int(2) })
        c.defineProperty("empty", get: { v in .bool(try frame(v).isEmpty) })
        // A Series of dtype objects needs object-dtype Series, which Kindling lacks.
        c.defineProperty("dtypes", get: { _ in throw notSupported("DataFrame.dtypes (a Series of dtype objects)") })
        c.defineProperty("iloc", get: { v in .object(ILocObject(.frame(try frame(v)))) })
        pandasMethod(c, DataFrameObject.self, "to_numpy") { me, _ in .object(NDArrayObject(valuesOf: me.frame)) }
        pandasMethod(c, DataFrameObject.self, "copy", ["deep=True"]) { me, _ in wrap(me.frame) }
        pandasMethod(c, DataFrameObject.self, "describe", ["percentiles=None", "include=None", "exclude=None"]) { me, b in
            for option in ["percentiles", "include", "exclude"] where !b[option].isNone {
                throw notSupported("DataFrame.describe(\(option)=...)")
            }
            guard let d = me.frame.describe() else { throw notSupported("DataFrame.describe() of a frame without numeric columns") }
            return wrap(d)
        }
        pandasMethod(c, DataFrameObject.self, "head", ["n=5"]) { me, b in wrap(me.frame.head(try b.int("n"))) }
        pandasMethod(c, DataFrameObject.self, "tail", ["n=5"]) { me, b in wrap(me.frame.tail(try b.int("n"))) }
        pandasMethod(c, DataFrameObject.self, "sample",
                     ["n=None", "frac=None", "replace=False", "weights=None", "random_state=None", "axis=None",
                      "ignore_index=False"]) { me, b in
            try checkRowAxis(b["axis"], function: "sample")
            if !b["weights"].isNone { throw notSupported("DataFrame.sample(weights=...)") }
            let seed = try randomState(b["random_state"])
            var out = try me.frame.sample(n: try PandasConvert.optionalInt(b["n"], "n"), frac: try b.optionalDouble("frac"),
                                          replace: try b.bool("replace"), randomState: seed)
            if try b.bool("ignore_index") { out = out.resetIndex() }
            return wrap(out)
        }
        pandasMethod(c, DataFrameObject.self, "drop",
                     ["labels=None", "*", "axis=0", "index=None", "columns=None", "inplace=False", "errors='raise'"]) { me, b in
            if try b.bool("inplace") { throw notSupported("DataFrame.drop(inplace=True)") }
            if case .str(let e) = b["errors"], e != "raise" { throw notSupported("DataFrame.drop(errors='\(e)')") }
            let alongColumns = try isColumnAxis(b["axis"])
            var out = me.frame
            if !b["labels"].isNone && (b.isGiven("index") || b.isGiven("columns")) {
                throw pyError(.valueError, "Cannot specify both 'labels' and 'index'/'columns'")
            }
            if !b["labels"].isNone {
                if alongColumns { out = try out.drop(columns: try columnNames(b["labels"])) }
                else { out = try out.drop(labels: try PandasConvert.labels(b["labels"])) }
            } else if !b.isGiven("index") && !b.isGiven("columns") {
                throw pyError(.valueError, "Need to specify at least one of 'labels', 'index' or 'columns'")
            }
            if b.isGiven("index") { out = try out.drop(labels: try PandasConvert.labels(b["index"])) }
            if b.isGiven("columns") { out = try out.drop(columns: try columnNames(b["columns"])) }
            return wrap(out)
        }
        pandasMethod(c, DataFrameObject.self, "reset_index", ["level=None", "*", "drop=False", "inplace=False"]) { me, b in
            if try b.bool("inplace") { throw notSupported("DataFrame.reset_index(inplace=True)") }
            if !b["level"].isNone { throw notSupported("DataFrame.reset_index(level=...)") }
            if try b.bool("drop") { return wrap(me.frame.resetIndex()) }
            guard let labels = me.frame.index.int64Values else { throw notSupported("reset_index() of a non-integer index") }
            let name = me.frame.index.name ?? (me.frame.columns.contains("index") ? "level_0" : "index")
            if me.frame.columns.contains(name) { throw pyError(.valueError, "cannot insert \(name), already exists") }
            return wrap(try DataFrame(columns: [name] + me.frame.columns, data: [.int64(labels)] + me.frame.data))
        }
    }

    /// `axis=` for row operations: None, 0 or 'index'.
    static func checkRowAxis(_ v: Value, function: String) throws {
        if try isColumnAxis(v) { throw notSupported("DataFrame.\(function)(axis=1)") }
    }

    static func isColumnAxis(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .int(0): return false
        case .int(1): return true
        case .str("index"), .str("rows"): return false
        case .str("columns"): return true
        default: throw pyError(.valueError, "No axis named \(Runtime.reprOrType(v)) for object type DataFrame")
        }
    }

    static func columnNames(_ v: Value) throws -> [String] {
        try PandasConvert.labels(v).map { $0.description }
    }

    /// `random_state=`: None or an int seed (numpy's legacy RandomState).
    static func randomState(_ v: Value) throws -> Int64? {
        switch v {
        case .none: return nil
        case .int(let i): return Int64(i)
        case .bool(let b): return b ? 1 : 0
        default: throw pyError(.valueError, "random_state must be an integer, array-like, a BitGenerator, Generator, a numpy RandomState, or None")
        }
    }

    static func columnIterator(_ names: [String]) -> () throws -> Value? {
        var i = 0
        return {
            guard i < names.count else { return nil }
            i += 1
            return .str(names[i - 1])
        }
    }
}
