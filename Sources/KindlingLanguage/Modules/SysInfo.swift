/// `sys.version_info`, `sys.float_info` and `sys.hexversion`: the named tuples CPython 3.11.0
/// gives (the version Kindling's `sys.version` claims), printing as `sys.version_info(major=3, ...)`.
extension SysModule {
    static func addVersionInfo(to m: PyModule) {
        let version: [(String, Value)] = [("major", .int(3)), ("minor", .int(11)), ("micro", .int(0)),
                                          ("releaselevel", .str("final")), ("serial", .int(0))]
        let float: [(String, Value)] = [
            ("max", .float(Double.greatestFiniteMagnitude)), ("max_exp", .int(1024)), ("max_10_exp", .int(308)),
            ("min", .float(Double.leastNormalMagnitude)), ("min_exp", .int(-1021)), ("min_10_exp", .int(-307)),
            ("dig", .int(15)), ("mant_dig", .int(53)), ("epsilon", .float(Double.ulpOfOne)), ("radix", .int(2)),
            ("rounds", .int(1)),
        ]
        for (name, fields) in [("version_info", version), ("float_info", float)] {
            if let v = try? structSequence(name, fields) { m[name] = v }
        }
        m["hexversion"] = .int(0x030B_00F0)
    }

    /// A tuple with named fields whose repr says `sys.NAME(field=value, ...)`.
    private static func structSequence(_ name: String, _ fields: [(String, Value)]) throws -> Value {
        let clsValue = try CollectionsNatives.namedtuple(Arguments(
            [.str(name), .object(PyList(fields.map { .str($0.0) }))], keywords: [("module", .str("sys"))], functionName: "namedtuple"))
        guard let cls = clsValue.as(PyClass.self) else { return .none }
        let names = fields.map(\.0)
        cls.define("__repr__") { a in
            let me = try a.selfObject(PyTuple.self)
            let parts = try zip(names, me.items).map { "\($0)=\(try Runtime.repr($1))" }
            return .str("sys.\(name)(" + parts.joined(separator: ", ") + ")")
        }
        return try Runtime.instantiate(cls, fields.map(\.1), [])
    }
}
