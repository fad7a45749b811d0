import KindlingEngine
import KindlingLanguage

extension FunctionalModule {
    /// `F.one_hot(tensor, num_classes=-1)`: int64, classes inferred as max + 1 when -1.
    static func installOneHot(_ m: PyModule) {
        TorchModule.function(m, "one_hot", ["input", "num_classes=-1"]) { b in
            let x = try TorchConvert.tensor(b["input"], function: "one_hot")
            guard x.dtype == .int64 else {
                throw pyError(.runtimeError, "one_hot is only applicable to index tensor of type LongTensor.")
            }
            var classes = try b.int("num_classes")
            if x.numel == 0 {
                guard classes > 0 else { throw pyError(.runtimeError, "Can not infer total number of classes from empty tensor.") }
            } else {
                let low = try x.min().item().doubleValue, high = try x.max().item().doubleValue
                if low < 0 { throw pyError(.runtimeError, "Class values must be non-negative.") }
                if classes == -1 { classes = Int(high) + 1 }
                else if high >= Double(classes) { throw pyError(.runtimeError, "Class values must be smaller than num_classes.") }
            }
            let columns = try Tensor.arange(start: .int(0), end: .int(Int64(classes)), step: .int(1), dtype: .int64)
            let hits = try Tensor.binary(.eq, .tensor(try x.unsqueeze(-1)), .tensor(columns))
            return .tensor(try hits.to(.int64))
        }
    }
}
