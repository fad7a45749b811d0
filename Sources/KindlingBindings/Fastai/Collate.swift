import KindlingEngine
import KindlingLanguage

/// fastai's `fa_collate` (and torch's `default_collate`): a list of samples
/// into one batch. Tensors stack; ints become an int64 tensor, floats a
/// float64 one, bools a bool one; tuples and lists collate position-wise
/// (fastai keeps tuples, torch returns lists); strings stay a list.
enum Collate {
    /// `nested` is true for the fields of tuple samples, which both collations
    /// gather with `zip(*batch)`: strings there come back as a tuple.
    static func collate(_ samples: [Value], tuplesAsLists: Bool, nested: Bool = false) throws -> Value {
        guard let first = samples.first else { return .object(PyList([])) }
        switch first {
        case .int:
            return .tensor(try Tensor(shape: [samples.count], ints: try samples.map { Int64(try $0.asInt()) }))
        case .bool:
            return .tensor(try Tensor(shape: [samples.count], bools: try samples.map { try $0.isTruthy() }))
        case .float:
            // Python floats are doubles: both collations make a float64 batch.
            return .tensor(try Tensor(shape: [samples.count], doubles: try samples.map { try $0.asDouble() }))
        case .str:
            return nested ? .object(PyTuple(samples)) : .object(PyList(samples))
        default:
            break
        }
        if first.tensorValue != nil {
            let tensors = try samples.map { v -> Tensor in
                guard let t = v.tensorValue else { throw mixed(v) }
                return t
            }
            return .tensor(try Tensor.stack(tensors, dim: 0))
        }
        let isTuple = first.as(PyTuple.self) != nil
        if isTuple || first.as(PyList.self) != nil {
            let rows = try samples.map { v -> [Value] in
                if let t = v.as(PyTuple.self) { return t.items }
                if let l = v.as(PyList.self) { return l.items }
                throw mixed(v)
            }
            let width = rows[0].count
            guard rows.allSatisfy({ $0.count == width }) else {
                throw pyError(.runtimeError, "each element in list of batch should be of equal size")
            }
            let columns = try (0..<width).map { c in try collate(rows.map { $0[c] }, tuplesAsLists: tuplesAsLists, nested: true) }
            return isTuple && !tuplesAsLists ? .object(PyTuple(columns)) : .object(PyList(columns))
        }
        throw pyError(.typeError,
            "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found <class '\(first.typeName)'>")
    }

    static func mixed(_ v: Value) -> PyException {
        pyError(.typeError, "default_collate: a batch mixes element types (found \(v.typeName))")
    }
}
