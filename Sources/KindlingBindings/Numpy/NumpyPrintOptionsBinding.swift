import KindlingData
import KindlingLanguage

/// `np.set_printoptions` / `np.get_printoptions`: precision, suppress, threshold, edgeitems and
/// linewidth change how arrays print; the other options are accepted only at NumPy's defaults.
enum NumpyPrintOptionsBinding {
    static func install(in m: PyModule) {
        let params = ["precision=None", "threshold=None", "edgeitems=None", "linewidth=None", "suppress=None",
                      "nanstr=None", "infstr=None", "formatter=None", "sign=None", "floatmode=None", "*",
                      "legacy=None", "override_repr=None"]
        let signature = Signature(parsing: params)
        m["set_printoptions"] = .object(NativeFunction(name: "set_printoptions") { args in
            var a = args
            a.functionName = "set_printoptions"
            try set(try a.bind(signature))
            return .none
        })
        m["get_printoptions"] = .object(NativeFunction(name: "get_printoptions") { _ in current() })
    }

    private static func set(_ b: BoundArguments) throws {
        // Options Kindling does not honour may only be passed at NumPy's defaults.
        let defaults: [(String, Value)] = [("nanstr", .str("nan")), ("infstr", .str("inf")), ("sign", .str("-")),
                                           ("floatmode", .str("maxprec")), ("legacy", .bool(false))]
        for (name, standard) in defaults where !b[name].isNone {
            guard try Runtime.valuesEqual(b[name], standard) else { throw notSupported("np.set_printoptions(\(name)=...)") }
        }
        for name in ["formatter", "override_repr"] where !b[name].isNone {
            throw notSupported("np.set_printoptions(\(name)=...)")
        }
        var options = NumpyPrintOptions.current
        if !b["precision"].isNone {
            guard case .int(let p) = b["precision"] else { throw pyError(.typeError, "precision must be an integer") }
            guard p >= 0 else { throw pyError(.valueError, "precision must be >= 0") }
            options.precision = p
        }
        if !b["threshold"].isNone {
            guard case .int(let t) = b["threshold"] else { throw pyError(.typeError, "threshold must be numeric") }
            options.threshold = t
        }
        if !b["edgeitems"].isNone {
            guard case .int(let e) = b["edgeitems"], e >= 0 else { throw pyError(.typeError, "edgeitems must be a non-negative integer") }
            options.edgeitems = e
        }
        if !b["linewidth"].isNone {
            guard case .int(let w) = b["linewidth"], w > 0 else { throw pyError(.typeError, "linewidth must be a positive integer") }
            options.linewidth = w
        }
        if !b["suppress"].isNone { options.suppress = try b["suppress"].isTruthy() }
        NumpyPrintOptions.current = options
    }

    /// `np.get_printoptions()`: the dict NumPy returns, in its key order.
    private static func current() -> Value {
        let o = NumpyPrintOptions.current
        let d = PyDict()
        let entries: [(String, Value)] = [
            ("edgeitems", .int(o.edgeitems)), ("threshold", .int(o.threshold)), ("floatmode", .str("maxprec")),
            ("precision", .int(o.precision)), ("suppress", .bool(o.suppress)), ("linewidth", .int(o.linewidth)),
            ("nanstr", .str("nan")), ("infstr", .str("inf")), ("sign", .str("-")), ("formatter", .none),
            ("legacy", .bool(false)), ("override_repr", .none),
        ]
        for (k, v) in entries { d.set(k, v) }
        return .object(d)
    }
}
