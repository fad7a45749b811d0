import KindlingEngine
import KindlingLanguage
import KindlingTraining

/// `torch.optim.lr_scheduler`: StepLR, MultiStepLR, ExponentialLR, LambdaLR,
/// CosineAnnealingLR and OneCycleLR on Kindling's optimizers.
final class SchedulerObject: PyObject {
    let scheduler: LRScheduler
    let optimizerValue: Value

    init(_ scheduler: LRScheduler, optimizer: Value, pyClass: PyClass) {
        self.scheduler = scheduler
        self.optimizerValue = optimizer
        super.init(pyClass: pyClass)
    }
}

enum LRSchedulerModule {
    static func make() -> PyModule {
        let m = PyModule(name: "torch.optim.lr_scheduler")
        let classes: [PyClass] = [
            schedulerClass("StepLR", ["optimizer", "step_size", "gamma=0.1", "last_epoch=-1"]) { b in
                .step(stepSize: try b.int("step_size"), gamma: try b.double("gamma"))
            },
            schedulerClass("MultiStepLR", ["optimizer", "milestones", "gamma=0.1", "last_epoch=-1"]) { b in
                var counts: [Int: Int] = [:]
                for v in try Runtime.iterateToArray(b["milestones"]) { counts[try v.asInt(), default: 0] += 1 }
                return .multiStep(milestones: counts, gamma: try b.double("gamma"))
            },
            schedulerClass("ExponentialLR", ["optimizer", "gamma", "last_epoch=-1"]) { b in .exponential(gamma: try b.double("gamma")) },
            schedulerClass("LambdaLR", ["optimizer", "lr_lambda", "last_epoch=-1"]) { b in
                let f = b["lr_lambda"]
                if f.as(PyList.self) != nil || f.as(PyTuple.self) != nil {
                    let items = try Runtime.iterateToArray(f)
                    guard items.count == 1 else { throw pyError(.valueError, "Expected 1 lr_lambdas, but got \(items.count)") }
                    return .lambda { epoch in try Runtime.call(items[0], [.int(epoch)]).asDouble() }
                }
                return .lambda { epoch in try Runtime.call(f, [.int(epoch)]).asDouble() }
            },
            schedulerClass("CosineAnnealingLR", ["optimizer", "T_max", "eta_min=0.0", "last_epoch=-1"]) { b in
                .cosineAnnealing(tMax: try b.int("T_max"), etaMin: try b.double("eta_min"))
            },
            schedulerClass("OneCycleLR", ["optimizer", "max_lr", "total_steps=None", "epochs=None", "steps_per_epoch=None",
                                          "pct_start=0.3", "anneal_strategy='cos'", "cycle_momentum=True", "base_momentum=0.85",
                                          "max_momentum=0.95", "div_factor=25.0", "final_div_factor=10000.0",
                                          "three_phase=False", "last_epoch=-1"]) { b in .oneCycle(try oneCyclePlan(b)) },
        ]
        for c in classes { m[c.name] = .object(c) }
        return m
    }

    static func oneCyclePlan(_ b: BoundArguments) throws -> OneCyclePlan {
        let total: Int
        if let t = try b.optionalInt("total_steps") {
            guard t > 0 else { throw pyError(.valueError, "Expected positive integer total_steps, but got \(t)") }
            total = t
        } else if let epochs = try b.optionalInt("epochs"), let perEpoch = try b.optionalInt("steps_per_epoch") {
            guard epochs > 0 else { throw pyError(.valueError, "Expected positive integer epochs, but got \(epochs)") }
            guard perEpoch > 0 else { throw pyError(.valueError, "Expected positive integer steps_per_epoch, but got \(perEpoch)") }
            total = epochs * perEpoch
        } else {
            throw pyError(.valueError, "You must define either total_steps OR (epochs AND steps_per_epoch)")
        }
        let pct = try b.double("pct_start")
        guard pct >= 0 && pct <= 1 else { throw pyError(.valueError, "Expected float between 0 and 1 pct_start, but got \(try Runtime.str(b["pct_start"]))") }
        let strategy = try b.string("anneal_strategy")
        guard strategy == "cos" || strategy == "linear" else {
            throw pyError(.valueError, "anneal_strategy must be one of 'cos' or 'linear', instead got \(strategy)")
        }
        if b["max_lr"].as(PyList.self) != nil || b["max_lr"].as(PyTuple.self) != nil {
            throw notSupported("OneCycleLR with a max_lr per parameter group")
        }
        return OneCyclePlan(maxLR: try b.double("max_lr"), totalSteps: total, pctStart: pct, cosine: strategy == "cos",
                            cycleMomentum: try b.bool("cycle_momentum"), baseMomentum: try b.double("base_momentum"),
                            maxMomentum: try b.double("max_momentum"), divFactor: try b.double("div_factor"),
                            finalDivFactor: try b.double("final_div_factor"), threePhase: try b.bool("three_phase"))
    }

    static func schedulerClass(_ name: String, _ params: [String],
                               _ kind: @escaping (BoundArguments) throws -> LRScheduler.Kind) -> PyClass {
        let c = PyClass(native: name, module: "torch.optim.lr_scheduler")
        let sig = Signature(parsing: params)
        c.constructor = { args in
            let b = try args.bind(sig)
            guard let o = b["optimizer"].as(OptimizerObject.self) else {
                throw pyError(.typeError, "\(b["optimizer"].typeName) is not an Optimizer")
            }
            if try b.int("last_epoch") != -1 { throw notSupported("\(name)(last_epoch=...) (resuming a schedule)") }
            return .object(SchedulerObject(try LRScheduler(o.optimizer, try kind(b)), optimizer: b["optimizer"], pyClass: c))
        }
        func me(_ args: Arguments) throws -> SchedulerObject { try args.selfObject(SchedulerObject.self) }
        c.define("step") { args in
            let b = try args.bind(["self", "epoch=None"])
            if !b["epoch"].isNone { throw notSupported("scheduler.step(epoch) (deprecated in PyTorch)") }
            do { try me(args).scheduler.step() } catch is LRScheduler.ZeroModulo {
                throw pyError(.zeroDivisionError, "integer modulo by zero")
            }
            return .none
        }
        c.define("get_last_lr") { args in .object(PyList([.float(try me(args).scheduler.lastLR)])) }
        c.defineProperty("last_epoch", get: { v in .int(v.as(SchedulerObject.self)?.scheduler.lastEpoch ?? -1) })
        c.defineProperty("base_lrs", get: { v in .object(PyList([.float(v.as(SchedulerObject.self)?.scheduler.baseLR ?? 0)])) })
        c.defineProperty("optimizer", get: { v in v.as(SchedulerObject.self)?.optimizerValue ?? .none })
        return c
    }
}
