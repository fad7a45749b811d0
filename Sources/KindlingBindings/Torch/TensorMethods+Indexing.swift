import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// `t[key]` and `t[key] = value` with PyTorch's basic and advanced indexing.
    static func installIndexing(on c: PyClass) {
        c.define("__getitem__") { args in
            let t = try selfTensor(args, "__getitem__")
            guard args.count > 1 else { throw pyError(.typeError, "__getitem__ expected 1 argument") }
            return .tensor(try t.index(try indexItems((try args[1]))))
        }
        c.define("__setitem__") { args in
            let t = try selfTensor(args, "__setitem__")
            guard args.count > 2 else { throw pyError(.typeError, "__setitem__ expected 2 arguments") }
            let value: Operand
            if let o = TorchConvert.operand((try args[2])) {
                value = o
            } else {
                value = .tensor(try TorchConvert.tensor(fromData: (try args[2]), dtype: t.dtype))
            }
            try t.indexPut(try indexItems((try args[1])), value)
            return .none
        }
    }

    /// A Python subscript as the engine's index items.
    static func indexItems(_ key: Value) throws -> [TensorIndex] {
        if let tuple = key.as(PyTuple.self), !(tuple.pyClass === TorchTypes.size) {
            return try tuple.items.map(indexItem)
        }
        return [try indexItem(key)]
    }

    private static func indexItem(_ v: Value) throws -> TensorIndex {
        switch v {
        case .int(let i): return .int(i)
        case .none: return .none
        case .bool(let b): return .tensor(Tensor(scalar: .bool(b)))
        case .float:
            throw pyError(.indexError, "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)")
        case .str:
            throw pyError(.indexError, "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got str)")
        case .object(let o):
            if let t = (o as? TensorObject)?.tensor {
                if t.dtype.isFloatingPoint {
                    throw pyError(.indexError, "tensors used as indices must be long, int, byte or bool tensors")
                }
                return .tensor(t)
            }
            if let s = o as? PySlice {
                return .slice(start: try sliceBound(s.start), stop: try sliceBound(s.stop), step: try sliceBound(s.step))
            }
            if v.isIdentical(to: Builtins.ellipsis) { return .ellipsis }
            if o is PyList || o is PyTuple || o is PyRange {
                let t = try TorchConvert.tensor(fromData: v, dtype: nil)
                if t.dtype.isFloatingPoint && t.numel > 0 {
                    throw pyError(.indexError, "tensors used as indices must be long, int, byte or bool tensors")
                }
                return .tensor(t.numel == 0 ? try t.to(.int64) : t)
            }
            throw pyError(.indexError, "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
        }
    }

    private static func sliceBound(_ v: Value) throws -> Int? {
        if v.isNone { return nil }
        if let t = v.tensorValue, t.numel == 1, !t.dtype.isFloatingPoint { return Int(try t.item().doubleValue) }
        return try v.asInt()
    }
}
