import KindlingData
import KindlingLanguage

/// `pd.set_option` / `pd.get_option` / `pd.reset_option` for the display options Kindling's
/// reprs follow (`display.width`, `display.max_rows`, `display.min_rows`, `display.max_columns`,
/// `display.precision`, `display.max_seq_items`), by their full names.
enum PandasOptions {
    private static let keys: [String: WritableKeyPath<DisplayOptions, Int>] = [
        "display.width": \.lineWidth, "display.max_rows": \.maxRows, "display.min_rows": \.minRows,
        "display.max_columns": \.maxColumns, "display.precision": \.precision,
        "display.max_seq_items": \.maxSeqItems,
    ]

    static func install(in m: PyModule) {
        m["set_option"] = .object(NativeFunction(name: "set_option") { args in
            let items = args.positional
            guard !items.isEmpty, items.count % 2 == 0 else {
                throw pyError(.valueError, "Must provide an even number of non-keyword arguments")
            }
            var options = DisplayOptions.current
            for k in stride(from: 0, to: items.count, by: 2) {
                let key = try path(items[k])
                guard case .int(let n) = items[k + 1] else {
                    if items[k + 1].isNone { throw notSupported("pd.set_option('\(try items[k].asString())', None)") }
                    throw pyError(.valueError, "Value must be an instance of <class 'NoneType'>|<class 'int'>")
                }
                guard n >= 0 else { throw pyError(.valueError, "Value must be a nonnegative integer or None") }
                options[keyPath: key] = n
            }
            DisplayOptions.current = options
            return .none
        })
        m["get_option"] = .object(NativeFunction(name: "get_option") { args in
            guard args.positional.count == 1 else { throw pyError(.typeError, "get_option() takes 1 positional argument") }
            return .int(DisplayOptions.current[keyPath: try path(args.positional[0])])
        })
        m["reset_option"] = .object(NativeFunction(name: "reset_option") { args in
            guard args.positional.count == 1 else { throw pyError(.typeError, "reset_option() takes 1 positional argument") }
            if case .str("all") = args.positional[0] { DisplayOptions.current = DisplayOptions(); return .none }
            let key = try path(args.positional[0])
            DisplayOptions.current[keyPath: key] = DisplayOptions()[keyPath: key]
            return .none
        })
    }

    private static func path(_ name: Value) throws -> WritableKeyPath<DisplayOptions, Int> {
        let key = try name.asString()
        guard let path = keys[key] else { throw notSupported("the pandas option '\(key)' (Kindling knows \(keys.keys.sorted().joined(separator: ", ")))") }
        return path
    }
}
