extension Interpreter {
    /// Registers a standard module written in Python (Kindling's own code, kept in the Swift file
    /// of the module): `natives` first puts the module's Swift helpers into its namespace, then the
    /// source runs in it. Names the module lacks are reported as not supported by Kindling.
    func registerSourceModule(_ name: String, source: String, natives: ((PyModule) -> Void)? = nil) {
        registerNativeModule(name) { interpreter in
            let m = PyModule(name: name)
            m.isPartialLibrary = true
            m["__builtins__"] = .object(interpreter.builtinsModule)
            natives?(m)
            try interpreter.onBigStack { try interpreter.execute(source: source, filename: "<kindling \(name)>", in: m) }
            return m
        }
    }
}
