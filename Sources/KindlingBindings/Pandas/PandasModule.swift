import KindlingData
import KindlingLanguage

/// The `pandas` module: `read_csv` and the DataFrame / Series / Index classes.
enum PandasModule {
    static let loaders: [(String, (Interpreter) throws -> PyModule)] = [("pandas", { _ in make() })]

    static func make() -> PyModule {
        let m = PyModule(name: "pandas")
        m.add(PandasTypes.dataFrame)
        m.add(PandasTypes.series)
        m.add(PandasTypes.index)
        m.add(PandasTypes.rangeIndex)
        m["__version__"] = .str("2.2.3")
        let signature = Signature(parsing: ["filepath_or_buffer", "*", "sep=','", "header='infer'", "**kwargs"])
        let readCSV = NativeFunction(name: "read_csv") { args in
            var a = args
            a.functionName = "read_csv"
            let b = try a.bind(signature)
            if case .str(let sep) = b["sep"], sep != "," { throw notSupported("read_csv(sep='\(sep)')") }
            if case .str(let h) = b["header"], h == "infer" {} else if case .int(0) = b["header"] {} else {
                throw notSupported("read_csv(header=\(Runtime.reprOrType(b["header"])))")
            }
            if let extra = b.varkw.first { throw notSupported("read_csv(\(extra.0)=...)") }
            let path = try pathString(b["filepath_or_buffer"])
            return .object(DataFrameObject(try CSVReader.read(path: path)))
        }
        readCSV.signature = signature
        m["read_csv"] = .object(readCSV)
        PandasOptions.install(in: m)
        return m
    }

    /// A path given as `str` or as a `pathlib.Path` (anything with `__fspath__`).
    static func pathString(_ v: Value) throws -> String {
        if case .str(let s) = v { return s }
        if let r = try Runtime.callSpecialIfPresent(v, "__fspath__", []), case .str(let s) = r { return s }
        throw pyError(.valueError, "Invalid file path or buffer object type: <class '\(v.typeName)'>")
    }
}
