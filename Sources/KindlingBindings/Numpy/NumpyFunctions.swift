import KindlingData
import KindlingLanguage

/// NumPy's module-level functions on arrays: ufuncs, reductions, shape functions, comparisons
/// and sorting. Each takes what `np.asarray` takes.
enum NumpyFunctions {
    static func install(_ m: PyModule) {
        let define = NumpyCreation.define
        for (name, f) in NumpyMath.unaryFloat {
            define(m, name, ["x"]) { b in
                let a = try NumpyMath.arrayArgument(b["x"], function: name)
                return NumpyConvert.wrap(try a.mapFloat(resultType: try NumpyMath.floatType(a, function: name), f))
            }
        }
        for name in ["abs", "absolute"] {
            define(m, name, ["x"]) { b in NumpyConvert.wrap(try NumpyMath.absolute(try NumpyMath.arrayArgument(b["x"], function: name))) }
        }
        define(m, "square", ["x"]) { b in
            let a = try NumpyMath.arrayArgument(b["x"], function: "square")
            return try NumpyMath.apply(.multiply, .array(a), .array(a))
        }
        define(m, "floor", ["x"]) { b in NumpyConvert.wrap(try NumpyMath.rounding(try NumpyMath.arrayArgument(b["x"], function: "floor"), .down)) }
        define(m, "ceil", ["x"]) { b in NumpyConvert.wrap(try NumpyMath.rounding(try NumpyMath.arrayArgument(b["x"], function: "ceil"), .up)) }
        define(m, "sign", ["x"]) { b in
            let a = try NumpyMath.arrayArgument(b["x"], function: "sign")
            if a.elementType.isFloat { return NumpyConvert.wrap(try a.mapFloat(resultType: a.elementType) { $0.isNaN ? .nan : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }) }
            return NumpyConvert.wrap(try a.mapInt { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })
        }
        for name in ["round", "around"] {
            define(m, name, ["a", "decimals=0"]) { b in
                try NumpyMath.round(try NumpyMath.arrayArgument(b["a"], function: name), decimals: try b.int("decimals"))
            }
        }
        let binaries: [(String, ArrayBinaryOp)] = [
            ("add", .add), ("subtract", .subtract), ("multiply", .multiply), ("divide", .trueDivide),
            ("true_divide", .trueDivide), ("floor_divide", .floorDivide), ("mod", .remainder), ("remainder", .remainder),
            ("power", .power), ("maximum", .maximum), ("minimum", .minimum), ("equal", .equal), ("not_equal", .notEqual),
            ("less", .less), ("less_equal", .lessEqual), ("greater", .greater), ("greater_equal", .greaterEqual),
            ("logical_and", .logicalAnd), ("logical_or", .logicalOr),
        ]
        for (name, op) in binaries {
            define(m, name, ["x1", "x2", "out=None"]) { b in
                let (x, y) = try NumpyMath.operands(b["x1"], b["x2"], function: name)
                let result = try NumpyMath.apply(op, x, y)
                if b["out"].isNone { return result }
                return try NDArrayViews.store(result, into: b["out"], ufunc: name == "true_divide" ? "divide" : name)
            }
        }
        define(m, "logical_not", ["x"]) { b in
            let a = try NumpyMath.arrayArgument(b["x"], function: "logical_not")
            return NumpyConvert.wrap(try NDArray.make(a.doubleValues.map { $0 == 0 }, shape: a.shape))
        }
        for (name, test) in [("isnan", { (d: Double) in d.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            define(m, name, ["x"]) { b in
                let a = try NumpyMath.arrayArgument(b["x"], function: name)
                return NumpyConvert.wrap(try NDArray.make(a.doubleValues.map(test), shape: a.shape))
            }
        }
        define(m, "where", ["condition", "x=None", "y=None"]) { b in try NumpyMath.whereSelect(b["condition"], b["x"], b["y"]) }
        define(m, "clip", ["a", "a_min=None", "a_max=None"]) { b in
            try NumpyMath.clip(try NumpyMath.arrayArgument(b["a"], function: "clip"), b["a_min"], b["a_max"])
        }
        for r in [ArrayReduction.sum, .prod, .mean, .max, .min, .argmax, .argmin, .variance, .std, .any, .all] {
            let name = r == .variance ? "var" : r.rawValue
            let reduce: (BoundArguments) throws -> Value = { b in
                try NumpyMath.reduce(r, try NumpyMath.arrayArgument(b["a"], function: name), b)
            }
            define(m, name, ["a", "axis=None", "dtype=None", "out=None", "keepdims=False", "ddof=0"], reduce)
            if r == .max { define(m, "amax", ["a", "axis=None", "dtype=None", "out=None", "keepdims=False", "ddof=0"], reduce) }
            if r == .min { define(m, "amin", ["a", "axis=None", "dtype=None", "out=None", "keepdims=False", "ddof=0"], reduce) }
        }
        define(m, "cumsum", ["a", "axis=None"]) { b in
            NumpyConvert.wrap(try NumpyMath.arrayArgument(b["a"], function: "cumsum").cumulative(product: false, axis: try b.optionalInt("axis")))
        }
        define(m, "cumprod", ["a", "axis=None"]) { b in
            NumpyConvert.wrap(try NumpyMath.arrayArgument(b["a"], function: "cumprod").cumulative(product: true, axis: try b.optionalInt("axis")))
        }
        define(m, "reshape", ["a", "newshape"]) { b in
            NumpyConvert.wrap(try NDArrayMethods.reshape(try NumpyMath.arrayArgument(b["a"], function: "reshape"), [b["newshape"]]))
        }
        define(m, "transpose", ["a", "axes=None"]) { b in
            let axes = b["axes"].isNone ? nil : try Runtime.iterateToArray(b["axes"]).map { try $0.asInt() }
            return NumpyConvert.wrap(try NumpyMath.arrayArgument(b["a"], function: "transpose").transposed(axes))
        }
        define(m, "squeeze", ["a", "axis=None"]) { b in
            NumpyConvert.wrap(try NDArrayMethods.squeeze(try NumpyMath.arrayArgument(b["a"], function: "squeeze"), b["axis"]))
        }
        define(m, "ravel", ["a"]) { b in
            let a = try NumpyMath.arrayArgument(b["a"], function: "ravel")
            return NumpyConvert.wrap(try a.reshaped([a.count]))
        }
        define(m, "expand_dims", ["a", "axis"]) { b in
            let a = try NumpyMath.arrayArgument(b["a"], function: "expand_dims")
            let ax = try b.int("axis")
            guard ax >= -(a.ndim + 1) && ax <= a.ndim else {
                throw pyError(NumpyModule.axisError, "axis \(ax) is out of bounds for array of dimension \(a.ndim + 1)")
            }
            var shape = a.shape
            shape.insert(1, at: ax < 0 ? ax + a.ndim + 1 : ax)
            return NumpyConvert.wrap(try a.reshaped(shape))
        }
        define(m, "concatenate", ["arrays", "axis=0"]) { b in
            let arrays = try Runtime.iterateToArray(b["arrays"]).map { try NumpyMath.arrayArgument($0, function: "concatenate") }
            if b["axis"].isNone { return NumpyConvert.wrap(try NDArray.concatenate(try arrays.map { try $0.reshaped([$0.count]) }, axis: 0)) }
            return NumpyConvert.wrap(try NDArray.concatenate(arrays, axis: try b.int("axis")))
        }
        define(m, "stack", ["arrays", "axis=0"]) { b in
            let arrays = try Runtime.iterateToArray(b["arrays"]).map { try NumpyMath.arrayArgument($0, function: "stack") }
            guard let first = arrays.first else { throw pyError(.valueError, "need at least one array to stack") }
            guard arrays.allSatisfy({ $0.shape == first.shape }) else { throw pyError(.valueError, "all input arrays must have the same shape") }
            let ax = try b.int("axis")
            guard ax >= -(first.ndim + 1) && ax <= first.ndim else {
                throw pyError(NumpyModule.axisError, "axis \(ax) is out of bounds for array of dimension \(first.ndim + 1)")
            }
            let at = ax < 0 ? ax + first.ndim + 1 : ax
            var shape = first.shape
            shape.insert(1, at: at)
            return NumpyConvert.wrap(try NDArray.concatenate(try arrays.map { try $0.reshaped(shape) }, axis: at))
        }
        define(m, "vstack", ["tup"]) { b in
            let arrays = try Runtime.iterateToArray(b["tup"]).map { a -> NDArray in
                let x = try NumpyMath.arrayArgument(a, function: "vstack")
                return x.ndim < 2 ? try x.reshaped([1, x.count]) : x
            }
            return NumpyConvert.wrap(try NDArray.concatenate(arrays, axis: 0))
        }
        define(m, "hstack", ["tup"]) { b in
            let arrays = try Runtime.iterateToArray(b["tup"]).map { try NumpyMath.arrayArgument($0, function: "hstack") }
            return NumpyConvert.wrap(try NDArray.concatenate(arrays, axis: arrays.first?.ndim == 1 ? 0 : 1))
        }
        define(m, "dot", ["a", "b"]) { b in try NumpyMath.dot(b["a"], b["b"]) }
        define(m, "matmul", ["x1", "x2"]) { b in
            try NumpyMath.matmul(.array(try NumpyMath.arrayArgument(b["x1"], function: "matmul")), b["x2"])
        }
        define(m, "allclose", ["a", "b", "rtol=1e-05", "atol=1e-08", "equal_nan=False"]) { b in
            let close = try NumpyMath.isclose(b["a"], b["b"], rtol: try b.double("rtol"), atol: try b.double("atol"), equalNaN: try b.bool("equal_nan"))
            return .bool(close.int64Values.allSatisfy { $0 != 0 })
        }
        define(m, "isclose", ["a", "b", "rtol=1e-05", "atol=1e-08", "equal_nan=False"]) { b in
            NumpyConvert.wrap(try NumpyMath.isclose(b["a"], b["b"], rtol: try b.double("rtol"), atol: try b.double("atol"), equalNaN: try b.bool("equal_nan")))
        }
        define(m, "array_equal", ["a1", "a2", "equal_nan=False"]) { b in
            let x = try NumpyMath.arrayArgument(b["a1"], function: "array_equal"), y = try NumpyMath.arrayArgument(b["a2"], function: "array_equal")
            guard x.shape == y.shape else { return .bool(false) }
            let equalNaN = try b.bool("equal_nan")
            return .bool(zip(x.doubleValues, y.doubleValues).allSatisfy { $0 == $1 || (equalNaN && $0.isNaN && $1.isNaN) })
        }
        define(m, "sort", ["a", "axis=-1", "kind=None", "order=None"]) { b in
            let a = try NumpyMath.arrayArgument(b["a"], function: "sort")
            return NumpyConvert.wrap(try a.sorted(axis: try b.optionalInt("axis"), returnIndices: false))
        }
        define(m, "argsort", ["a", "axis=-1", "kind=None", "order=None"]) { b in
            let a = try NumpyMath.arrayArgument(b["a"], function: "argsort")
            return NumpyConvert.wrap(try a.sorted(axis: try b.optionalInt("axis"), returnIndices: true))
        }
        define(m, "unique", ["ar", "return_counts=False"]) { b in
            let a = try NumpyMath.arrayArgument(b["ar"], function: "unique")
            let sorted = try a.reshaped([a.count]).sortedAlongLastAxis(returnIndices: false)
            let values = sorted.doubleValues
            var keep: [Int] = []
            var counts: [Int64] = []
            for i in 0..<values.count {
                if i == 0 || !(values[i] == values[i - 1] || (values[i].isNaN && values[i - 1].isNaN)) { keep.append(i); counts.append(1) } else { counts[counts.count - 1] += 1 }
            }
            let uniq = NumpyConvert.wrap(try sorted.gathered(keep, shape: [keep.count]))
            if try b.bool("return_counts") {
                return .object(PyTuple([uniq, .object(NDArrayObject(numpy: try NDArray.make(counts, shape: [counts.count], type: .int64)))]))
            }
            return uniq
        }
        define(m, "count_nonzero", ["a"]) { b in
            .int(try NumpyMath.arrayArgument(b["a"], function: "count_nonzero").doubleValues.filter { $0 != 0 }.count)
        }
        define(m, "shape", ["a"]) { b in PandasConvert.tuple(try NumpyMath.arrayArgument(b["a"], function: "shape").shape) }
        define(m, "ndim", ["a"]) { b in .int(try NumpyMath.arrayArgument(b["a"], function: "ndim").ndim) }
        define(m, "size", ["a"]) { b in .int(try NumpyMath.arrayArgument(b["a"], function: "size").count) }
        NumpyPrintOptionsBinding.install(in: m)
    }
}
