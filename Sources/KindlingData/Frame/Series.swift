/// A pandas Series subset: typed values, an index, an optional name.
public struct Series {
    public private(set) var values: NumericBuffer
    public private(set) var index: Labels
    /// `series.name` (a column name, or a row's label for `df.iloc[i]`).
    public var name: Label?

    public init(values: NumericBuffer, index: Labels? = nil, name: Label? = nil) {
        self.values = values
        self.index = index ?? .range(count: values.count)
        self.name = name
    }

    /// `len(s)`.
    public var count: Int { values.count }
    public var dtype: FrameDType { values.dtype }

    /// `s.tolist()`.
    public func toList() -> [FrameScalar] { (0..<count).map { values.scalar(at: $0) } }

    /// `s.values` / `s.to_numpy()`: a 1-D array.
    public var array: NDArray { NDArray(unchecked: values, shape: [count]) }

    /// `s.iloc[i]`.
    public func iloc(_ i: Int) throws -> FrameScalar {
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw DataError.index("single positional indexer is out-of-bounds") }
        return values.scalar(at: j)
    }

    /// `s.iloc[a:b:c]`.
    public func iloc(_ s: FrameSlice) throws -> Series {
        let st = try s.positions(count: count)
        return Series(values: values.take(st.array), index: index.slice(st), name: name)
    }

    /// `s[label]` / `s.loc[label]`: the value with that index label (KeyError when absent).
    public func loc(_ label: Label) throws -> FrameScalar {
        for i in 0..<index.count where index[i] == label { return values.scalar(at: i) }
        throw DataError.key(label.pythonRepr)
    }

    public func head(_ n: Int = 5) -> Series {
        let stop = n >= 0 ? min(n, count) : max(count + n, 0)
        return Series(values: values.slice(0..<stop), index: index.slice(SteppedRange(0..<stop)), name: name)
    }

    public func tail(_ n: Int = 5) -> Series {
        let start = n >= 0 ? max(count - n, 0) : (n < -count ? count : -n)
        return Series(values: values.slice(start..<count), index: index.slice(SteppedRange(start..<count)), name: name)
    }

    /// `s.reset_index(drop=True)`.
    public func resetIndex() -> Series { Series(values: values, index: .range(count: count), name: name) }

    /// Sum as Python would return it (int for int64/bool, float otherwise; NaN skipped like pandas).
    public func sum() -> FrameScalar {
        switch values {
        case .uint8(let a): return .int(a.reduce(0) { $0 + Int64($1) })
        case .int64(let a): return .int(a.reduce(0, &+))
        case .bool(let a): return .int(Int64(a.filter { $0 }.count))
        case .float64(let a): return .float(a.reduce(0) { $1.isNaN ? $0 : $0 + $1 })
        }
    }

    /// Mean, skipping NaN as pandas does.
    public func mean() -> Double {
        let d = values.toDoubles().filter { !$0.isNaN }
        return d.isEmpty ? .nan : d.reduce(0, +) / Double(d.count)
    }
}

/// The comparison operators pandas broadcasts over a Series.
public enum ComparisonOp: String {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="

    @inline(__always) func apply(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .eq: return a == b
        case .ne: return a != b      // NaN != x is True, as in pandas
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        }
    }

    @inline(__always) func apply(_ a: Int64, _ b: Int64) -> Bool {
        switch self {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        }
    }
}

extension Series {
    /// `s == 3`, `s > 0.5`, ...: a bool Series with the same index and name.
    public func compare(_ op: ComparisonOp, _ other: FrameScalar) -> Series {
        let out: [Bool]
        switch (values, other) {
        case (.uint8(let a), .int(let b)): out = a.map { op.apply(Int64($0), b) }
        case (.int64(let a), .int(let b)): out = a.map { op.apply($0, b) }
        case (.bool(let a), .int(let b)): out = a.map { op.apply(Int64($0 ? 1 : 0), b) }
        case (.bool(let a), .bool(let b)): out = a.map { op.apply(Int64($0 ? 1 : 0), Int64(b ? 1 : 0)) }
        default:
            let b = other.doubleValue
            out = (0..<count).map { op.apply(values.double(at: $0), b) }
        }
        return Series(values: .bool(out), index: index, name: name)
    }

    /// `s1 == s2`: element-wise, both Series must carry the same labels (pandas' rule).
    public func compare(_ op: ComparisonOp, _ other: Series) throws -> Series {
        guard other.index == index || (other.count == count && other.index.labels == index.labels) else {
            throw DataError.value("Can only compare identically-labeled Series objects")
        }
        let out = (0..<count).map { i -> Bool in
            switch (values.scalar(at: i), other.values.scalar(at: i)) {
            case (.int(let a), .int(let b)): return op.apply(a as Int64, b as Int64)
            case (let a, let b): return op.apply(a.doubleValue as Double, b.doubleValue as Double)
            }
        }
        return Series(values: .bool(out), index: index, name: name == other.name ? name : nil)
    }

    /// `s.value_counts()`: counts of each distinct value, most frequent first (ties in order of
    /// first appearance), NaN left out; the result is named `count` and indexed by the values
    /// under this Series' name.
    public func valueCounts() -> Series {
        var order: [FrameScalar] = []
        var counts: [FrameScalar: Int] = [:]
        for i in 0..<count {
            let v = values.scalar(at: i)
            if case .float(let d) = v, d.isNaN { continue }
            if let c = counts[v] { counts[v] = c + 1 } else { counts[v] = 1; order.append(v) }
        }
        let sorted = order.enumerated().sorted { a, b in
            let ca = counts[a.element] ?? 0, cb = counts[b.element] ?? 0
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map { $0.element }
        let labelName = name?.description
        let labels: Labels
        switch values {
        case .float64: labels = Labels(.float64(sorted.map { $0.doubleValue }), name: labelName)
        case .bool:
            labels = Labels(.strings(sorted.map { $0.description }), name: labelName)
        default: labels = Labels(.int64(sorted.map { if case .int(let v) = $0 { return v } else { return 0 } }), name: labelName)
        }
        return Series(values: .int64(sorted.map { Int64(counts[$0] ?? 0) }), index: labels, name: .string("count"))
    }
}

extension FrameScalar: Hashable {
    public func hash(into h: inout Hasher) {
        switch self {
        case .int(let v): h.combine(0); h.combine(v)
        case .float(let v): h.combine(1); h.combine(v)
        case .bool(let v): h.combine(2); h.combine(v)
        }
    }
}
