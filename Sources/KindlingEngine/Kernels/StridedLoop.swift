/// Iteration over strided layouts. Dimensions are first collapsed where all
/// operands are contiguous across them, so most views reduce to one or two loops.
enum StridedLoop {
    /// Merges adjacent dims that are contiguous for every stride set.
    /// Returns collapsed (shape, [strides per operand]).
    @inline(__always)
    static func collapse(_ shape: [Int], _ strideSets: [[Int]]) -> ([Int], [[Int]]) {
        if shape.count <= 1 { return (shape, strideSets) }
        var outShape: [Int] = []
        var outStrides: [[Int]] = Array(repeating: [], count: strideSets.count)
        outShape.reserveCapacity(shape.count)
        for d in 0..<shape.count {
            if shape[d] == 1 { continue }
            if let lastSize = outShape.last {
                var mergeable = true
                for k in 0..<strideSets.count where outStrides[k][outStrides[k].count - 1] != strideSets[k][d] * shape[d] {
                    mergeable = false
                    break
                }
                if mergeable {
                    outShape[outShape.count - 1] = lastSize * shape[d]
                    for k in 0..<strideSets.count { outStrides[k][outStrides[k].count - 1] = strideSets[k][d] }
                    continue
                }
            }
            outShape.append(shape[d])
            for k in 0..<strideSets.count { outStrides[k].append(strideSets[k][d]) }
        }
        if outShape.isEmpty { return ([1], Array(repeating: [0], count: strideSets.count)) }
        return (outShape, outStrides)
    }

    /// Calls `body(i, offsetA)` for every element in row-major order of `shape`,
    /// `i` being the flat logical index.
    @inline(__always)
    static func forEach1(_ shape: [Int], _ sa: [Int], _ oa: Int, _ body: (Int, Int) -> Void) {
        let (shp, ss) = collapse(shape, [sa])
        let a = ss[0]
        let rank = shp.count
        let inner = shp[rank - 1], ia = a[rank - 1]
        var total = 1
        for s in shp { total &*= s }
        if total == 0 { return }
        var counter = [Int](repeating: 0, count: rank)
        var offA = oa
        var i = 0
        while i < total {
            var pa = offA
            for j in 0..<inner { body(i + j, pa); pa &+= ia }
            i += inner
            var d = rank - 2
            while d >= 0 {
                counter[d] += 1
                offA &+= a[d]
                if counter[d] < shp[d] { break }
                offA &-= a[d] * shp[d]
                counter[d] = 0
                d -= 1
            }
        }
    }

    /// Calls `body(i, offsetA, offsetB)` for every element of `shape`.
    @inline(__always)
    static func forEach2(_ shape: [Int], _ sa: [Int], _ oa: Int, _ sb: [Int], _ ob: Int,
                         _ body: (Int, Int, Int) -> Void) {
        let (shp, ss) = collapse(shape, [sa, sb])
        let a = ss[0], b = ss[1]
        let rank = shp.count
        let inner = shp[rank - 1], ia = a[rank - 1], ib = b[rank - 1]
        var total = 1
        for s in shp { total &*= s }
        if total == 0 { return }
        var counter = [Int](repeating: 0, count: rank)
        var offA = oa, offB = ob
        var i = 0
        while i < total {
            var pa = offA, pb = offB
            for j in 0..<inner { body(i + j, pa, pb); pa &+= ia; pb &+= ib }
            i += inner
            var d = rank - 2
            while d >= 0 {
                counter[d] += 1
                offA &+= a[d]; offB &+= b[d]
                if counter[d] < shp[d] { break }
                offA &-= a[d] * shp[d]; offB &-= b[d] * shp[d]
                counter[d] = 0
                d -= 1
            }
        }
    }

    /// Calls `body(i, offsetA, offsetB, offsetC)` for every element of `shape`.
    @inline(__always)
    static func forEach3(_ shape: [Int], _ sa: [Int], _ oa: Int, _ sb: [Int], _ ob: Int, _ sc: [Int], _ oc: Int,
                         _ body: (Int, Int, Int, Int) -> Void) {
        let (shp, ss) = collapse(shape, [sa, sb, sc])
        let a = ss[0], b = ss[1], c = ss[2]
        let rank = shp.count
        let inner = shp[rank - 1], ia = a[rank - 1], ib = b[rank - 1], ic = c[rank - 1]
        var total = 1
        for s in shp { total &*= s }
        if total == 0 { return }
        var counter = [Int](repeating: 0, count: rank)
        var offA = oa, offB = ob, offC = oc
        var i = 0
        while i < total {
            var pa = offA, pb = offB, pc = offC
            for j in 0..<inner { body(i + j, pa, pb, pc); pa &+= ia; pb &+= ib; pc &+= ic }
            i += inner
            var d = rank - 2
            while d >= 0 {
                counter[d] += 1
                offA &+= a[d]; offB &+= b[d]; offC &+= c[d]
                if counter[d] < shp[d] { break }
                offA &-= a[d] * shp[d]; offB &-= b[d] * shp[d]; offC &-= c[d] * shp[d]
                counter[d] = 0
                d -= 1
            }
        }
    }
}
