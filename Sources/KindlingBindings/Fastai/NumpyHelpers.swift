import KindlingData
import KindlingEngine
import KindlingLanguage

/// The NumPy names `fastai.vision.all` re-exports that the lesson types:
/// `array(data)` for nested lists of numbers (numpy's dtype rules: bools,
/// else int64, else float64) and `to_np`, which Kindling refuses like
/// `Tensor.numpy()` (its arrays have no float32 dtype to hold a tensor).
enum NumpyHelpers {
    static let array: Value = {
        let sig = Signature(parsing: ["object", "dtype=None", "*", "copy=True", "order='K'", "subok=False", "ndmin=0", "like=None"])
        return .object(NativeFunction(name: "array") { args in
            let b = try args.bind(sig)
            if !b["dtype"].isNone { throw notSupported("array(dtype=...)") }
            if try b.int("ndmin") != 0 { throw notSupported("array(ndmin=...)") }
            let data = b["object"]
            if let nd = data.as(NDArrayObject.self) { return .object(NDArrayObject(nd.array)) }
            if data.tensorValue != nil { throw notSupported("array() of a tensor") }
            return .object(NDArrayObject(try fromNested(data)))
        })
    }()

    static let toNumpy: Value = .object(NativeFunction(name: "to_np") { _ in
        throw notSupported("to_np (NumPy arrays of tensors)")
    })

    /// A nested list/tuple of numbers as an NDArray with numpy's dtype.
    static func fromNested(_ v: Value) throws -> NDArray {
        var shape: [Int] = []
        var leaves: [Value] = []
        try flatten(v, depth: 0, shape: &shape, leaves: &leaves)
        var sawFloat = false, allBool = !leaves.isEmpty
        for x in leaves {
            switch x {
            case .bool: break
            case .int: allBool = false
            case .float: allBool = false; sawFloat = true
            default: throw notSupported("array() of \(x.typeName) values")
            }
        }
        let storage: NumericBuffer
        if leaves.isEmpty || sawFloat {
            storage = .float64(try leaves.map { try $0.asDouble() })
        } else if allBool {
            storage = .bool(try leaves.map { try $0.isTruthy() })
        } else {
            storage = .int64(try leaves.map { Int64(try $0.asInt()) })
        }
        return try NDArray(storage, shape: shape)
    }

    private static func flatten(_ v: Value, depth: Int, shape: inout [Int], leaves: inout [Value]) throws {
        let items: [Value]
        if let l = v.as(PyList.self) { items = l.items }
        else if let t = v.as(PyTuple.self) { items = t.items }
        else {
            if depth < shape.count { throw ragged(shape, depth) }
            leaves.append(v)
            return
        }
        if depth > 32 { throw notSupported("array() nested more than 32 levels") }
        if depth == shape.count {
            // The first list at this depth fixes the size; leaves seen before mean a ragged input.
            if !leaves.isEmpty { throw ragged(shape, depth) }
            shape.append(items.count)
        } else if shape[depth] != items.count {
            throw ragged(shape, depth)
        }
        for item in items { try flatten(item, depth: depth + 1, shape: &shape, leaves: &leaves) }
    }

    private static func ragged(_ shape: [Int], _ depth: Int) -> PyException {
        return pyError("ValueError", "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(ShapeText.tuple(Array(shape.prefix(depth)))) + inhomogeneous part.")
    }
}
