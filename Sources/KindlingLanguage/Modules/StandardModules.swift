extension Interpreter {
    /// The pure-Python-level standard modules implemented in Swift.
    func registerStandardModules() {
        registerNativeModule("math") { _ in MathModule.make() }
        registerNativeModule("time") { _ in TimeModule.make() }
        registerNativeModule("random") { i in try i.extend(RandomModule.make(), with: ModuleExtensions.random) }
        registerNativeModule("os") { i in OSModule.make(i) }
        registerNativeModule("os.path") { i in try i.importModule("os")["path"]?.as(PyModule.self) ?? OSModule.makePath() }
        registerNativeModule("sys") { i in SysModule.make(i) }
        registerNativeModule("pathlib") { _ in PathlibModule.make() }
        registerNativeModule("string") { i in try i.extend(StringModule.make(), with: ModuleExtensions.string) }
        registerNativeModule("operator") { _ in OperatorModule.make() }
        registerNativeModule("functools") { i in try i.extend(FunctoolsModule.make(), with: ModuleExtensions.functools) }
        registerNativeModule("itertools") { _ in ItertoolsModule.make() }
        TypingModule.register(self)
        CollectionsModule.register(self)
        CopyModule.register(self)
        ContextlibModule.register(self)
        HeapqModule.register(self)
        BisectModule.register(self)
        DataclassesModule.register(self)
        TypesModule.register(self)
        registerNativeModule("abc") { _ in AbcModule.make() }
        JsonModule.register(self)
        IoModule.register(self)
        TextwrapModule.register(self)
        WarningsModule.register(self)
        EnumModule.register(self)
        StatisticsModule.register(self)
        GlobModule.register(self)
        PprintModule.register(self)
        DatetimeModule.register(self)
    }
}
