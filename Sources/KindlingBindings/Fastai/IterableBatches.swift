import KindlingLanguage
import KindlingTraining

/// Any iterable of `(x, y)` batches (a list of tuples, a generator, a torch
/// `DataLoader`) as a batch source, as fastai's `get_preds(dl=...)` and
/// `validate(dl=...)` accept them. The batches are gathered once, up front.
enum IterableBatches {
    static func source(_ iterable: Value) throws -> BatchSource {
        let items: [Value]
        do { items = try Runtime.iterateToArray(iterable) } catch let e as PyException where e.exception.pyClass === Builtins.typeError {
            throw pyError(.typeError, "dl must be a DataLoader or an iterable of (input, target) batches, not \(iterable.typeName)")
        }
        let batches = try items.map { try DataLoaderObject.splitBatch($0) }
        return BatchSource(count: batches.count) {
            var i = 0
            return {
                guard i < batches.count else { return nil }
                i += 1
                return batches[i - 1]
            }
        }
    }
}
