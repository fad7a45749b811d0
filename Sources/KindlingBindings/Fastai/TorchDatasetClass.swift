import KindlingLanguage

/// `torch.utils.data.Dataset`: the base class of map-style datasets. A
/// subclass defines `__getitem__` (and `__len__` for a `DataLoader`).
enum TorchDatasetClass {
    static let dataset: PyClass = {
        let c = PyClass(native: "Dataset", module: "torch.utils.data.dataset")
        c.factory = { cls in PyObject(pyClass: cls, hasAttributes: true) }
        c.define("__init__") { _ in .none }
        c.define("__getitem__") { _ in
            throw pyError(.notImplementedError, "Subclasses of Dataset should implement __getitem__.")
        }
        return c
    }()
}
