import KindlingData
import KindlingEngine
import KindlingLanguage

/// Conversions between Python values and KindlingData's values.
enum PandasConvert {
    /// A data scalar as a Python value (pandas gives numpy scalars; plain ints/floats/bools print the same).
    static func value(_ s: FrameScalar) -> Value {
        switch s {
        case .int(let v): return .int(Int(v))
        case .float(let v): return .float(v)
        case .bool(let v): return .bool(v)
        }
    }

    /// A Python number or bool as a data scalar, nil otherwise.
    static func scalar(_ v: Value) -> FrameScalar? {
        switch v {
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        default:
            if let t = v.tensorValue, t.numel == 1, let s = try? t.item() {
                switch s {
                case .int(let i): return .int(i)
                case .float(let f): return .float(Double(f))
                case .bool(let b): return .bool(b)
                }
            }
            return nil
        }
    }

    /// An index label as a Python value.
    static func value(_ label: Label) -> Value {
        switch label {
        case .int(let v): return .int(Int(v))
        case .float(let v): return .float(v)
        case .string(let s): return .str(s)
        }
    }

    /// A Python value used as an index label.
    static func label(_ v: Value) throws -> Label {
        switch v {
        case .int(let i): return .int(Int64(i))
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return d.rounded() == d && abs(d) < 9e18 ? .int(Int64(d)) : .float(d)
        case .str(let s): return .string(s)
        default:
            if let s = scalar(v), case .int(let i) = s { return .int(i) }
            throw pyError(.typeError, "unhashable type: '\(v.typeName)'")
        }
    }

    /// Labels given as an Index, a Series, a list/tuple, a range or one label.
    static func labels(_ v: Value) throws -> [Label] {
        if let i = v.as(IndexObject.self) { return i.labels.labels }
        if let s = v.as(SeriesObject.self) { return (0..<s.series.count).map { s.series.values.scalar(at: $0) }.map(label(of:)) }
        if let a = v.as(NDArrayObject.self) { return (0..<a.array.count).map { a.array.storage.scalar(at: $0) }.map(label(of:)) }
        if v.as(PyList.self) != nil || v.as(PyTuple.self) != nil || v.as(PyRange.self) != nil {
            return try Runtime.iterateToArray(v).map(label)
        }
        return [try label(v)]
    }

    private static func label(of s: FrameScalar) -> Label {
        switch s {
        case .int(let v): return .int(v)
        case .float(let d): return .float(d)
        case .bool(let b): return .int(b ? 1 : 0)
        }
    }

    /// An optional int argument (None, int, or an integral float as pandas accepts for `n`).
    static func optionalInt(_ v: Value, _ name: String) throws -> Int? {
        if v.isNone { return nil }
        if case .int(let i) = v { return i }
        if case .bool(let b) = v { return b ? 1 : 0 }
        throw pyError(.typeError, "\(name) must be an integer, not \(v.typeName)")
    }

    /// A Python `slice` object as KindlingData's slice.
    static func slice(_ s: KindlingLanguage.PySlice) throws -> FrameSlice {
        func bound(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            if case .int(let i) = v { return i }
            throw pyError(.typeError, "cannot do positional indexing with these indexers [\(Runtime.reprOrType(v))] of type \(v.typeName)")
        }
        return FrameSlice(try bound(s.start), try bound(s.stop), try bound(s.step))
    }

    /// A tuple as Python's `(a, b)` value.
    static func tuple(_ items: [Int]) -> Value { .object(PyTuple(items.map { .int($0) })) }
}

extension Runtime {
    /// `repr(v)`, or its type name when repr itself fails (for error messages).
    static func reprOrType(_ v: Value) -> String { (try? Runtime.repr(v)) ?? v.typeName }
}
