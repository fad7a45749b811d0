import KindlingEngine
import KindlingLanguage

/// `DataLoader`, `DataLoaders`, `first` for fastai, and `torch.utils.data`.
enum DataModule {
    static func loaderClass(module: String, torchStyle: Bool) -> PyClass {
        let c = PyClass(native: "DataLoader", module: module)
        let sig = torchStyle
            ? Signature(parsing: ["dataset", "batch_size=1", "shuffle=False", "sampler=None", "batch_sampler=None",
                                  "num_workers=0", "collate_fn=None", "pin_memory=False", "drop_last=False", "**kwargs"])
            : Signature(parsing: ["dataset=None", "bs=64", "shuffle=False", "num_workers=None", "verbose=False",
                                  "do_setup=True", "pin_memory=False", "timeout=0", "batch_size=None", "drop_last=False",
                                  "indexed=None", "n=None", "device=None", "**kwargs"])
        c.constructor = { args in
            let b = try args.bind(sig)
            if torchStyle {
                for unsupported in ["sampler", "batch_sampler", "collate_fn"] where !b[unsupported].isNone {
                    throw notSupported("DataLoader(\(unsupported)=...)")
                }
            }
            var bs: Int
            if torchStyle { bs = try b.int("batch_size") } else { bs = try b.optionalInt("batch_size") ?? b.int("bs") }
            if bs <= 0 {
                throw pyError(.valueError, "batch_size should be a positive integer value, but got batch_size=\(bs)")
            }
            let dataset = b["dataset"]
            if dataset.isNone { throw pyError(.typeError, "DataLoader needs a dataset") }
            let loader = try DataLoaderObject(dataset: dataset, batchSize: bs, shuffle: try b.bool("shuffle"),
                                              dropLast: try b.bool("drop_last"), torchStyle: torchStyle, pyClass: c)
            if torchStyle, let g = b.varkw.first(where: { $0.0 == "generator" })?.1 {
                loader.generator = g.isNone ? nil : try GeneratorObject.from(g, function: "DataLoader")
            }
            return .object(loader)
        }
        c.define("__len__") { args in .int(try selfLoader(args).batchCount) }
        c.define("__iter__") { args in .object(try selfLoader(args).makeIterator()) }
        c.defineProperty("dataset", get: { v in v.as(DataLoaderObject.self)?.dataset ?? .none })
        c.defineProperty("bs", get: { v in .int(v.as(DataLoaderObject.self)?.sampler.batchSize ?? 0) })
        c.defineProperty("batch_size", get: { v in .int(v.as(DataLoaderObject.self)?.sampler.batchSize ?? 0) })
        c.defineProperty("shuffle", get: { v in .bool(v.as(DataLoaderObject.self)?.sampler.shuffle ?? false) })
        c.defineProperty("drop_last", get: { v in .bool(v.as(DataLoaderObject.self)?.sampler.dropLast ?? false) })
        c.defineProperty("n", get: { v in .int(v.as(DataLoaderObject.self)?.sampler.count ?? 0) })
        c.define("one_batch") { args in
            let dl = try selfLoader(args)
            guard let first = try dl.makeIterator().next() else {
                throw pyError(.valueError, "This DataLoader does not contain any batches")
            }
            return first
        }
        return c
    }

    static func selfLoader(_ args: Arguments) throws -> DataLoaderObject {
        guard let dl = args.positional.first?.as(DataLoaderObject.self) else {
            throw pyError(.typeError, "expected a DataLoader")
        }
        return dl
    }

    static let fastaiLoader = loaderClass(module: "fastai.data.load", torchStyle: false)
    static let torchLoader = loaderClass(module: "torch.utils.data.dataloader", torchStyle: true)

    /// fastai's `DataLoaders(*loaders)`: `.train`, `.valid`, `[i]`, `one_batch()`.
    static let loaders: PyClass = {
        let c = PyClass(native: "DataLoaders", module: "fastai.data.core")
        c.define("__init__") { args in
            guard let o = args.positional.first?.object, let attrs = o.attributes else { return .none }
            attrs["loaders"] = .object(PyList(Array(args.positional.dropFirst())))
            return .none
        }
        c.factory = { cls in PyObject(pyClass: cls, hasAttributes: true) }
        func loader(_ v: Value, _ i: Int) throws -> Value {
            guard let l = try Runtime.getAttribute(v, "loaders").as(PyList.self) else { return .none }
            guard i < l.items.count else { throw pyError(.indexError, "list index out of range") }
            return l.items[i]
        }
        c.defineProperty("train", get: { v in try loader(v, 0) })
        c.defineProperty("valid", get: { v in try loader(v, 1) })
        c.defineProperty("train_ds", get: { v in try Runtime.getAttribute(try loader(v, 0), "dataset") })
        c.defineProperty("valid_ds", get: { v in try Runtime.getAttribute(try loader(v, 1), "dataset") })
        c.define("__getitem__") { args in try loader(args.positional[0], try (try args[1]).asInt()) }
        c.define("__len__") { args in
            .int((try Runtime.getAttribute(args.positional[0], "loaders").as(PyList.self))?.items.count ?? 0)
        }
        c.define("one_batch") { args in
            try Runtime.callMethod(try loader(args.positional[0], 0), "one_batch", [])
        }
        return c
    }()

    /// fastcore's `first(x)`: the first item of an iterable, or None.
    static let first: Value = .object(NativeFunction(name: "first") { args in
        guard let v = args.positional.first else { throw pyError(.typeError, "first() missing 1 required positional argument: 'x'") }
        return try Runtime.makeIterator(v).next() ?? .none
    })

    static func makeTorchUtilsData() -> PyModule {
        let m = PyModule(name: "torch.utils.data")
        m["DataLoader"] = .object(torchLoader)
        m["TensorDataset"] = .object(TensorDatasetObject.pyClass)
        m["Dataset"] = .object(TorchDatasetClass.dataset)
        return m
    }
}
