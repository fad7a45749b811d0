import KindlingData
import KindlingLanguage

/// Registers every module Kindling's scripts can import: `torch` and its
/// submodules, `numpy`, `fastai.vision.all`, `pandas`, `matplotlib.pyplot`. Modules are
/// built lazily on first import, so start-up stays cheap.
public enum KindlingModules {
    /// Native module loaders by dotted name. Each area of the bindings adds its
    /// own entries (see `TorchModule`, ...).
    nonisolated(unsafe) static var loaders: [(String, (Interpreter) throws -> PyModule)] = []

    public static func install(into interp: Interpreter) {
        for (name, loader) in allLoaders() {
            interp.registerNativeModule(name) { i in
                let m = try loader(i)
                m.isPartialLibrary = true   // a missing name is "not supported by Kindling"
                return m
            }
        }
        interp.registerEagerSubmodules(of: "torch", TorchSubmodules.eager)
        interp.missingModuleNote = UnsupportedModules.note(for:)
        NumpyPrintOptions.current = NumpyPrintOptions()   // a new session prints with the libraries' defaults
        DisplayOptions.current = DisplayOptions()
    }

    static func allLoaders() -> [(String, (Interpreter) throws -> PyModule)] {
        TorchModule.loaders + TorchSubmodules.loaders + PandasModule.loaders + PlotModules.loaders + NNModule.loaders + FastaiModule.loaders
            + NumpyModule.loaders
    }
}
