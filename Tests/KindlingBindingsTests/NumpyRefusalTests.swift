import XCTest
import KindlingLanguage

/// How Kindling refuses what it lacks around NumPy and fastai (NumPy's own behaviour is checked
/// by `Scripts/numpy_core.py` and `Scripts/numpy_bridges.py`, recorded from CPython 3.11 with
/// NumPy 2.4, torch 2.15 and fastai 2.8).
final class NumpyRefusalTests: XCTestCase {
    /// Unsupported modules and names say so instead of a bare "No module named" or a guess.
    func testUnsupportedNamesAreRefusedClearly() {
        let r = ScriptRunner()
        XCTAssertEqual(r.error("import sklearn"), "ModuleNotFoundError: No module named 'sklearn' (sklearn is not supported by Kindling)")
        XCTAssertEqual(r.error("import torchvision.transforms"),
                       "ModuleNotFoundError: No module named 'torchvision' (torchvision is not supported by Kindling)")
        XCTAssertEqual(r.error("import nonexistent_thing"), "ModuleNotFoundError: No module named 'nonexistent_thing'")
        XCTAssertEqual(r.error("import torch\ntorch.fft"), "AttributeError: module 'torch' has no attribute 'fft' (torch.fft is not supported by Kindling)")
        XCTAssertEqual(r.error("import numpy as np\nnp.polyfit"),
                       "AttributeError: module 'numpy' has no attribute 'polyfit' (numpy.polyfit is not supported by Kindling)")
        XCTAssertEqual(r.error("from fastai.vision.all import cnn_learner"),
                       "ImportError: cannot import name 'cnn_learner' from 'fastai.vision.all' (fastai.vision.all.cnn_learner is not supported by Kindling)")
        XCTAssertEqual(r.error("from fastai.vision.all import *\nuntar_data(URLs.MNIST_SAMPLE)"),
                       "NotImplementedError: untar_data (downloading fastai's datasets needs the network; Kindling runs offline with its bundled data) is not supported by Kindling")
        XCTAssertEqual(r.error("import numpy as np\nimport torch\ntorch.from_numpy(np.array([2], dtype=np.uint8))"),
                       "NotImplementedError: a tensor of a NumPy uint8 array (torch.uint8 tensors; convert with .astype(np.int64) or .astype(np.float32) first) is not supported by Kindling")
        XCTAssertEqual(r.error("import numpy as np\nnp.random.seed(-1)"), "ValueError: Seed must be between 0 and 2**32 - 1")
    }

    /// After `from fastai... import *`, a name real fastai binds but Kindling lacks is refused by
    /// name; other unknown names stay plain NameErrors, and defining the name makes it work.
    func testStarImportedNamesKindlingLacksAreRefusedClearly() throws {
        let r = ScriptRunner()
        XCTAssertEqual(r.error("DataBlock"), "NameError: name 'DataBlock' is not defined")
        try r.run("from fastai.vision.all import *")
        XCTAssertEqual(r.error("dls = DataBlock(blocks=(ImageBlock, CategoryBlock))"),
                       "NameError: name 'DataBlock' is not defined (fastai.vision.all.DataBlock is not supported by Kindling)")
        XCTAssertEqual(r.error("learn = cnn_learner(dls, resnet18)"),
                       "NameError: name 'cnn_learner' is not defined (fastai.vision.all.cnn_learner is not supported by Kindling)")
        XCTAssertEqual(r.error("plot_function(f)"), "NameError: name 'plot_function' is not defined")
        XCTAssertEqual(try r.run("def get_image_files(p): return [p]\nprint(get_image_files(1))"), "[1]\n")
        XCTAssertNil(r.error("Learner, DataLoaders, SGD, tensor, L"))
        // The standard-library names fastai re-exports are bound on first use.
        XCTAssertEqual(try r.run("print(Counter('aab')['a'], deepcopy([1]), List[int], json.dumps([1]))"), "2 [1] typing.List[int] [1]\n")
        let basics = ScriptRunner()
        try basics.run("from fastai.basics import *")
        XCTAssertEqual(basics.error("ImageBlock"), "NameError: name 'ImageBlock' is not defined")
        XCTAssertEqual(basics.error("BCELossFlat"),
                       "NameError: name 'BCELossFlat' is not defined (fastai.basics.BCELossFlat is not supported by Kindling)")
    }
}
