import KindlingEngine
import KindlingLanguage

/// Installs `torch.Tensor`'s methods, properties and operators. Each concern
/// lives in its own `TensorMethods+*.swift` file.
enum TensorMethods {
    static func install(on c: PyClass) {
        installOperators(on: c)
        installProperties(on: c)
        installMath(on: c)
        installReductions(on: c)
        installShape(on: c)
        installConversions(on: c)
        installInPlace(on: c)
        installIndexing(on: c)
        installFactories(on: c)
        installBoundsAndBatches(on: c)
        installRandom(on: c)
        installSelection(on: c)
        installOrdering(on: c)
        installRearranging(on: c)
        installSections(on: c)
        installMoreMath(on: c)
        installMathReductions(on: c)
    }

    /// Defines `name(self, params...)` whose body gets the tensor and the bound arguments.
    static func method(_ c: PyClass, _ name: String, _ params: [String] = [],
                       _ body: @escaping (Tensor, BoundArguments) throws -> Value) {
        let signature = Signature(parsing: ["self"] + params)
        c.define(name) { args in
            let t = try selfTensor(args, name)
            return try body(t, try args.bind(signature))
        }
    }

    /// A method taking no arguments and returning a tensor.
    static func unary(_ c: PyClass, _ name: String, _ body: @escaping (Tensor) throws -> Tensor) {
        c.define(name) { args in
            let t = try selfTensor(args, name)
            if args.count > 1 || !args.keywords.isEmpty {
                throw pyError(.typeError, "TensorBase.\(name)() takes no arguments (\(args.count - 1 + args.keywords.count) given)")
            }
            return .tensor(try body(t))
        }
    }

    static func selfTensor(_ args: Arguments, _ name: String) throws -> Tensor {
        if let t = args.positional.first?.tensorValue { return t }
        let got = args.positional.first?.typeName ?? "nothing"
        throw pyError(.typeError, "descriptor '\(name)' for 'torch._C.TensorBase' objects doesn't apply to a '\(got)' object")
    }
}
