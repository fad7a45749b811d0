import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `learn.recorder`: losses (smoothed, per batch), lrs, per-epoch values,
/// and `plot_loss()` drawn through `matplotlib.pyplot`.
final class RecorderObject: PyObject {
    let learner: LearnerObject
    init(_ l: LearnerObject) { learner = l; super.init(pyClass: RecorderObject.cls) }

    static let cls: PyClass = {
        let c = PyClass(native: "Recorder", module: "fastai.learner")
        func rec(_ v: Value) -> Recorder { v.as(RecorderObject.self)?.learner.recorder ?? Recorder() }
        c.defineProperty("losses", get: { v in
            .object(PyList(rec(v).losses.map { .tensor(Tensor(scalar: .float(Double(Float($0))), dtype: .float32)) }))
        })
        c.defineProperty("lrs", get: { v in .object(PyList(rec(v).lrs.map { .float($0) })) })
        c.defineProperty("iters", get: { v in .object(PyList(rec(v).iters.map { .int($0) })) })
        c.defineProperty("values", get: { v in
            // fastai stores each value as `tensor.item()` of a float32 tensor.
            .object(PyList(rec(v).values.map { row in .object(PyList(row.map { $0.map { .float(Double(Float($0))) } ?? .none })) }))
        })
        c.defineProperty("metric_names", get: { v in .object(PyList(rec(v).metricNames.map { .str($0) })) })
        let plotSig = Signature(parsing: ["self", "skip_start=5", "with_valid=True", "log=False", "show_epochs=False", "ax=None"])
        c.define("plot_loss") { args in
            guard let r = args.positional.first?.as(RecorderObject.self) else { return .none }
            let b = try args.bind(plotSig)
            try plotLoss(r.learner.recorder, skipStart: max(0, try b.int("skip_start")), withValid: try b.bool("with_valid"))
            return .none
        }
        return c
    }()

    /// fastai's `plot_loss`: the smoothed train losses from `skip_start`, and
    /// the validation loss at the end of each epoch.
    static func plotLoss(_ r: Recorder, skipStart: Int, withValid: Bool) throws {
        guard let interp = Interpreter.current else { return }
        let plt = Value.object(try interp.importModule("matplotlib.pyplot"))
        let xs = Array(r.losses.indices.dropFirst(skipStart))
        let train = xs.map { Value.float(r.losses[$0]) }
        _ = try Runtime.callMethod(plt, "plot", [.object(PyList(xs.map { .int($0) })), .object(PyList(train))],
                                   [("label", .str("train"))])
        if withValid {
            var vx: [Value] = [], vy: [Value] = []
            for (i, it) in r.iters.enumerated() where it >= skipStart && i < r.values.count {
                if r.values[i].count > 1, let v = r.values[i][1] { vx.append(.int(it)); vy.append(.float(v)) }
            }
            _ = try Runtime.callMethod(plt, "plot", [.object(PyList(vx)), .object(PyList(vy))], [("label", .str("valid"))])
        }
        _ = try Runtime.callMethod(plt, "legend", [])
    }
}
