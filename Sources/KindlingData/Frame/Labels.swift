/// One index label: pandas labels rows by integers and a row Series by column names.
public enum Label: Hashable, CustomStringConvertible {
    case int(Int64)
    case float(Double)
    case string(String)

    /// As pandas prints it in a repr (no quotes).
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .float(let v): return pythonFloatRepr(v)
        case .string(let s): return s
        }
    }

    /// As Python's `repr` shows it (`'label'` quoted, numbers bare).
    public var pythonRepr: String {
        if case .string(let s) = self { return pythonQuoted(s) }
        return description
    }
}

/// A pandas index: `RangeIndex` (start/step/count) or an explicit list of labels, with an optional name.
public struct Labels: Equatable {
    public enum Storage: Equatable {
        case range(start: Int64, step: Int64, count: Int)
        case int64([Int64])
        case float64([Double])
        case strings([String])
    }
    public var storage: Storage
    public var name: String?

    public init(_ storage: Storage, name: String? = nil) {
        self.storage = storage
        self.name = name
    }

    /// `RangeIndex(start=0, stop=count, step=1)`.
    public static func range(count: Int) -> Labels { Labels(.range(start: 0, step: 1, count: count)) }
    public static func range(start: Int64, step: Int64, count: Int) -> Labels {
        Labels(.range(start: start, step: step, count: count))
    }

    public var count: Int {
        switch storage {
        case .range(_, _, let n): return n
        case .int64(let a): return a.count
        case .float64(let a): return a.count
        case .strings(let a): return a.count
        }
    }

    public var isRange: Bool { if case .range = storage { return true } else { return false } }

    public subscript(i: Int) -> Label {
        switch storage {
        case .range(let s, let st, _): return .int(s &+ Int64(i) &* st)
        case .int64(let a): return .int(a[i])
        case .float64(let a): return .float(a[i])
        case .strings(let a): return .string(a[i])
        }
    }

    /// Integer labels (nil for string or float labels).
    public var int64Values: [Int64]? {
        switch storage {
        case .range(let s, let st, let n): return (0..<n).map { s &+ Int64($0) &* st }
        case .int64(let a): return a
        default: return nil
        }
    }

    /// Labels at `positions` (a RangeIndex becomes an explicit Int64 index, as in pandas).
    public func take(_ positions: [Int]) -> Labels {
        switch storage {
        case .range, .int64: return Labels(.int64(positions.map { int64Label(at: $0) }), name: name)
        case .float64(let a): return Labels(.float64(positions.map { a[$0] }), name: name)
        case .strings(let a): return Labels(.strings(positions.map { a[$0] }), name: name)
        }
    }

    /// Labels of `start..<stop` by `step` (a RangeIndex stays a RangeIndex).
    public func slice(_ positions: SteppedRange) -> Labels {
        if case .range(let s, let st, _) = storage {
            let first = s &+ Int64(positions.start) &* st
            return Labels(.range(start: first, step: st &* Int64(positions.step), count: positions.count), name: name)
        }
        return take(positions.array)
    }

    @inline(__always) func int64Label(at i: Int) -> Int64 {
        switch storage {
        case .range(let s, let st, _): return s &+ Int64(i) &* st
        case .int64(let a): return a[i]
        default: return 0
        }
    }

    /// All labels as `Label` values.
    public var labels: [Label] { (0..<count).map { self[$0] } }

    /// pandas' repr: `RangeIndex(start=0, stop=5, step=1)` or `Index([...], dtype='int64')`.
    public var pandasRepr: String { formatIndexRepr(self) }
}
