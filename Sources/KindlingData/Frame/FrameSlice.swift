/// A Python slice `start:stop:step` with CPython's `slice.indices` rules (negative and
/// out-of-range bounds clamp, never fail).
public struct FrameSlice: Equatable {
    public var start: Int?
    public var stop: Int?
    public var step: Int?

    public init(_ start: Int? = nil, _ stop: Int? = nil, _ step: Int? = nil) {
        self.start = start; self.stop = stop; self.step = step
    }

    /// `:` — everything.
    public static let all = FrameSlice()

    /// The positions this slice selects in a sequence of `count` items.
    public func positions(count: Int) throws -> SteppedRange {
        var st = step ?? 1
        if st == 0 { throw DataError.value("slice step cannot be zero") }
        // A step longer than the sequence selects at most one item; clamping keeps the arithmetic in range.
        st = st > 0 ? Swift.min(st, count + 1) : Swift.max(st, -(count + 1))
        func clamp(_ v: Int?, _ dflt: Int, low: Int, high: Int) -> Int {
            guard var x = v else { return dflt }
            if x < 0 { x += count; if x < low { x = low } } else if x > high { x = high }
            return x
        }
        if st > 0 {
            let a = clamp(start, 0, low: 0, high: count)
            let b = clamp(stop, count, low: 0, high: count)
            return SteppedRange(start: a, step: st, count: b > a ? (b - a + st - 1) / st : 0)
        }
        let a = clamp(start, count - 1, low: -1, high: count - 1)
        let b = clamp(stop, -1, low: -1, high: count - 1)
        return SteppedRange(start: a, step: st, count: a > b ? (a - b - st - 1) / (-st) : 0)
    }
}

/// What `.iloc[...]` selects along one axis.
public enum Selector {
    case position(Int)
    case slice(FrameSlice)
    case positions([Int])
    case mask([Bool])

    /// Resolves to positions; `single` tells whether the axis collapses (an integer).
    func resolve(count: Int, axisName: String = "") throws -> (positions: [Int], single: Bool, stride: SteppedRange?) {
        switch self {
        case .position(let i):
            let j = i < 0 ? i + count : i
            guard j >= 0 && j < count else { throw DataError.index("single positional indexer is out-of-bounds") }
            return ([j], true, nil)
        case .slice(let s):
            let st = try s.positions(count: count)
            return (st.array, false, st)
        case .positions(let ps):
            var out: [Int] = []
            out.reserveCapacity(ps.count)
            for i in ps {
                let j = i < 0 ? i + count : i
                guard j >= 0 && j < count else { throw DataError.index("positional indexers are out-of-bounds") }
                out.append(j)
            }
            return (out, false, nil)
        case .mask(let m):
            guard m.count == count else {
                throw DataError.index("Boolean index has wrong length: \(m.count) instead of \(count)")
            }
            return (m.indices.filter { m[$0] }, false, nil)
        }
    }
}

/// Evenly spaced positions `start, start+step, ...` (`count` of them): what a slice selects.
public struct SteppedRange: Sequence, Equatable {
    public let start: Int
    public let step: Int
    public let count: Int

    public init(start: Int, step: Int, count: Int) {
        self.start = start; self.step = step; self.count = Swift.max(count, 0)
    }

    /// `start..<stop` by 1.
    public init(_ r: Range<Int>) { self.init(start: r.lowerBound, step: 1, count: r.count) }

    public var isContiguous: Bool { step == 1 }
    public var array: [Int] { (0..<count).map { start + $0 * step } }
    public func makeIterator() -> IndexingIterator<[Int]> { array.makeIterator() }
}
