/// "Did you mean" suggestions computed exactly like CPython 3.11 (Python/suggestions.c).
public enum Suggestions {
    static let moveCost = 2, caseCost = 1, maxStringSize = 40, maxCandidates = 750

    /// The closest candidate within CPython's cutoff, or nil.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        if candidates.count > maxCandidates { return nil }
        let a = Array(name.utf8)
        var best: String? = nil
        var bestDistance = Int.max
        for item in candidates where item != name {
            let b = Array(item.utf8)
            var maxDistance = (a.count + b.count + 3) * moveCost / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let d = distance(a, b, maxDistance)
            if d > maxDistance { continue }
            if best == nil || d < bestDistance { best = item; bestDistance = d }
        }
        return best
    }

    static func substitutionCost(_ x: UInt8, _ y: UInt8) -> Int {
        if x & 31 != y & 31 { return moveCost }
        if x == y { return 0 }
        let lx = (x >= 65 && x <= 90) ? x + 32 : x
        let ly = (y >= 65 && y <= 90) ? y + 32 : y
        return lx == ly ? caseCost : moveCost
    }

    static func distance(_ a0: [UInt8], _ b0: [UInt8], _ maxCost: Int) -> Int {
        var a = a0[...], b = b0[...]
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let aa = Array(a), bb = Array(b)
        var buffer = (0..<aa.count).map { ($0 + 1) * moveCost }
        var result = 0
        for bi in 0..<bb.count {
            let code = bb[bi]
            var dist = bi * moveCost
            result = dist
            var minimum = Int.max
            for ai in 0..<aa.count {
                let substitute = dist + substitutionCost(code, aa[ai])
                dist = buffer[ai]
                let insertDelete = min(result, dist) + moveCost
                result = min(insertDelete, substitute)
                buffer[ai] = result
                if result < minimum { minimum = result }
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }
}
