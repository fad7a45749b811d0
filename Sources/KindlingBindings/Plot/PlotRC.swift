import KindlingGraphics
import KindlingLanguage

/// `matplotlib.rc(group, **kwargs)`: only `rc('image', cmap=...)` (fastbook's
/// `matplotlib.rc('image', cmap='Greys')`), which sets the colour map of images
/// drawn without `cmap=`. Other settings are refused as not supported.
enum PlotRC {
    static func rc(_ state: PlotState, _ args: Arguments) throws -> Value {
        let b = try args.bind(["group", "**kwargs"])
        var groups: [String] = []
        if case .str(let g) = b["group"] { groups = [g] } else {
            groups = try Runtime.iterateToArray(b["group"]).map { try $0.asString() }
        }
        for group in groups {
            for (key, value) in b.varkw {
                guard group == "image", key == "cmap" else {
                    throw notSupported("matplotlib.rc('\(group)', \(key)=...)")
                }
                let name = try AxesMethods.colorMapName(value)
                if let name, (try? ColorMap.named(name)) == nil {
                    throw pyError(.valueError, "Key image.cmap: '\(name)' is not a valid value for cmap")
                }
                state.imageCmap = name
            }
        }
        return .none
    }
}
