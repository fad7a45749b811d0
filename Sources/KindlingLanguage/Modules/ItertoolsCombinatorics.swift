/// `permutations` and `combinations` as lazy index walks, in CPython's order.
enum Combinatorics {
    static func permutations(_ pool: [Value], _ r: Int) -> () throws -> Value? {
        let n = pool.count
        var indices = Array(0..<n)
        var cycles = Array(stride(from: n, to: n - r, by: -1))
        var first = true, done = r > n
        func current() -> Value { .object(PyTuple(indices[0..<r].map { pool[$0] })) }
        return {
            if done { return nil }
            if first { first = false; return current() }
            if n == 0 { done = true; return nil }
            var i = r - 1
            while i >= 0 {
                cycles[i] -= 1
                if cycles[i] == 0 {
                    let moved = indices[i]
                    indices.remove(at: i)
                    indices.append(moved)
                    cycles[i] = n - i
                } else {
                    indices.swapAt(i, n - cycles[i])
                    return current()
                }
                i -= 1
            }
            done = true
            return nil
        }
    }

    static func combinations(_ pool: [Value], _ r: Int, replacement: Bool) -> () throws -> Value? {
        let n = pool.count
        var indices = replacement ? [Int](repeating: 0, count: r) : Array(0..<r)
        var first = true
        var done = replacement ? (n == 0 && r > 0) : r > n
        func current() -> Value { .object(PyTuple(indices.map { pool[$0] })) }
        return {
            if done { return nil }
            if first { first = false; return current() }
            var i = r - 1
            while i >= 0 && indices[i] == (replacement ? n - 1 : i + n - r) { i -= 1 }
            if i < 0 { done = true; return nil }
            if replacement {
                let v = indices[i] + 1
                for j in i..<r { indices[j] = v }
            } else {
                indices[i] += 1
                for j in (i + 1)..<max(i + 1, r) { indices[j] = indices[j - 1] + 1 }
            }
            return current()
        }
    }
}

/// `groupby`: consecutive runs of equal keys; each group reads from the shared source and
/// becomes empty once the next group is requested, as in CPython.
final class GroupBy {
    let source: PyIterator
    let keyFunction: Value
    let grouperClass: PyClass
    var currentValue: Value?
    var currentKey: Value = .none
    var targetKey: Value?
    var groupNumber = 0

    init(_ source: PyIterator, _ key: Value, _ grouperClass: PyClass) {
        self.source = source
        self.keyFunction = key
        self.grouperClass = grouperClass
    }

    static func make(_ a: Arguments, _ c: PyClass) throws -> PyIterator {
        let b = try a.bind(["iterable", "key=None"])
        let state = GroupBy(try Runtime.makeIterator(b["iterable"]), b["key"],
                            PyClass(native: "_grouper", base: Builtins.iterator, module: "itertools"))
        return ClosureIterator(cls: c) { try state.nextGroup() }
    }

    private func advance() throws -> Bool {
        guard let v = try source.next() else { return false }
        currentValue = v
        currentKey = keyFunction.isNone ? v : try Runtime.call(keyFunction, [v])
        return true
    }

    func nextGroup() throws -> Value? {
        while true {
            if currentValue == nil, !(try advance()) { return nil }
            if let t = targetKey, try Runtime.valuesEqual(currentKey, t) { currentValue = nil; continue }
            break
        }
        targetKey = currentKey
        groupNumber += 1
        let mine = groupNumber
        let key = currentKey
        let grouper = ClosureIterator(cls: grouperClass) { [self] in
            guard mine == self.groupNumber else { return nil }
            if self.currentValue == nil, !(try self.advance()) { return nil }
            guard try Runtime.valuesEqual(self.currentKey, key) else { return nil }
            let v = self.currentValue
            self.currentValue = nil
            return v
        }
        return .object(PyTuple([key, .object(grouper)]))
    }
}
