import KindlingEngine

/// An optimizer whose weight decay fastai's `fit(wd=)` sets (`opt.set_hypers(wd=...)`):
/// fastai's SGD and Adam decay decoupled (`p *= 1 - lr*wd`, `true_wd`) unless created with
/// `decouple_wd=False`; torch's optimizers take it as `weight_decay`, as fastai's OptimWrapper maps it.
public protocol WeightDecaySettable: Optimizer {
    var wd: Double { get set }
}

/// fastai's optimizers, whose parameters can opt out of weight decay (`do_wd=False`).
public protocol FastaiOptimizer: WeightDecaySettable {
    var decayExempt: Set<ObjectIdentifier> { get set }
}

extension FastaiOptimizer {
    /// fastai's `Learner.create_opt` with `wd_bn_bias=False`: no weight decay on `biases`
    /// (the model's bias parameters; Kindling has no normalisation layers).
    public func exemptFromDecay(_ biases: [Tensor]) { decayExempt.formUnion(biases.map { ObjectIdentifier($0) }) }
}

extension FastaiSGD: FastaiOptimizer {}
extension FastaiAdam: FastaiOptimizer {}
extension TorchSGD: WeightDecaySettable {
    public var wd: Double { get { weightDecay } set { weightDecay = newValue } }
}
extension TorchAdam: WeightDecaySettable {
    public var wd: Double { get { weightDecay } set { weightDecay = newValue } }
}

/// fastai's fitting policies (`Learner.fit_one_cycle`, `fine_tune`, `predict`) on the loop.
extension TrainingLoop {
    /// fastai's `set_hypers(wd=)`: the weight decay of this and later fits.
    public func setWeightDecay(_ wd: Double) throws {
        guard let o = optimizer as? WeightDecaySettable else {
            throw TensorError(.notImplementedError, "weight decay on this optimizer is not supported by Kindling")
        }
        o.wd = wd
    }

    /// `fit_one_cycle(n_epoch, lr_max, div, div_final, pct_start, wd, moms)`: the learning rate
    /// rises from `lrMax/div` to `lrMax` over the first `pctStart` of the batches along a cosine,
    /// then falls to `lrMax/divFinal`; momentum moves the other way through `moms`.
    public func fitOneCycle(epochs: Int, lrMax: Double, div: Double = 25, divFinal: Double = 1e5, pctStart: Double = 0.25,
                            moms: (Double, Double, Double) = (0.95, 0.85, 0.95), wd: Double? = nil, startEpoch: Int = 0) throws {
        if let wd { try setWeightDecay(wd) }
        try fit(epochs: epochs, lr: nil,
                schedule: .oneCycle(lrMax: lrMax, div: div, divFinal: divFinal, pctStart: pctStart, moms: moms),
                startEpoch: startEpoch)
    }

    /// `fine_tune(epochs, base_lr, freeze_epochs, lr_mult, pct_start, div)`: `freezeEpochs` one-cycle
    /// epochs at `baseLR` with `pct_start` 0.99, then `epochs` at `baseLR / 2`. With one parameter
    /// group the top rate is what matters (`lr_mult` scales the lower groups), and a model without a
    /// pretrained body has nothing to freeze.
    public func fineTune(epochs: Int, baseLR: Double = 2e-3, freezeEpochs: Int = 1, pctStart: Double = 0.3, div: Double = 5,
                         moms: (Double, Double, Double) = (0.95, 0.85, 0.95), wd: Double? = nil, startEpoch: Int = 0) throws {
        try fitOneCycle(epochs: freezeEpochs, lrMax: baseLR, pctStart: 0.99, moms: moms, wd: wd, startEpoch: startEpoch)
        try fitOneCycle(epochs: epochs, lrMax: baseLR / 2, div: div, pctStart: pctStart, moms: moms, wd: wd, startEpoch: startEpoch)
    }

    /// `predict(item)`: the model in eval mode without gradients on a batch of one, the loss's
    /// `activation` applied when it has one, and the decoded class (argmax of the last dim).
    public func predict(_ item: Tensor, activation: ((Tensor) throws -> Tensor)?) throws -> (decoded: Tensor, probabilities: Tensor) {
        try setTraining(false)
        let pred = try GradMode.withNoGrad { try forward(try item.unsqueeze(0)).squeeze(0) }
        let probs = try activation.map { try $0(pred) } ?? pred
        return (probs.dim > 0 ? try probs.argmax(dim: -1) : probs, probs)
    }
}
