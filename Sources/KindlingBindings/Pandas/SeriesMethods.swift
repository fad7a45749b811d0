import KindlingData
import KindlingLanguage

/// `pandas.Series`' methods, properties and operators.
enum SeriesMethods {
    static func install(on c: PyClass) {
        func series(_ v: Value) throws -> Series {
            guard let s = v.as(SeriesObject.self) else { throw pyError(.typeError, "expected a Series, got \(v.typeName)") }
            return s.series
        }
        func wrap(_ s: Series) -> Value { .object(SeriesObject(s)) }

        pandasMethod(c, SeriesObject.self, "__repr__") { me, _ in .str(me.series.pandasRepr()) }
        pandasMethod(c, SeriesObject.self, "__str__") { me, _ in .str(me.series.pandasRepr()) }
        pandasMethod(c, SeriesObject.self, "__len__") { me, _ in .int(me.series.count) }
        pandasMethod(c, SeriesObject.self, "__getitem__", ["key"]) { me, b in
            try PandasIndexing.seriesItem(me.series, key: b["key"])
        }
        pandasMethod(c, SeriesObject.self, "__iter__") { me, _ in
            let s = me.series
            var i = 0
            return .object(ClosureIterator {
                guard i < s.count else { return nil }
                i += 1
                return PandasConvert.value(s.values.scalar(at: i - 1))
            })
        }
        pandasMethod(c, SeriesObject.self, "__contains__", ["key"]) { me, b in
            guard let label = try? PandasConvert.label(b["key"]) else { return .bool(false) }
            return .bool(me.series.index.labels.contains(label))
        }
        c.defineProperty("values", get: { v in .object(NDArrayObject(try series(v).array)) })
        c.defineProperty("index", get: { v in .object(IndexObject(try series(v).index)) })
        c.defineProperty("name", get: { v in try series(v).name.map(PandasConvert.value) ?? .none })
        c.defineProperty("dtype", get: { v in .object(NumpyDTypeObject(try series(v).dtype.rawValue)) })
        c.defineProperty("shape", get: { v in PandasConvert.tuple([try series(v).count]) })
        c.defineProperty("size", get: { v in .int(try series(v).count) })
        c.defineProperty("ndim", get: { _ in .int(1) })
        c.defineProperty("empty", get: { v in .bool(try series(v).count == 0) })
        c.defineProperty("iloc", get: { v in .object(ILocObject(.series(try series(v)))) })
        pandasMethod(c, SeriesObject.self, "to_numpy") { me, _ in .object(NDArrayObject(me.series.array)) }
        for name in ["tolist", "to_list"] {
            pandasMethod(c, SeriesObject.self, name) { me, _ in
                .object(PyList(me.series.toList().map(PandasConvert.value)))
            }
        }
        pandasMethod(c, SeriesObject.self, "describe", ["percentiles=None", "include=None", "exclude=None"]) { me, b in
            for option in ["percentiles", "include", "exclude"] where !b[option].isNone {
                throw notSupported("Series.describe(\(option)=...)")
            }
            guard let d = me.series.describe() else { throw notSupported("Series.describe() of a bool Series") }
            return wrap(d)
        }
        pandasMethod(c, SeriesObject.self, "copy", ["deep=True"]) { me, _ in wrap(me.series) }
        pandasMethod(c, SeriesObject.self, "head", ["n=5"]) { me, b in wrap(me.series.head(try b.int("n"))) }
        pandasMethod(c, SeriesObject.self, "tail", ["n=5"]) { me, b in wrap(me.series.tail(try b.int("n"))) }
        pandasMethod(c, SeriesObject.self, "value_counts",
                     ["normalize=False", "sort=True", "ascending=False", "bins=None", "dropna=True"]) { me, b in
            if try b.bool("normalize") || !b["bins"].isNone || !(try b.bool("sort")) || (try b.bool("ascending"))
                || !(try b.bool("dropna")) {
                throw notSupported("value_counts() with normalize, bins, sort, ascending or dropna")
            }
            return wrap(me.series.valueCounts())
        }
        pandasMethod(c, SeriesObject.self, "reset_index", ["level=None", "*", "drop=False", "name=None", "inplace=False"]) { me, b in
            guard try b.bool("drop"), !(try b.bool("inplace")), b["level"].isNone else {
                throw notSupported("Series.reset_index() without drop=True")
            }
            return wrap(me.series.resetIndex())
        }
        pandasMethod(c, SeriesObject.self, "sum") { me, _ in PandasConvert.value(me.series.sum()) }
        pandasMethod(c, SeriesObject.self, "mean") { me, _ in .float(me.series.mean()) }
        pandasMethod(c, SeriesObject.self, "min") { me, _ in try extreme(me.series, largest: false) }
        pandasMethod(c, SeriesObject.self, "max") { me, _ in try extreme(me.series, largest: true) }
        pandasMethod(c, SeriesObject.self, "unique") { me, _ in
            var seen = Set<FrameScalar>()
            let firsts = (0..<me.series.count).filter { seen.insert(me.series.values.scalar(at: $0)).inserted }
            return .object(NDArrayObject(try NDArray(me.series.values.take(firsts), shape: [firsts.count])))
        }
        pandasMethod(c, SeriesObject.self, "nunique") { me, _ in
            .int(Set((0..<me.series.count).map { me.series.values.scalar(at: $0) }).count)
        }
        installOperators(on: c)
    }

    /// `s.min()` / `s.max()` (NaN skipped; NaN for an empty Series).
    static func extreme(_ s: Series, largest: Bool) throws -> Value {
        var best: FrameScalar?
        for i in 0..<s.count {
            let v = s.values.scalar(at: i)
            if case .float(let d) = v, d.isNaN { continue }
            if let b = best {
                if largest ? v.doubleValue > b.doubleValue : v.doubleValue < b.doubleValue { best = v }
            } else { best = v }
        }
        return best.map(PandasConvert.value) ?? .float(.nan)
    }

    static func installOperators(on c: PyClass) {
        let ops: [(String, ComparisonOp)] = [("__eq__", .eq), ("__ne__", .ne), ("__lt__", .lt), ("__le__", .le),
                                             ("__gt__", .gt), ("__ge__", .ge)]
        for (name, op) in ops {
            pandasMethod(c, SeriesObject.self, name, ["other"]) { me, b in
                let other = b["other"]
                if let o = other.as(SeriesObject.self) { return .object(SeriesObject(try me.series.compare(op, o.series))) }
                if let s = PandasConvert.scalar(other) { return .object(SeriesObject(me.series.compare(op, s))) }
                if op == .eq || op == .ne {
                    let all = Array(repeating: op == .ne, count: me.series.count)
                    return .object(SeriesObject(Series(values: .bool(all), index: me.series.index, name: me.series.name)))
                }
                throw pyError(.typeError, "Invalid comparison between dtype=\(me.series.dtype.rawValue) and \(other.typeName)")
            }
        }
        for (name, combine) in [("__and__", { (a: Bool, b: Bool) in a && b }), ("__or__", { $0 || $1 }),
                                ("__xor__", { $0 != $1 })] {
            pandasMethod(c, SeriesObject.self, name, ["other"]) { me, b in
                let mine = try bools(me.series, name)
                let theirs: [Bool]
                if let o = b["other"].as(SeriesObject.self) {
                    guard o.series.count == me.series.count else {
                        throw pyError(.valueError, "Can only compare identically-labeled Series objects")
                    }
                    theirs = try bools(o.series, name)
                } else if case .bool(let v) = b["other"] {
                    theirs = Array(repeating: v, count: mine.count)
                } else { return Builtins.notImplemented }
                let out = zip(mine, theirs).map(combine)
                return .object(SeriesObject(Series(values: .bool(out), index: me.series.index, name: me.series.name)))
            }
        }
        pandasMethod(c, SeriesObject.self, "__invert__") { me, _ in
            let out = try bools(me.series, "__invert__").map { !$0 }
            return .object(SeriesObject(Series(values: .bool(out), index: me.series.index, name: me.series.name)))
        }
    }

    private static func bools(_ s: Series, _ op: String) throws -> [Bool] {
        guard case .bool(let b) = s.values else { throw notSupported("\(op) on a Series of dtype \(s.dtype.rawValue)") }
        return b
    }
}

/// `pandas.Index` / `RangeIndex`.
enum IndexMethods {
    static func install(on c: PyClass) {
        pandasMethod(c, IndexObject.self, "__repr__") { me, _ in .str(me.labels.pandasRepr) }
        pandasMethod(c, IndexObject.self, "__len__") { me, _ in .int(me.labels.count) }
        pandasMethod(c, IndexObject.self, "__getitem__", ["key"]) { me, b in
            if let s = b["key"].as(KindlingLanguage.PySlice.self) {
                return .object(IndexObject(me.labels.slice(try PandasConvert.slice(s).positions(count: me.labels.count))))
            }
            guard case .int(let i) = b["key"] else { throw notSupported("indexing an Index with \(b["key"].typeName)") }
            let j = i < 0 ? i + me.labels.count : i
            guard j >= 0 && j < me.labels.count else {
                throw pyError(.indexError, "index \(i) is out of bounds for axis 0 with size \(me.labels.count)")
            }
            return PandasConvert.value(me.labels[j])
        }
        pandasMethod(c, IndexObject.self, "__iter__") { me, _ in
            let labels = me.labels
            var i = 0
            return .object(ClosureIterator {
                guard i < labels.count else { return nil }
                i += 1
                return PandasConvert.value(labels[i - 1])
            })
        }
        pandasMethod(c, IndexObject.self, "__contains__", ["key"]) { me, b in
            guard let label = try? PandasConvert.label(b["key"]) else { return .bool(false) }
            return .bool(me.labels.labels.contains(label))
        }
        for name in ["tolist", "to_list"] {
            pandasMethod(c, IndexObject.self, name) { me, _ in .object(PyList(me.labels.labels.map(PandasConvert.value))) }
        }
        c.defineProperty("name", get: { v in v.as(IndexObject.self)?.labels.name.map { .str($0) } ?? .none })
        c.defineProperty("values", get: { v in
            guard let l = v.as(IndexObject.self)?.labels, let ints = l.int64Values else {
                throw notSupported("Index.values of a non-integer index")
            }
            return .object(NDArrayObject(try NDArray(.int64(ints), shape: [ints.count])))
        })
    }
}
