extension PySet {
    /// The order CPython iterates this set in. For sets of ints it is simulated exactly from
    /// CPython's hash table (open addressing, 9 linear probes, perturbation, resize at 3/5 full);
    /// other sets keep insertion order (CPython's string hashes are randomised per process anyway).
    public var iterationOrder: [Value] {
        guard items.count > 1 else { return items }
        var hashes: [Int] = []
        hashes.reserveCapacity(items.count)
        for v in items {
            switch v {
            case .int(let i): hashes.append(i == -1 ? -2 : i)
            case .bool(let b): hashes.append(b ? 1 : 0)
            default: return items
            }
        }
        return PySet.cpythonTableOrder(hashes).map { items[$0] }
    }

    /// Indices of `hashes` (inserted in order) in CPython's set table order.
    static func cpythonTableOrder(_ hashes: [Int]) -> [Int] {
        let linearProbes = 9
        var mask = 7
        var table = [Int](repeating: -1, count: 8)
        var fill = 0
        func insertClean(_ t: inout [Int], _ mask: Int, _ index: Int) {
            var perturb = UInt(bitPattern: hashes[index])
            var i = Int(perturb & UInt(mask))
            while true {
                if t[i] < 0 { t[i] = index; return }
                if i + linearProbes <= mask {
                    for j in 1...linearProbes where t[i + j] < 0 { t[i + j] = index; return }
                }
                perturb >>= 5
                i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
            }
        }
        for index in 0..<hashes.count {
            insertClean(&table, mask, index)
            fill += 1
            if fill * 5 >= mask * 3 {
                let minUsed = fill > 50000 ? fill * 2 : fill * 4
                var newSize = 8
                while newSize <= minUsed { newSize <<= 1 }
                var newTable = [Int](repeating: -1, count: newSize)
                for old in table where old >= 0 { insertClean(&newTable, newSize - 1, old) }
                table = newTable
                mask = newSize - 1
            }
        }
        return table.filter { $0 >= 0 }
    }
}
