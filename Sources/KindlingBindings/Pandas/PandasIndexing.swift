import KindlingData
import KindlingEngine
import KindlingLanguage

/// `df.iloc[...]`, `s.iloc[...]` and `df[...]`, with pandas' results and errors.
enum PandasIndexing {
    static func iloc(_ target: ILocObject.Target, key: Value) throws -> Value {
        switch target {
        case .frame(let frame):
            var rows = key, cols: Value? = nil
            if let t = key.as(PyTuple.self) {
                guard t.items.count <= 2 else { throw PandasErrors.indexing("Too many indexers") }
                rows = t.items.first ?? .none
                cols = t.items.count == 2 ? t.items[1] : nil
            }
            let r = try selector(rows, count: frame.rowCount)
            let c = try cols.map { try selector($0, count: frame.columns.count) } ?? .slice(.all)
            switch try frame.iloc(r, c) {
            case .frame(let f): return .object(DataFrameObject(f))
            case .series(let s): return .object(SeriesObject(s))
            case .scalar(let s): return PandasConvert.value(s)
            }
        case .series(let series):
            if key.as(PyTuple.self) != nil { throw PandasErrors.indexing("Too many indexers") }
            switch try selector(key, count: series.count) {
            case .position(let i): return PandasConvert.value(try series.iloc(i))
            case .slice(let s): return .object(SeriesObject(try series.iloc(s)))
            case .positions(let ps): return .object(SeriesObject(try take(series, ps)))
            case .mask(let m):
                guard m.count == series.count else {
                    throw pyError(.indexError, "Boolean index has wrong length: \(m.count) instead of \(series.count)")
                }
                return .object(SeriesObject(try take(series, m.indices.filter { m[$0] })))
            }
        }
    }

    /// Rows of a Series at positions (negative positions count from the end).
    static func take(_ s: Series, _ positions: [Int]) throws -> Series {
        var out: [Int] = []
        out.reserveCapacity(positions.count)
        for p in positions {
            let j = p < 0 ? p + s.count : p
            guard j >= 0 && j < s.count else { throw pyError(.indexError, "positional indexers are out-of-bounds") }
            out.append(j)
        }
        return Series(values: s.values.take(out), index: s.index.take(out), name: s.name)
    }

    /// One axis of an `.iloc` key.
    static func selector(_ v: Value, count: Int) throws -> Selector {
        switch v {
        case .int(let i): return .position(i)
        case .bool(let b): return .position(b ? 1 : 0)
        default: break
        }
        if let s = v.as(KindlingLanguage.PySlice.self) { return .slice(try PandasConvert.slice(s)) }
        if let s = v.as(SeriesObject.self) { return try selector(buffer: s.series.values) }
        if let a = v.as(NDArrayObject.self), a.array.ndim == 1 { return try selector(buffer: a.array.storage) }
        if v.as(PyList.self) != nil || v.as(PyTuple.self) != nil || v.as(PyRange.self) != nil {
            let items = try Runtime.iterateToArray(v)
            if !items.isEmpty && items.allSatisfy({ if case .bool = $0 { return true } else { return false } }) {
                return .mask(items.map { if case .bool(let b) = $0 { return b } else { return false } })
            }
            return .positions(try items.map { item in
                guard case .int(let i) = item else {
                    throw pyError(.indexError, ".iloc requires numeric indexers, got [\(Runtime.reprOrType(item))]")
                }
                return i
            })
        }
        if let t = v.tensorValue, t.dim == 0, t.dtype == .int64, case .int(let i) = try t.item() { return .position(Int(i)) }
        throw pyError(.typeError, "Cannot index by location index with a non-integer key")
    }

    private static func selector(buffer: NumericBuffer) throws -> Selector {
        switch buffer {
        case .bool(let m): return .mask(m)
        case .float64:
            throw pyError(.indexError, ".iloc requires numeric indexers, got float values")
        default: return .positions(buffer.toInt64s().map { Int($0) })
        }
    }

    /// `df[key]`: a column by name, several columns by a list of names, rows by a boolean
    /// Series or a slice.
    static func frameItem(_ frame: DataFrame, key: Value) throws -> Value {
        if case .str(let name) = key { return .object(SeriesObject(try frame.column(name))) }
        if let mask = key.as(SeriesObject.self) {
            return .object(DataFrameObject(try frame.filter(mask.series)))
        }
        if let s = key.as(KindlingLanguage.PySlice.self) {
            guard case .frame(let f) = try frame.iloc(.slice(try PandasConvert.slice(s)), .slice(.all)) else { return .none }
            return .object(DataFrameObject(f))
        }
        if key.as(PyList.self) != nil || key.as(IndexObject.self) != nil {
            let names = try PandasConvert.labels(key)
            if names.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                return .object(DataFrameObject(try frame.columns(names.map { $0.description })))
            }
            throw pyError(.keyError, "None of [Index([\(names.map { $0.pythonRepr }.joined(separator: ", "))], dtype='int64')] are in the [columns]")
        }
        throw PyException.make(Builtins.keyError, args: [key])
    }

    /// `s[key]`: a value by label, rows by a boolean Series, or positions by a slice.
    static func seriesItem(_ series: Series, key: Value) throws -> Value {
        if let s = key.as(KindlingLanguage.PySlice.self) {
            return .object(SeriesObject(try series.iloc(try PandasConvert.slice(s))))
        }
        if let mask = key.as(SeriesObject.self) {
            guard case .bool(let m) = mask.series.values else {
                throw pyError(.keyError, "a non-boolean Series cannot select rows")
            }
            guard m.count == series.count else {
                throw PandasErrors.indexing("Unalignable boolean Series provided as indexer (index of the boolean Series and of the indexed object do not match).")
            }
            return .object(SeriesObject(try take(series, m.indices.filter { m[$0] })))
        }
        return PandasConvert.value(try series.loc(try PandasConvert.label(key)))
    }
}
