import KindlingLanguage

/// The general-purpose names real `from fastai.vision.all import *` (and `fastai.basics`)
/// brings in besides fastai's own classes: the modules fastai imports (`np`, `pd`, `plt`,
/// `torch`, `math`, `random`, `os`, `functools`, ...), `partial`, `set_seed`, `IN_COLAB`, and
/// `untar_data`/`URLs`, which need the network and are refused clearly.
enum FastaiExports {
    /// Adds the names Kindling has; the ones it lacks stay absent (a NameError, never a stand-in).
    static func install(into m: PyModule, _ interp: Interpreter) {
        let modules: [(String, String)] = [
            ("np", "numpy"), ("pd", "pandas"), ("torch", "torch"), ("nn", "torch.nn"), ("F", "torch.nn.functional"),
            ("math", "math"), ("random", "random"), ("os", "os"), ("sys", "sys"), ("string", "string"),
            ("functools", "functools"), ("operator", "operator"), ("time", "time"), ("re", "re"),
        ]
        for (name, module) in modules {
            if let loaded = try? interp.importModule(module) { m[name] = .object(loaded) }
        }
        if let functools = try? interp.importModule("functools") {
            for name in ["partial", "reduce"] { if let f = functools[name] { m[name] = f } }
        }
        // The names fastai's modules import from the standard library and re-export.
        let reexported: [(String, [String])] = [
            ("collections", ["Counter", "OrderedDict", "defaultdict", "namedtuple"]),
            ("copy", ["copy", "deepcopy"]),
            ("contextlib", ["contextmanager", "redirect_stdout"]),
            ("itertools", ["dropwhile", "starmap", "takewhile", "zip_longest"]),
            ("operator", ["attrgetter", "itemgetter", "methodcaller"]),
            ("types", ["SimpleNamespace", "FunctionType", "LambdaType", "MethodType"]),
            ("typing", ["Any", "Callable", "Dict", "Generator", "Iterable", "Iterator", "List", "Optional",
                        "Sequence", "Set", "Tuple", "TypeVar", "Union"]),
        ]
        // Bound on first use: importing these modules up front would slow every fastai import.
        for module in ["collections", "itertools", "typing", "types", "json", "io"] {
            m.namespace.lazyNames[module] = { [unowned interp] in (try? interp.importModule(module)).map { .object($0) } }
        }
        for (module, names) in reexported {
            for name in names {
                m.namespace.lazyNames[name] = { [unowned interp] in (try? interp.importModule(module))?[name] }
            }
        }
        if let pathlib = try? interp.importModule("pathlib"), let path = pathlib["Path"] { m["Path"] = path }
        m["array"] = NumpyCreation.array
        m["to_np"] = NumpyBridge.toNumpy
        m["IN_COLAB"] = .bool(false)
        m["set_seed"] = setSeed(interp)
        m["untar_data"] = .object(NativeFunction(name: "untar_data") { _ in
            throw notSupported("untar_data (downloading fastai's datasets needs the network; Kindling runs offline with its bundled data)")
        })
        m["URLs"] = .object(urls)
    }

    /// fastai's `set_seed(s, reproducible=False)`: seeds torch, NumPy (`s % (2**32 - 1)`) and `random`.
    static func setSeed(_ interp: Interpreter) -> Value {
        let sig = Signature(parsing: ["s", "reproducible=False"])
        return .object(NativeFunction(name: "set_seed") { [unowned interp] args in
            let b = try args.bind(sig)
            let s = try b.int("s")
            if let torch = try? interp.importModule("torch"), let seed = torch["manual_seed"] { _ = try Runtime.call(seed, [.int(s)]) }
            if let random = try? interp.importModule("numpy.random"), let seed = random["seed"] {
                let m = Int(UInt32.max)
                _ = try Runtime.call(seed, [.int(((s % m) + m) % m)])
            }
            if let random = try? interp.importModule("random"), let seed = random["seed"] { _ = try Runtime.call(seed, [.int(s)]) }
            return .none
        })
    }

    /// fastai's `URLs`: the addresses of its datasets (fetching them is refused by `untar_data`).
    static let urls: PyClass = {
        let c = PyClass(native: "URLs", module: "fastai.data.external")
        let sample = "https://s3.amazonaws.com/fast-ai-sample/", imageclas = "https://s3.amazonaws.com/fast-ai-imageclas/"
        let entries: [(String, String)] = [
            ("MNIST_SAMPLE", sample + "mnist_sample.tgz"), ("MNIST_TINY", sample + "mnist_tiny.tgz"),
            ("MNIST", imageclas + "mnist_png.tgz"), ("PETS", imageclas + "oxford-iiit-pet.tgz"),
            ("ADULT_SAMPLE", sample + "adult_sample.tgz"), ("IMDB_SAMPLE", sample + "imdb_sample.tgz"),
            ("CIFAR", sample + "cifar10.tgz"), ("IMAGENETTE", imageclas + "imagenette2.tgz"),
            ("IMAGENETTE_160", imageclas + "imagenette2-160.tgz"), ("BIWI_SAMPLE", sample + "biwi_sample.tgz"),
            ("CAMVID_TINY", sample + "camvid_tiny.tgz"), ("ML_SAMPLE", sample + "movie_lens_sample.tgz"),
            ("HUMAN_NUMBERS", sample + "human_numbers.tgz"), ("PLANET_TINY", sample + "planet_tiny.tgz"),
        ]
        for (name, url) in entries { c.setAttribute(name, .str(url)) }
        c.constructor = { _ in throw notSupported("URLs(...) (downloading fastai's datasets)") }
        return c
    }()
}
