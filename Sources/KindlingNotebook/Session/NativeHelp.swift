/// Signatures and one-line docs for the native (Swift) functions and classes a
/// learner asks about most (`torch.stack?`, `pd.read_csv?`, `nn.Linear?`), keyed by
/// the qualified name Python would show. A native function's own `doc` and
/// `signature` win when the binding set them.
enum NativeHelp {
    struct Entry {
        /// `(tensors, dim=0)`; nil when the binding's own signature should be used.
        var signature: String?
        var doc: String
    }

    static let entries: [String: Entry] = [
        "torch.tensor": Entry(signature: nil, doc: "Builds a tensor by copying data (a number, list or nested list)."),
        "torch.zeros": Entry(signature: nil, doc: "A tensor of the given size filled with 0."),
        "torch.ones": Entry(signature: nil, doc: "A tensor of the given size filled with 1."),
        "torch.rand": Entry(signature: nil, doc: "Uniform random numbers on [0, 1) in a tensor of the given size."),
        "torch.randn": Entry(signature: nil, doc: "Standard normal random numbers (mean 0, std 1) in a tensor of the given size."),
        "torch.arange": Entry(signature: nil, doc: "The values from start up to (not including) end, spaced by step, as a 1-D tensor."),
        "torch.linspace": Entry(signature: nil, doc: "steps values evenly spaced from start to end inclusive, as a 1-D tensor."),
        "torch.stack": Entry(signature: nil, doc: "Joins tensors of equal shape along a new dimension dim."),
        "torch.cat": Entry(signature: nil, doc: "Joins tensors along an existing dimension dim."),
        "torch.matmul": Entry(signature: nil, doc: "Matrix product of two tensors (batched and broadcast like @)."),
        "torch.manual_seed": Entry(signature: nil, doc: "Seeds the random number generator so random results repeat."),
        "torch.no_grad": Entry(signature: "()", doc: "Context manager in which operations are not recorded for autograd."),
        "torch.where": Entry(signature: nil, doc: "Picks elements from input where condition is true, else from other."),
        "torch.argmax": Entry(signature: nil, doc: "The index of the largest value (along dim when given)."),
        "torch.softmax": Entry(signature: nil, doc: "exp(x) / sum(exp(x)) along dim: values that are positive and sum to 1."),
        "torch.exp": Entry(signature: nil, doc: "The exponential of each element."),
        "torch.log": Entry(signature: nil, doc: "The natural logarithm of each element."),
        "torch.sigmoid": Entry(signature: nil, doc: "1 / (1 + exp(-x)) for each element."),
        "torch.nn.Linear": Entry(signature: "(in_features, out_features, bias=True, device=None, dtype=None)",
                                 doc: "Applies an affine map y = x @ W.T + b, with W of shape (out_features, in_features)."),
        "torch.nn.ReLU": Entry(signature: "(inplace=False)", doc: "Applies max(0, x) element-wise."),
        "torch.nn.Sequential": Entry(signature: "(*args)", doc: "Runs the given modules one after another, each on the previous one's output."),
        "torch.nn.Module": Entry(signature: "()", doc: "Base class of layers and models: subclass it, set layers in __init__, compute in forward."),
        "torch.nn.Flatten": Entry(signature: "(start_dim=1, end_dim=-1)", doc: "Flattens the dimensions from start_dim to end_dim into one."),
        "torch.nn.CrossEntropyLoss": Entry(signature: "(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)",
                                           doc: "Cross-entropy between logits and class indices (log_softmax then NLL)."),
        "torch.nn.MSELoss": Entry(signature: "(reduction='mean')", doc: "Mean squared error between input and target."),
        "torch.nn.functional.relu": Entry(signature: nil, doc: "Applies max(0, x) element-wise."),
        "torch.nn.functional.cross_entropy": Entry(signature: nil, doc: "Cross-entropy between logits and class indices."),
        "torch.nn.functional.mse_loss": Entry(signature: nil, doc: "Mean squared error between input and target."),
        "torch.nn.functional.softmax": Entry(signature: nil, doc: "exp(x) / sum(exp(x)) along dim."),
        "torch.optim.SGD": Entry(signature: "(params, lr=0.001, momentum=0, dampening=0, weight_decay=0, nesterov=False)",
                                 doc: "Stochastic gradient descent: p -= lr * p.grad at each step()."),
        "torch.optim.Adam": Entry(signature: "(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0)",
                                  doc: "Adam: gradient steps scaled by running averages of the gradient and its square."),
        "pandas.read_csv": Entry(signature: nil, doc: "Reads a comma-separated values file into a DataFrame."),
        "pandas.DataFrame": Entry(signature: "(data=None, index=None, columns=None)",
                                  doc: "A table of labelled columns, each a Series of one dtype."),
        "matplotlib.pyplot.plot": Entry(signature: nil, doc: "Plots y against x as lines and/or markers."),
        "matplotlib.pyplot.imshow": Entry(signature: nil, doc: "Shows a 2-D array as an image (colour-mapped) or an RGB image."),
        "matplotlib.pyplot.show": Entry(signature: nil, doc: "Shows the open figures now."),
        "matplotlib.pyplot.subplots": Entry(signature: nil, doc: "A figure and a grid of Axes (nrows x ncols)."),
        "fastai.vision.all.Learner": Entry(signature: "(dls, model, loss_func=None, opt_func=SGD, lr=0.001, metrics=None)",
                                           doc: "Trains model on dls with loss_func and opt_func: fit(n_epoch), recorder, predict."),
        "fastai.vision.all.DataLoaders": Entry(signature: "(*loaders)", doc: "A training and a validation DataLoader together."),
        "fastai.vision.all.show_image": Entry(signature: nil, doc: "Shows a tensor (HxW or CxHxW) as a picture."),
    ]

    /// The qualified name of a native object reachable from a loaded module, for the table.
    static func lookup(_ qualifiedNames: [String]) -> Entry? {
        for name in qualifiedNames { if let entry = entries[name] { return entry } }
        return nil
    }
}
