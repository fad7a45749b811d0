import KindlingEngine
import KindlingLanguage

extension TensorMethods {
    /// `multinomial`, `bernoulli`, `bernoulli_` and `exponential_` with `generator=`.
    static func installRandom(on c: PyClass) {
        method(c, "multinomial", ["num_samples", "replacement=False", "*", "generator=None"]) { t, b in
            .tensor(try t.multinomial(numSamples: try b.int("num_samples"), replacement: try b.bool("replacement"),
                                      generator: try GeneratorObject.from(b["generator"], function: "multinomial")))
        }
        method(c, "bernoulli", ["p=None", "*", "generator=None"]) { t, b in
            .tensor(try TorchRandom.bernoulli(t, p: b["p"], generator: try GeneratorObject.from(b["generator"], function: "bernoulli")))
        }
        c.define("bernoulli_") { args in
            let t = try selfTensor(args, "bernoulli_")
            let b = try args.bind(["self", "p=0.5", "*", "generator=None"])
            let generator = try GeneratorObject.from(b["generator"], function: "bernoulli_")
            if let p = b["p"].tensorValue {
                try t.bernoulli_(probabilities: p, generator: generator)
            } else {
                try t.bernoulli_(p: try b.double("p"), generator: generator)
            }
            return try args[0]
        }
        c.define("exponential_") { args in
            let t = try selfTensor(args, "exponential_")
            let b = try args.bind(["self", "lambd=1", "*", "generator=None"])
            try t.exponential_(lambd: try b.double("lambd"), generator: try GeneratorObject.from(b["generator"], function: "exponential_"))
            return try args[0]
        }
    }
}
