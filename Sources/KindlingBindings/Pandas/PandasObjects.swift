import KindlingData
import KindlingEngine
import KindlingLanguage

/// A `pandas.DataFrame` as scripts see it. `tensor(df)` converts its `.values` (as fastai's `tensor` does).
public final class DataFrameObject: PyObject, TensorConvertible {
    public let frame: DataFrame
    public init(_ frame: DataFrame) {
        self.frame = frame
        super.init(pyClass: PandasTypes.dataFrame)
    }

    public func makeTensor() throws -> Tensor {
        try NDArrayTensorConversion.tensor(fromColumnsOf: frame)
    }
}

/// A `pandas.Series`. `tensor(s)` converts its `.values`.
public final class SeriesObject: PyObject, TensorConvertible {
    public let series: Series
    public init(_ series: Series) {
        self.series = series
        super.init(pyClass: PandasTypes.series)
    }

    public func makeTensor() throws -> Tensor {
        try NDArrayTensorConversion.tensor(from: series.array)
    }
}

/// A `pandas.Index` / `RangeIndex` (`df.index`, `df.columns`).
public final class IndexObject: PyObject {
    public let labels: Labels
    public init(_ labels: Labels) {
        self.labels = labels
        super.init(pyClass: labels.isRange ? PandasTypes.rangeIndex : PandasTypes.index)
    }
}

/// A numpy `ndarray` (`np.array(...)`, `df.values`, `s.values`), or a NumPy scalar
/// (`np.float64(1.5)`: a 0-d array whose class is the scalar type). A frame's `.values` is
/// gathered lazily: `tensor(df.values)` fills the tensor straight from the columns a block of rows
/// at a time, without the row-major copy of the whole frame.
public final class NDArrayObject: PyObject, TensorConvertible {
    /// A NumPy view: which elements of its base (an array owning its data) it shows, in order.
    struct View {
        let base: NDArrayObject
        let positions: [Int]
        let shape: [Int]
        /// The base size the positions need (one past the largest).
        let needed: Int
        init(base: NDArrayObject, positions: [Int], shape: [Int]) {
            self.base = base
            self.positions = positions
            self.shape = shape
            needed = (positions.max() ?? -1) + 1
        }
    }
    private enum Source { case array(NDArray), frameValues(DataFrame), view(View), tensor(Tensor) }
    private var source: Source
    /// A tensor-backed array's values, kept while the tensor's storage is unchanged.
    private var tensorCache: (storage: ObjectIdentifier, version: Int, array: NDArray)?

    public init(_ array: NDArray) {
        source = .array(array)
        super.init(pyClass: PandasTypes.ndarray)
    }

    /// A NumPy array (or, for `scalar`, a NumPy scalar of its dtype).
    public init(numpy array: NDArray, scalar: Bool = false) {
        source = .array(array)
        super.init(pyClass: scalar ? NumpyTypes.scalarClass(array.elementType) : PandasTypes.ndarray)
    }

    /// `frame.values`, gathered on first use.
    public init(valuesOf frame: DataFrame) {
        source = .frameValues(frame)
        super.init(pyClass: PandasTypes.ndarray)
    }

    /// A view of `parent`'s elements at `positions` (flat positions in `parent.array`) shaped
    /// `shape`: reading it reads the base's current values, writing it writes them, as NumPy's
    /// views share their base's memory. A view of a view refers to the same base.
    init(viewOf parent: NDArrayObject, positions: [Int], shape: [Int]) {
        if case .view(let v) = parent.source {
            source = .view(View(base: v.base, positions: positions.map { v.positions[$0] }, shape: shape))
        } else {
            source = .view(View(base: parent, positions: positions, shape: shape))
        }
        super.init(pyClass: PandasTypes.ndarray)
    }

    /// `t.numpy()` / `to_np(t)`: an array sharing the tensor's elements, as PyTorch's does (reads
    /// see the tensor's later changes, writes change the tensor).
    init(sharing tensor: Tensor) {
        source = .tensor(tensor)
        super.init(pyClass: PandasTypes.ndarray)
    }

    /// `torch.from_numpy(a)`: from now on this array's elements live in `tensor` (same shape and
    /// dtype), so the two share them. Only arrays that own their data (not views) can.
    func shareElements(with tensor: Tensor) -> Bool {
        guard case .array = source, !isScalar else { return false }
        source = .tensor(tensor)
        tensorCache = nil
        return true
    }

    /// The array owning a view's data (`a.base`), nil for an array that owns its own.
    public var viewBase: NDArrayObject? {
        if case .view(let v) = source { return v.base }
        return nil
    }

    /// For a view: its positions in the base; nil for an owner.
    var viewPositions: [Int]? {
        if case .view(let v) = source { return v.positions }
        return nil
    }

    /// The array (gathering a frame's values the first time); assignment (`a[i] = v`) replaces it,
    /// and for a view writes the new values into its base.
    public var array: NDArray {
        get {
            switch source {
            case .array(let a): return a
            case .frameValues(let frame):
                let a = frame.values
                source = .array(a)
                return a
            case .tensor(let t):
                if let c = tensorCache, c.storage == ObjectIdentifier(t.storage), c.version == t.storage.version { return c.array }
                // Converting a tensor's values cannot fail (the shape is the tensor's own).
                let a = (try? NumpyBridge.array(from: t)) ?? NDArray.emptyFloat64
                tensorCache = (ObjectIdentifier(t.storage), t.storage.version, a)
                return a
            case .view(let v):
                let base = v.base.array
                // The base keeps its size (assignments never reshape it), so the positions stay valid.
                guard base.count >= v.needed else { return base.taking([], shape: [0]) }
                return base.taking(v.positions, shape: v.shape)
            }
        }
        set {
            if case .view(let v) = source, newValue.count == v.positions.count {
                v.base.array = v.base.array.replacing(v.positions, with: newValue)
            } else if case .tensor(let t) = source, newValue.count == t.numel,
                      let values = try? NumpyBridge.tensor(from: newValue.astype(NumpyBridge.elementType(of: t))),
                      (try? GradMode.withNoGrad({ try t.copy_(try values.reshape(t.shape)) })) != nil {
                tensorCache = nil
            } else {
                source = .array(newValue)
            }
        }
    }

    /// True for a NumPy scalar (`np.float64(1.5)`, what indexing one element gives).
    public var isScalar: Bool { pyClass !== PandasTypes.ndarray && array.ndim == 0 && NumpyTypes.isScalarClass(pyClass) }

    public func makeTensor() throws -> Tensor {
        if case .frameValues(let frame) = source { return try NDArrayTensorConversion.tensor(fromColumnsOf: frame) }
        return try NumpyBridge.tensor(from: array)
    }
}

/// `df.iloc` / `s.iloc`: an indexer object whose `[]` selects by position.
final class ILocObject: PyObject {
    enum Target { case frame(DataFrame), series(Series) }
    let target: Target
    init(_ target: Target) {
        self.target = target
        super.init(pyClass: PandasTypes.iloc)
    }
}

/// A numpy dtype (`s.dtype`): prints as `int64`, repr `dtype('int64')`, equal to the string.
final class NumpyDTypeObject: PyObject {
    let name: String
    init(_ name: String) {
        self.name = name
        super.init(pyClass: PandasTypes.numpyDType)
    }
}

/// The classes of the `pandas` module (built once, methods installed on first use).
public enum PandasTypes {
    public static let dataFrame: PyClass = {
        let c = PyClass(native: "DataFrame", module: "pandas")
        c.constructor = { _ in throw notSupported("pd.DataFrame(...) (frames come from pd.read_csv)") }
        DataFrameMethods.install(on: c)
        return c
    }()

    public static let series: PyClass = {
        let c = PyClass(native: "Series", module: "pandas")
        c.constructor = { _ in throw notSupported("pd.Series(...) (series come from a frame's columns)") }
        SeriesMethods.install(on: c)
        return c
    }()

    public static let index: PyClass = {
        let c = PyClass(native: "Index", module: "pandas")
        IndexMethods.install(on: c)
        return c
    }()

    public static let rangeIndex: PyClass = {
        PyClass(native: "RangeIndex", base: index, module: "pandas")
    }()

    /// numpy's `ndarray` (pandas' `.values` and the `numpy` module share it).
    public static let ndarray: PyClass = {
        let c = PyClass(native: "ndarray", module: "numpy")
        c.constructor = { _ in throw pyError(.typeError, "Kindling builds arrays with np.array(...), np.zeros(...) and friends, not ndarray(shape)") }
        NDArrayMethods.install(on: c)
        return c
    }()

    static let iloc: PyClass = {
        let c = PyClass(native: "_iLocIndexer", module: "pandas.core.indexing")
        c.define("__getitem__") { args in
            let me = try args.selfObject(ILocObject.self)
            return try PandasIndexing.iloc(me.target, key: try args[1])
        }
        return c
    }()

    static let numpyDType: PyClass = {
        let c = PyClass(native: "dtype", module: "numpy")
        c.define("__repr__") { args in .str("dtype('\(try args.selfObject(NumpyDTypeObject.self).name)')") }
        c.define("__str__") { args in .str(try args.selfObject(NumpyDTypeObject.self).name) }
        c.define("__eq__") { args in
            let me = try args.selfObject(NumpyDTypeObject.self)
            let other = try args[1]
            if case .str(let s) = other { return .bool(s == me.name || NumpyTypes.elementType(named: s)?.rawValue == me.name) }
            if let o = other.as(NumpyDTypeObject.self) { return .bool(o.name == me.name) }
            if let cls = other.as(PyClass.self) { return .bool(NumpyTypes.elementType(ofClass: cls)?.rawValue == me.name) }
            return .bool(false)
        }
        c.define("__hash__") { args in .int(try args.selfObject(NumpyDTypeObject.self).name.hashValue) }
        c.defineProperty("name", get: { v in .str(v.as(NumpyDTypeObject.self)?.name ?? "") })
        c.defineProperty("itemsize", get: { v in
            .int(ArrayElementType(rawValue: v.as(NumpyDTypeObject.self)?.name ?? "")?.itemSize ?? 8)
        })
        c.defineProperty("type", get: { v in
            guard let t = ArrayElementType(rawValue: v.as(NumpyDTypeObject.self)?.name ?? "") else { return .none }
            return .object(NumpyTypes.scalarClass(t))
        })
        return c
    }()
}

extension DataError: PythonConvertibleError {
    public var pythonException: PyException {
        switch kind {
        case .valueError: return PyException.make(.valueError, message)
        case .keyError: return PyException.make(.keyError, keyArgument)
        case .indexError: return PyException.make(.indexError, message)
        case .typeError: return PyException.make(.typeError, message)
        case .fileNotFoundError: return PyException.make(.fileNotFoundError, message)
        case .osError: return PyException.make(.osError, message)
        case .memoryError: return PyException.make(.memoryError, message)
        case .permissionError: return PyException.make(.permissionError, message)
        case .isADirectoryError: return PyException.make(.isADirectoryError, message)
        case .notADirectoryError: return PyException.make(.notADirectoryError, message)
        case .emptyDataError: return PyException.make(PandasErrors.emptyDataError, args: [.str(message)])
        case .indexingError: return PandasErrors.indexing(message)
        case .axisError: return pyError(NumpyModule.axisError, message)
        }
    }

    /// KeyError prints the repr of its argument, and KindlingData's KeyError messages are that
    /// repr already: the argument is the text inside the quotes.
    private var keyArgument: String {
        guard message.count >= 2, let q = message.first, q == message.last, q == "'" || q == "\"" else { return message }
        return String(message.dropFirst().dropLast()).replacingOccurrences(of: "\\'", with: "'")
    }
}

/// `pandas.errors.IndexingError` (an Exception subclass, as in pandas).
enum PandasErrors {
    static let indexingError: PyClass = {
        let c = PyClass(native: "IndexingError", base: Builtins.exc(.exception), module: "pandas.errors")
        c.factory = { cls in PyBaseException(cls, args: []) }
        return c
    }()

    /// `pandas.errors.EmptyDataError` (a ValueError, as in pandas).
    static let emptyDataError: PyClass = {
        let c = PyClass(native: "EmptyDataError", base: Builtins.exc(.valueError), module: "pandas.errors")
        c.factory = { cls in PyBaseException(cls, args: []) }
        return c
    }()

    static func indexing(_ message: String) -> PyException {
        PyException.make(indexingError, args: [.str(message)])
    }
}
