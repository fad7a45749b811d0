import Foundation
import KindlingData
import KindlingLanguage

/// The `numpy` module (`import numpy as np`): array creation, the math functions, reductions,
/// dtypes and constants, and `np.random`. Names NumPy has and Kindling lacks raise
/// AttributeError saying they are not supported by Kindling.
enum NumpyModule {
    static let loaders: [(String, (Interpreter) throws -> PyModule)] = [
        ("numpy", { _ in make() }),
        ("numpy.random", { interp in try interp.importModule("numpy")["random"]?.as(PyModule.self) ?? NumpyRandom.make() }),
    ]

    /// `numpy.exceptions.AxisError` (a ValueError, as in NumPy; NumPy also makes it an IndexError).
    static let axisError: PyClass = {
        let c = PyClass(native: "AxisError", base: Builtins.exc(.valueError), module: "numpy.exceptions")
        c.factory = { cls in PyBaseException(cls, args: []) }
        return c
    }()

    static func make() -> PyModule {
        let m = PyModule(name: "numpy")
        m["__version__"] = .str("2.2.6")
        m["ndarray"] = .object(PandasTypes.ndarray)
        m["dtype"] = NumpyTypes.dtypeFunction
        for t in ArrayElementType.allCases { m[t.rawValue] = .object(NumpyTypes.scalarClass(t)) }
        m["bool_"] = .object(NumpyTypes.scalarClass(.bool))
        m["float_"] = nil
        m["double"] = .object(NumpyTypes.scalarClass(.float64))
        m["single"] = .object(NumpyTypes.scalarClass(.float32))
        m["int_"] = .object(NumpyTypes.scalarClass(.int64))
        m["intc"] = .object(NumpyTypes.scalarClass(.int32))
        m["ubyte"] = .object(NumpyTypes.scalarClass(.uint8))
        for (name, flag) in [("True_", true), ("False_", false)] {
            if let a = try? NDArray.make([flag], shape: []) { m[name] = .object(NDArrayObject(numpy: a, scalar: true)) }
        }
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        m["newaxis"] = Value.none
        m["random"] = .object(NumpyRandom.make())
        let exceptions = PyModule(name: "numpy.exceptions")
        exceptions.add(axisError)
        m["exceptions"] = .object(exceptions)
        NumpyCreation.install(m)
        NumpyFunctions.install(m)
        return m
    }
}
