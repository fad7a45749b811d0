/// `torch.einsum` for one or two operands with one letter per dimension:
/// letters summed away, permuted, or contracted through one batched product
/// (batch letters, each side's own letters, contracted letters), as PyTorch's
/// own strategy does. Ellipses, repeated letters within an operand (diagonals)
/// and three or more operands are refused.
extension Tensor {
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws -> Tensor {
        let spec = equation.filter { $0 != " " }
        if spec.contains(".") { throw unsupported("einsum with '...' (ellipsis)") }
        let parts = spec.split(separator: "->", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 2 { throw TensorError(.runtimeError, "einsum(): found '->' more than once") }
        let inputs = parts[0].split(separator: ",", omittingEmptySubsequences: false).map { Array($0) }
        if inputs.count != operands.count {
            throw TensorError(.runtimeError,
                "einsum(): more operands were provided than specified in the equation")
        }
        if operands.isEmpty || operands.count > 2 { throw unsupported("einsum with \(operands.count) operands") }
        for (i, letters) in inputs.enumerated() {
            if letters.contains(where: { !$0.isLetter }) {
                throw TensorError(.runtimeError, "einsum(): invalid subscript given at index \(i) in the equation string, subscripts must be in [a-zA-Z]")
            }
            if letters.count != operands[i].dim {
                throw TensorError(.runtimeError,
                    "einsum(): the number of subscripts in the equation (\(letters.count)) does not match the number of dimensions (\(operands[i].dim)) for operand \(i) and no ellipsis was given")
            }
            if Set(letters).count != letters.count { throw unsupported("einsum with a repeated subscript within one operand (a diagonal)") }
        }
        let all = inputs.flatMap { $0 }
        var output: [Character]
        if parts.count == 2 {
            output = Array(parts[1])
            for c in output where !all.contains(c) {
                throw TensorError(.runtimeError, "einsum(): output subscript \(c) does not appear in the equation for any input operand")
            }
            if Set(output).count != output.count {
                throw TensorError(.runtimeError, "einsum(): output subscript appears more than once in the output")
            }
        } else {
            output = Set(all).filter { c in all.filter { $0 == c }.count == 1 }.sorted()
        }
        var sizes: [Character: Int] = [:]
        for (i, letters) in inputs.enumerated() {
            for (d, c) in letters.enumerated() {
                let s = operands[i].shape[d]
                if let seen = sizes[c], seen != s {
                    throw TensorError(.runtimeError,
                        "einsum(): subscript \(c) has size \(s) for operand \(i) which does not broadcast with previously seen size \(seen)")
                }
                sizes[c] = s
            }
        }
        // Sum each operand's letters that appear nowhere else.
        var reduced: [(Tensor, [Character])] = []
        for (i, letters) in inputs.enumerated() {
            let others = output + inputs.enumerated().filter { $0.offset != i }.flatMap { $0.element }
            let lonely = letters.indices.filter { !others.contains(letters[$0]) }
            let t = lonely.isEmpty ? operands[i] : try operands[i].sum(dims: lonely)
            reduced.append((t, letters.filter { others.contains($0) }))
        }
        if reduced.count == 1 {
            let (t, letters) = reduced[0]
            let perm = output.map { c in letters.firstIndex(of: c) ?? 0 }
            return perm == Array(0..<perm.count) ? t : try t.permute(perm)
        }
        var (a, la) = reduced[0], (b, lb) = reduced[1]
        let batch = output.filter { la.contains($0) && lb.contains($0) }
        var left = output.filter { la.contains($0) && !lb.contains($0) }
        var right = output.filter { lb.contains($0) && !la.contains($0) }
        if !left.isEmpty && !right.isEmpty && output == batch + right + left {
            // The output wants the second operand's letters first: multiply the other way round.
            swap(&a, &b)
            swap(&la, &lb)
            swap(&left, &right)
        }
        let contracted = la.filter { lb.contains($0) && !output.contains($0) }
        func size(_ cs: [Character]) -> Int { cs.reduce(1) { $0 * (sizes[$1] ?? 1) } }
        func arrange(_ t: Tensor, _ letters: [Character], _ order: [Character], _ shape: [Int]) throws -> Tensor {
            let perm = order.map { c in letters.firstIndex(of: c) ?? 0 }
            let p = perm == Array(0..<perm.count) ? t : try t.permute(perm)
            return try p.reshape(shape)
        }
        let produced = batch + left + right
        let perm = output.map { c in produced.firstIndex(of: c) ?? 0 }
        if contracted.isEmpty {
            // No summed letter: a broadcast product, as PyTorch's einsum takes it (MulBackward0).
            let ones = { (n: Int) in [Int](repeating: 1, count: n) }
            let ab = try arrange(a, la, batch + left, batch.map { sizes[$0] ?? 1 } + left.map { sizes[$0] ?? 1 } + ones(right.count))
            let bb = try arrange(b, lb, batch + right, batch.map { sizes[$0] ?? 1 } + ones(left.count) + right.map { sizes[$0] ?? 1 })
            let product = try binary(.mul, .tensor(ab), .tensor(bb))
            return perm == Array(0..<perm.count) ? product : try product.permute(perm)
        }
        let a3 = try arrange(a, la, batch + left + contracted, [size(batch), size(left), size(contracted)])
        let b3 = try arrange(b, lb, batch + contracted + right, [size(batch), size(contracted), size(right)])
        let product = try a3.bmm(b3)
        let viewed = try product.view(produced.map { sizes[$0] ?? 1 })
        return perm == Array(0..<perm.count) ? viewed : try viewed.permute(perm)
    }

    private static func unsupported(_ what: String) -> TensorError {
        TensorError(.notImplementedError, "\(what) is not supported by Kindling")
    }
}
