/// Every differentiable primitive the engine records, with the values its
/// gradient needs. `GradRules.backward` handles each case; adding a case
/// without a rule is a compile error. Only two kinds of node carry their own
/// closure: fused losses (each tested equal to its composed form) and Python's
/// `torch.autograd.Function`s.
enum BackwardOp {
    // Elementwise binary (input shapes kept to sum broadcast gradients back).
    case add([Int], [Int])
    case sub([Int], [Int])
    case rsub([Int])
    case mul(a: SavedTensor?, b: SavedTensor?, [Int], [Int])
    case div(a: SavedTensor?, b: SavedTensor, [Int], [Int])
    case divByNumber(Float)
    case pow(base: SavedTensor, exponent: SavedTensor, result: SavedTensor, [Int], [Int])
    case powScalar(base: SavedTensor, exponent: Double)
    case rpow(base: Double, result: SavedTensor)
    case extremum(isMax: Bool, a: SavedTensor, b: SavedTensor, [Int], [Int])
    case remainder(a: SavedTensor, b: SavedTensor, [Int], [Int])
    case whereSelect(cond: Tensor, [Int], [Int])
    /// `to(dtype)` between float dtypes: the gradient goes back in the source dtype.
    case toCopy(from: DType)
    // Elementwise unary.
    case neg
    case abs(SavedTensor)
    case sqrt(SavedTensor)
    case exp(SavedTensor)
    case log(SavedTensor)
    case sigmoid(SavedTensor)
    case tanh(SavedTensor)
    case relu(SavedTensor)
    case leakyRelu(x: SavedTensor, slope: Float)
    case reciprocal(SavedTensor)
    case sin(SavedTensor)
    case cos(SavedTensor)
    case clamp(name: String, x: SavedTensor, min: Double, max: Double)
    case zeroGrad(name: String)
    // Further element-wise math and reductions (UnaryMath, BinaryMath, TernaryMath, MathReductions).
    case unaryMath(UnaryMathFunction, x: SavedTensor, result: SavedTensor)
    case binaryMath(BinaryMathFunction, a: SavedTensor, b: SavedTensor, [Int], [Int])
    case ternaryMath(TernaryMathFunction, SavedTensor, SavedTensor, SavedTensor)
    case mathReduction(MathReduction, x: SavedTensor, result: SavedTensor, dims: [Int], keepdim: Bool)
    // Reductions.
    case sumAll([Int])
    case sumDims([Int], [Int], Bool)
    case meanAll([Int])
    case meanDims([Int], [Int], Bool, Int)
    case prod(x: SavedTensor, result: SavedTensor, dim: Int?, all: Bool, keepdim: Bool)
    case extremumAll(isMax: Bool, x: SavedTensor, result: SavedTensor)
    case extremumDim(isMax: Bool, indices: Tensor, [Int], Int, Bool)
    case variance(x: SavedTensor, dims: [Int], correction: Int, keepdim: Bool, std: SavedTensor?)
    case cumsum(Int)
    // Matrix products.
    case mm(a: SavedTensor?, b: SavedTensor?)
    case bmm(a: SavedTensor?, b: SavedTensor?)
    case dot(a: SavedTensor, b: SavedTensor)
    case mv(a: SavedTensor, v: SavedTensor)
    case linear(x: SavedTensor?, w: SavedTensor?, biasShape: [Int]?)
    // Convolution and pooling.
    case conv2d(input: SavedTensor, weight: SavedTensor, geometry: Conv2dGeometry, hasBias: Bool)
    case maxPool2d(indices: Tensor, inputShape: [Int])
    // Views and copies.
    case view([Int])
    case unsafeView([Int])
    case transpose(Int, Int)
    case t
    case permute([Int])
    case unsqueeze(Int)
    case squeezeDim([Int])
    case squeezeAll([Int])
    case squeezeMatmul([Int])
    case expand([Int])
    case select([Int], Int, Int)
    case unbindSelect([Int], Int, Int)
    case slice([Int], Int, Int, Int)
    case clone
    case alias
    // Softmax family (fused kernels on the saved output).
    case softmax(output: SavedTensor, layout: SoftmaxLayout, log: Bool)
    // Joining.
    case cat(dim: Int, starts: [Int], sizes: [Int], skipped: [Bool])
    case stack(dim: Int, count: Int)
    // In-place writes that replace a tensor's history.
    case fill([Int])
    case copyFrom(sourceShape: [Int])
    // Advanced indexing and index assignment.
    case index(AdvancedIndexPlan, sourceShape: [Int])
    case indexPut(items: [TensorIndex], valueShape: [Int], valueNeedsGrad: Bool, advanced: Bool)
    // Copies by element position (gather, sort, flip, the scatters...; see PositionKernels).
    case takePositions(name: String, positions: [Int], sourceShape: [Int])
    case scatterPositions(name: String, targets: [Int], sourcePositions: [Int], sourceShape: [Int], accumulate: Bool)
    /// A whole-tensor selection (median()): the gradient is shared by every element equal to the result.
    case evenlyDistributed(name: String, x: SavedTensor, result: SavedTensor)
    case cumprod(x: SavedTensor, dim: Int)
    case diagonal(shape: [Int], offset: Int, dim1: Int, dim2: Int)
    /// A slice view under another node name (split/chunk: SplitBackward0, SplitWithSizesBackward0).
    case namedSlice(name: String, shape: [Int], dim: Int, start: Int)
    // Ops whose input gradient is undefined; backward raises.
    case notDifferentiable(name: String, shapes: [[Int]])
    // A loss fused into one kernel by the training library (see `Tensor.recordFusedLoss`).
    case fusedLoss(name: String, backward: (Tensor) throws -> [Tensor?])
    // A user's `torch.autograd.Function` (see `Tensor.recordPythonFunction`).
    case pythonFunction(name: String, backward: (Tensor) throws -> [Tensor?])
    // Saved values already freed by a backward pass.
    case freed

    /// PyTorch's node class name.
    var name: String {
        switch self {
        case .add: return "AddBackward0"
        case .sub: return "SubBackward0"
        case .rsub: return "RsubBackward1"
        case .mul: return "MulBackward0"
        case .div: return "DivBackward0"
        case .divByNumber: return "DivBackward1"
        case .toCopy: return "ToCopyBackward0"
        case .pow: return "PowBackward1"
        case .powScalar: return "PowBackward0"
        case .rpow: return "PowBackward2"
        case .extremum(let isMax, _, _, _, _): return isMax ? "MaximumBackward0" : "MinimumBackward0"
        case .remainder: return "RemainderBackward0"
        case .whereSelect: return "WhereBackward0"
        case .neg: return "NegBackward0"
        case .abs: return "AbsBackward0"
        case .sqrt: return "SqrtBackward0"
        case .exp: return "ExpBackward0"
        case .log: return "LogBackward0"
        case .sigmoid: return "SigmoidBackward0"
        case .tanh: return "TanhBackward0"
        case .relu: return "ReluBackward0"
        case .leakyRelu: return "LeakyReluBackward0"
        case .reciprocal: return "ReciprocalBackward0"
        case .sin: return "SinBackward0"
        case .cos: return "CosBackward0"
        case .clamp(let name, _, _, _): return name
        case .zeroGrad(let name): return name
        case .unaryMath(let f, _, _): return f.gradName
        case .binaryMath(let f, _, _, _, _): return f.gradName
        case .ternaryMath(let f, _, _, _): return f.gradName
        case .mathReduction(let kind, _, _, _, _): return kind.gradName
        case .sumAll: return "SumBackward0"
        case .sumDims: return "SumBackward1"
        case .meanAll: return "MeanBackward0"
        case .meanDims: return "MeanBackward1"
        case .prod(_, _, _, let all, _): return all ? "ProdBackward0" : "ProdBackward1"
        case .extremumAll(let isMax, _, _): return isMax ? "MaxBackward1" : "MinBackward1"
        case .extremumDim(let isMax, _, _, _, _): return isMax ? "MaxBackward0" : "MinBackward0"
        case .variance(_, _, _, _, let std): return std == nil ? "VarBackward0" : "StdBackward0"
        case .cumsum: return "CumsumBackward0"
        case .mm: return "MmBackward0"
        case .bmm: return "BmmBackward0"
        case .dot: return "DotBackward0"
        case .mv: return "MvBackward0"
        case .linear: return "AddmmBackward0"
        case .conv2d: return "ConvolutionBackward0"
        case .maxPool2d: return "MaxPool2DWithIndicesBackward0"
        case .view: return "ViewBackward0"
        case .unsafeView: return "UnsafeViewBackward0"
        case .transpose: return "TransposeBackward0"
        case .t: return "TBackward0"
        case .permute: return "PermuteBackward0"
        case .unsqueeze: return "UnsqueezeBackward0"
        case .squeezeDim: return "SqueezeBackward1"
        case .squeezeAll: return "SqueezeBackward0"
        case .squeezeMatmul: return "SqueezeBackward4"
        case .expand: return "ExpandBackward0"
        case .select: return "SelectBackward0"
        case .unbindSelect: return "UnbindBackward0"
        case .slice: return "SliceBackward0"
        case .clone: return "CloneBackward0"
        case .alias: return "AliasBackward0"
        case .softmax(_, _, let log): return log ? "LogSoftmaxBackward0" : "SoftmaxBackward0"
        case .cat: return "CatBackward0"
        case .stack: return "StackBackward0"
        case .fill: return "FillBackward0"
        case .copyFrom: return "CopyBackwards"
        case .index: return "IndexBackward0"
        case .indexPut(_, _, _, let advanced): return advanced ? "IndexPutBackward0" : "CopySlices"
        case .takePositions(let name, _, _), .scatterPositions(let name, _, _, _, _), .evenlyDistributed(let name, _, _),
             .namedSlice(let name, _, _, _): return name
        case .cumprod: return "CumprodBackward0"
        case .diagonal: return "DiagonalBackward0"
        case .notDifferentiable(let name, _): return name
        case .fusedLoss(let name, _), .pythonFunction(let name, _): return name
        case .freed: return "Freed"
        }
    }

    /// Whether the node holds tensors that a backward pass frees.
    var savesTensors: Bool {
        switch self {
        case .mul, .div, .pow, .powScalar, .rpow, .extremum, .remainder, .whereSelect, .abs, .sqrt, .exp, .log,
             .sigmoid, .tanh, .relu, .leakyRelu, .reciprocal, .sin, .cos, .clamp, .prod,
             .unaryMath, .binaryMath, .ternaryMath, .mathReduction, .extremumAll, .extremumDim, .variance,
             .mm, .bmm, .dot, .mv, .linear, .conv2d, .maxPool2d, .softmax, .index, .indexPut, .fusedLoss, .pythonFunction, .freed,
             .evenlyDistributed, .cumprod:
            return true
        case .add, .sub, .rsub, .divByNumber, .toCopy, .neg, .zeroGrad, .sumAll, .sumDims, .meanAll, .meanDims, .cumsum, .view, .unsafeView,
             .transpose, .t, .permute, .unsqueeze, .squeezeDim, .squeezeAll, .squeezeMatmul, .expand, .select, .unbindSelect, .slice,
             .clone, .alias, .cat, .stack, .fill, .copyFrom, .notDifferentiable,
             .takePositions, .scatterPositions, .diagonal, .namedSlice:
            return false
        }
    }
}
