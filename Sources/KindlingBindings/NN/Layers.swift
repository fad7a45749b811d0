import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// The native layers of `torch.nn`: Linear, activations, Flatten, Sequential.
enum Layers {
    static func layerClass(_ name: String, module: String) -> PyClass {
        PyClass(native: name, base: ModuleClass.module, module: module)
    }

    /// `forward(self, input)` running the native layer.
    static func defineForward(_ c: PyClass) {
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 2 else {
                throw pyError(.typeError, "\(m.pyClass.name).forward() takes 2 positional arguments but \(args.count) were given")
            }
            let x = try TorchConvert.tensor(try args[1], function: m.pyClass.name.lowercased())
            guard let y = try m.nativeForward(x) else { throw notSupported("\(m.pyClass.name).forward") }
            return .tensor(y)
        }
    }

    static let linear: PyClass = {
        let c = layerClass("Linear", module: "torch.nn.modules.linear")
        let sig = Signature(parsing: ["self", "in_features", "out_features", "bias=True", "device=None", "dtype=None"])
        c.define("__init__") { args in
            let m = try ModuleClass.selfModule(args)
            let b = try args.bind(sig)
            let inF = try b.int("in_features"), outF = try b.int("out_features")
            let (w, bias) = try LinearInit.make(inFeatures: inF, outFeatures: outF, bias: try b.bool("bias"))
            m.layer = .linear(inFeatures: inF, outFeatures: outF)
            m.setParameter("weight", TensorObject(w, pyClass: TorchTypes.parameter))
            m.setParameter("bias", bias.map { TensorObject($0, pyClass: TorchTypes.parameter) })
            m.attributes?["in_features"] = .int(inF)
            m.attributes?["out_features"] = .int(outF)
            return .none
        }
        c.define("extra_repr") { args in
            let m = try ModuleClass.selfModule(args)
            guard case .linear(let i, let o) = m.layer else { return .str("") }
            let hasBias = (m.parameter(named: "bias") ?? nil) != nil
            return .str("in_features=\(i), out_features=\(o), bias=\(hasBias ? "True" : "False")")
        }
        defineForward(c)
        return c
    }()

    static func activation(_ name: String, _ layer: NativeLayer) -> PyClass {
        let c = layerClass(name, module: "torch.nn.modules.activation")
        let sig = Signature(parsing: ["self", "inplace=False"])
        c.define("__init__") { args in
            let m = try ModuleClass.selfModule(args)
            if name == "ReLU" {
                m.attributes?["inplace"] = .bool(try args.bind(sig).bool("inplace"))
            } else if args.count > 1 || !args.keywords.isEmpty {
                throw pyError(.typeError, "\(name).__init__() takes 1 positional argument but \(args.count) were given")
            }
            m.layer = layer
            return .none
        }
        if name == "ReLU" {
            c.define("extra_repr") { args in
                let inplace = try (try ModuleClass.selfModule(args).attributes?["inplace"] ?? .bool(false)).isTruthy()
                return .str(inplace ? "inplace=True" : "")
            }
        }
        defineForward(c)
        return c
    }

    static let relu = activation("ReLU", .activation(.relu))
    static let sigmoid = activation("Sigmoid", .activation(.sigmoid))
    static let tanh = activation("Tanh", .activation(.tanh))

    static let flatten: PyClass = {
        let c = layerClass("Flatten", module: "torch.nn.modules.flatten")
        let sig = Signature(parsing: ["self", "start_dim=1", "end_dim=-1"])
        c.define("__init__") { args in
            let m = try ModuleClass.selfModule(args)
            let b = try args.bind(sig)
            m.layer = .activation(.flatten(startDim: try b.int("start_dim"), endDim: try b.int("end_dim")))
            return .none
        }
        c.define("extra_repr") { args in
            guard case .activation(.flatten(let s, let e)) = try ModuleClass.selfModule(args).layer else { return .str("") }
            return .str("start_dim=\(s), end_dim=\(e)")
        }
        defineForward(c)
        return c
    }()

    static let sequential: PyClass = {
        let c = layerClass("Sequential", module: "torch.nn.modules.container")
        c.define("__init__") { args in
            let m = try ModuleClass.selfModule(args)
            m.layer = .sequential
            for (i, v) in args.positional.dropFirst().enumerated() {
                guard let sub = v.as(ModuleObject.self) else {
                    throw pyError(.typeError, "\(v.typeName) is not a Module subclass")
                }
                m.setChild(String(i), sub)
            }
            return .none
        }
        c.define("__len__") { args in .int(try ModuleClass.selfModule(args).children.count) }
        c.define("__iter__") { args in
            .object(ModuleClass.iterator(try ModuleClass.selfModule(args).children.map { $0.module.map { .object($0) } ?? .none }))
        }
        c.define("__getitem__") { args in
            let m = try ModuleClass.selfModule(args)
            let key = try args[1]
            if let s = key.as(PySlice.self) {
                let out = ModuleObject(pyClass: m.pyClass)
                out.layer = .sequential
                for i in try s.positions(m.children.count) { out.children.append(m.children[i]) }
                return .object(out)
            }
            let n = m.children.count
            var i = try key.asInt()
            if i < 0 { i += n }
            guard i >= 0 && i < n else { throw pyError(.indexError, "index \(try key.asInt()) is out of range") }
            return m.children[i].module.map { .object($0) } ?? .none
        }
        c.define("append") { args in
            let m = try ModuleClass.selfModule(args)
            guard let sub = (try args[1]).as(ModuleObject.self) else {
                throw pyError(.typeError, "\((try args[1]).typeName) is not a Module subclass")
            }
            m.setChild(String(m.children.count), sub)
            return args.positional[0]
        }
        defineForward(c)
        return c
    }()

    static let lossClasses: [PyClass] = [LossKind.crossEntropy, .mse, .l1, .bceWithLogits, .bce, .nll].map(lossClass)

    static func lossClass(_ kind: LossKind) -> PyClass {
        let c = layerClass(kind.rawValue, module: "torch.nn.modules.loss")
        let sig = Signature(parsing: ["self", "weight=None", "size_average=None", "ignore_index=-100", "reduce=None",
                                      "reduction='mean'", "label_smoothing=0.0", "pos_weight=None"])
        c.define("__init__") { args in
            let m = try ModuleClass.selfModule(args)
            let b = try args.bind(sig)
            let options = try ClassLossOptions.parse(weight: b["weight"], labelSmoothing: b["label_smoothing"],
                                                     posWeight: b["pos_weight"], kind: kind, function: kind.rawValue)
            let reduction = try Reduction(parsing: try b.string("reduction"))
            m.layer = .loss(kind, reduction, ignoreIndex: try b.int("ignore_index"))
            m.storeLossOptions(options, kind: kind, ignoreIndex: try b.int("ignore_index"))
            m.attributes?["reduction"] = .str(reduction.rawValue)
            return .none
        }
        c.define("forward") { args in
            let m = try ModuleClass.selfModule(args)
            guard args.count == 3 else {
                throw pyError(.typeError, "\(kind.rawValue).forward() missing 1 required positional argument: 'target'")
            }
            return .tensor(try m.lossForward(try args[1], try args[2]))
        }
        return c
    }
}

extension ModuleObject {
    /// A loss module applied to `(input, target)`.
    func lossForward(_ input: Value, _ target: Value) throws -> Tensor {
        guard case .loss(let kind, _, _) = layer else { throw notSupported("this loss") }
        let x = try TorchConvert.tensor(input, function: kind.rawValue.lowercased())
        let y = try TorchConvert.tensor(target, function: kind.rawValue.lowercased(), argument: "target", position: 2)
        return try lossTensor(x, y)
    }
}
