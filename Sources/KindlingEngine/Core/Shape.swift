/// Shape arithmetic shared by every op: element counts with overflow checks,
/// contiguous strides, dimension wrapping and broadcasting.
public enum Shape {
    /// Product of sizes; throws PyTorch's errors for negative sizes or overflow.
    static func numel(_ shape: [Int]) throws -> Int {
        var n = 1
        for s in shape where s < 0 {
            throw TensorError(.runtimeError,
                "Trying to create tensor with negative dimension \(s): \(describe(shape))")
        }
        for s in shape {
            let (p, overflow) = n.multipliedReportingOverflow(by: s)
            if overflow {
                throw TensorError(.runtimeError,
                    "Storage size calculation overflowed with sizes=\(describe(shape))")
            }
            n = p
        }
        return n
    }

    /// Product of sizes already known to be valid (sizes of an existing tensor).
    @inline(__always) static func product(_ shape: [Int]) -> Int {
        var n = 1
        for s in shape { n &*= s }
        return n
    }

    /// Row-major strides for `shape`.
    @inline(__always) static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        var i = shape.count - 1
        while i >= 0 {
            strides[i] = acc
            acc &*= max(shape[i], 1)
            i -= 1
        }
        return strides
    }

    /// Whether (shape, strides) is row-major contiguous (size-1 dims may have any stride).
    @inline(__always) static func isContiguous(_ shape: [Int], _ strides: [Int]) -> Bool {
        var expected = 1
        var i = shape.count - 1
        while i >= 0 {
            let s = shape[i]
            if s == 0 { return true }
            if s != 1 {
                if strides[i] != expected { return false }
                expected &*= s
            }
            i -= 1
        }
        return true
    }

    /// `[2, 3]` as PyTorch prints sizes in messages.
    public static func describe(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// Wraps a possibly negative dim into 0..<rank (rank 0 behaves as rank 1).
    @inline(__always) static func wrapDim(_ dim: Int, rank: Int) throws -> Int {
        let r = max(rank, 1)
        if dim < -r || dim >= r {
            throw TensorError(.indexError,
                "Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + r : dim
    }

    /// The broadcast shape of two shapes (NumPy rules) or PyTorch's error.
    @inline(__always) static func broadcast(_ a: [Int], _ b: [Int]) throws -> [Int] {
        if a == b { return a }
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw TensorError(.runtimeError,
                    "The size of tensor a (\(da)) must match the size of tensor b (\(db)) at non-singleton dimension \(i)")
            }
        }
        return out
    }

    /// Strides that read a tensor of (shape, strides) as if expanded to `target`
    /// (zero stride on broadcast dimensions). `shape` must broadcast to `target`.
    @inline(__always) static func broadcastStrides(_ shape: [Int], _ strides: [Int], to target: [Int]) -> [Int] {
        let lead = target.count - shape.count
        var out = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[lead + i] == 1 {
            out[lead + i] = shape[i] == 1 ? 0 : strides[i]
        }
        return out
    }
}
