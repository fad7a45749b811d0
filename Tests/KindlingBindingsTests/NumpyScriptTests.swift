import XCTest
import KindlingLanguage

/// NumPy through scripts: printing (NumPy 2 reprs, dtype suffixes, summarisation, scalars),
/// creation, promotion, reductions, indexing and assignment, the legacy random streams, the
/// tensor bridges and fastai's general exports. Expected text recorded from CPython 3.11 with
/// NumPy 2.4, torch 2.15 and fastai 2.8.
final class NumpyScriptTests: XCTestCase {
    func testNumpyCoreMatchesNumpy() throws {
        let out = try ScriptRunner().run(#"""
            import numpy as np
            a = np.arange(12).reshape(3, 4)
            print(repr(a)); print(a)
            print(repr(a.sum()), a.sum(axis=0), a.mean(axis=1), repr(a.max()), a.argmax(axis=1), a.min(axis=0, keepdims=True))
            print(repr(a.mean()), a.std(), a.var(axis=0), a.prod(axis=1), a.cumsum(), a.cumsum(axis=0))
            print(repr(a.T), a[a > 5], a[:, None, 1].shape, a[None].shape, a[..., 1], a[[0, 2]], a[[0, 1], [1, 2]], a[1:, ::2])
            b = np.linspace(0, 1, 5)
            print(repr(b), b.dtype, np.exp(b), np.log(b + 1), np.sqrt(b))
            print(repr(np.eye(3) @ np.ones((3, 2))), repr(np.zeros((2, 3))), repr(np.ones(4, dtype=np.int64)), repr(np.full((2, 2), 7)))
            c = np.array([3, 1, 2])
            print(np.sort(c), np.argsort(c), np.unique(np.array([3, 3, 1, 2, 1])), np.where(c > 1, c, 0), np.stack([c, c], axis=1))
            print(repr(np.float32(1.5)), repr(np.float64(2.25)), repr(np.int64(3)), np.float32(0.1), np.float64(1/3))
            print(np.pi, np.e, np.inf, np.nan, np.isnan(np.array([1., np.nan])), np.allclose([1., 2.], [1., 2.0000001]))
            print(repr(np.arange(2000) / 7))
            print(repr(np.array([1e-5, 1.0, 1000.0])), repr(np.array([0.1, 0.25], dtype=np.float32) * 3))
            x = np.arange(6).reshape(2, 3)
            x[0, 1] = 100
            x[1] = [7, 8, 9]
            x[x > 50] = -1
            print(repr(x), repr(x.astype(np.float32)), x.tolist(), x[1, 2].item(), type(x[1, 2].item()).__name__)
            print(x.flatten(), x.ravel().shape, np.expand_dims(x, 0).shape, x[None].squeeze().shape)
            print(np.clip(np.array([-2., 0.5, 3.]), 0, 1), np.maximum(np.array([1, 5]), 3), np.abs(np.array([-1, 2])))
            print((a / 2).dtype, a // 2, a % 3, a ** 2, -a[0], (a > 3) & (a < 9))
            print(repr(np.dot(np.array([1, 2]), np.array([3, 4]))), np.array([True, False]).sum(), np.array([[1, 2], [3, 4]]).mean(axis=0, keepdims=True))
            f32 = np.array([1.5, 2.25, 3.0], dtype=np.float32)
            print(repr(f32 + 1), repr(f32 * 2.5), repr(f32 + np.float64(1)), repr(f32.mean()), repr(f32.sum()), (f32 + np.arange(3)).dtype)
            u = np.array([1, 200, 255], dtype=np.uint8)
            print(repr(u), repr(u + 1), repr(u.astype(np.int32)), repr(np.array([1, 2], dtype=np.int32) * 2))
            print(repr(np.array([], dtype=np.float32)), repr(np.zeros((2, 0))), repr(np.array([[1.5, -2.0], [3.25, 4.0]])))
            print(repr(np.array([1.0, np.nan, np.inf])), repr(np.array([-0.5, 123456789.0])), repr(np.array([1, -1]) * 1.0))
            print(float(np.float64(2.5)), int(np.int64(7)), range(np.int64(3)), f"{np.float64(2.345):.2f}", f"{np.float32(0.5)}")
            print(np.random.seed(3), repr(np.random.rand(2)), repr(np.random.randn(3)), np.random.randint(10), np.random.randint(1, 5, size=(2, 2)))
            print(repr(np.random.normal(1.0, 2.0, size=3)), repr(np.random.uniform(size=2)), np.random.permutation(6), np.random.choice(4, 2, replace=False))
            print(repr(np.random.random((2, 2))), np.random.random() < 1)
            bad = [lambda: np.array([1, 2]) + np.array([1, 2, 3]), lambda: np.arange(6).reshape(4, 2), lambda: a[5],
                   lambda: np.array([1, 2], dtype=np.int64) ** -1, lambda: a.sum(axis=3)]
            for f in bad:
                try:
                    f()
                except Exception as e:
                    print(type(e).__name__, e)
            """#)
        XCTAssertEqual(out, #"""
            array([[ 0,  1,  2,  3],
                   [ 4,  5,  6,  7],
                   [ 8,  9, 10, 11]])
            [[ 0  1  2  3]
             [ 4  5  6  7]
             [ 8  9 10 11]]
            np.int64(66) [12 15 18 21] [1.5 5.5 9.5] np.int64(11) [3 3 3] [[0 1 2 3]]
            np.float64(5.5) 3.452052529534663 [10.66666667 10.66666667 10.66666667 10.66666667] [   0  840 7920] [ 0  1  3  6 10 15 21 28 36 45 55 66] [[ 0  1  2  3]
             [ 4  6  8 10]
             [12 15 18 21]]
            array([[ 0,  4,  8],
                   [ 1,  5,  9],
                   [ 2,  6, 10],
                   [ 3,  7, 11]]) [ 6  7  8  9 10 11] (3, 1) (1, 3, 4) [1 5 9] [[ 0  1  2  3]
             [ 8  9 10 11]] [1 6] [[ 4  6]
             [ 8 10]]
            array([0.  , 0.25, 0.5 , 0.75, 1.  ]) float64 [1.         1.28402542 1.64872127 2.11700002 2.71828183] [0.         0.22314355 0.40546511 0.55961579 0.69314718] [0.         0.5        0.70710678 0.8660254  1.        ]
            array([[1., 1.],
                   [1., 1.],
                   [1., 1.]]) array([[0., 0., 0.],
                   [0., 0., 0.]]) array([1, 1, 1, 1]) array([[7, 7],
                   [7, 7]])
            [1 2 3] [1 2 0] [1 2 3] [3 0 2] [[3 3]
             [1 1]
             [2 2]]
            np.float32(1.5) np.float64(2.25) np.int64(3) 0.1 0.3333333333333333
            3.141592653589793 2.718281828459045 inf nan [False  True] True
            array([0.00000000e+00, 1.42857143e-01, 2.85714286e-01, ...,
                   2.85285714e+02, 2.85428571e+02, 2.85571429e+02], shape=(2000,))
            array([1.e-05, 1.e+00, 1.e+03]) array([0.3 , 0.75], dtype=float32)
            array([[ 0, -1,  2],
                   [ 7,  8,  9]]) array([[ 0., -1.,  2.],
                   [ 7.,  8.,  9.]], dtype=float32) [[0, -1, 2], [7, 8, 9]] 9 int
            [ 0 -1  2  7  8  9] (6,) (1, 2, 3) (2, 3)
            [0.  0.5 1. ] [3 5] [1 2]
            float64 [[0 0 1 1]
             [2 2 3 3]
             [4 4 5 5]] [[0 1 2 0]
             [1 2 0 1]
             [2 0 1 2]] [[  0   1   4   9]
             [ 16  25  36  49]
             [ 64  81 100 121]] [ 0 -1 -2 -3] [[False False False False]
             [ True  True  True  True]
             [ True False False False]]
            np.int64(11) 1 [[2. 3.]]
            array([2.5 , 3.25, 4.  ], dtype=float32) array([3.75 , 5.625, 7.5  ], dtype=float32) array([2.5 , 3.25, 4.  ]) np.float32(2.25) np.float32(6.75) float64
            array([  1, 200, 255], dtype=uint8) array([  2, 201,   0], dtype=uint8) array([  1, 200, 255], dtype=int32) array([2, 4], dtype=int32)
            array([], dtype=float32) array([], shape=(2, 0), dtype=float64) array([[ 1.5 , -2.  ],
                   [ 3.25,  4.  ]])
            array([ 1., nan, inf]) array([-5.00000000e-01,  1.23456789e+08]) array([ 1., -1.])
            2.5 7 range(0, 3) 2.35 0.5
            None array([0.5507979 , 0.70814782]) array([ 0.09649747, -1.8634927 , -0.2773882 ]) 7 [[3 1]
             [1 1]]
            array([ 0.29048204,  0.69697023, -1.29486834]) array([0.21557701, 0.35390507]) [4 1 0 3 5 2] [0 1]
            array([[0.40236064, 0.55277195],
                   [0.30636063, 0.58661997]]) True
            ValueError operands could not be broadcast together with shapes (2,) (3,) 
            ValueError cannot reshape array of size 6 into shape (4,2)
            IndexError index 5 is out of bounds for axis 0 with size 3
            ValueError Integers to negative integer powers are not allowed.
            AxisError axis 3 is out of bounds for array of dimension 2

            """#)
    }

    func testBridgesAndFastaiExportsMatchFastai() throws {
        let out = try ScriptRunner().run(#"""
            import numpy as np
            import torch
            from fastai.basics import *
            t = torch.tensor([[1.5, 2.5], [3.5, 4.5]])
            print(repr(t.numpy()), repr(to_np(t * 2)), repr(np.array(t)), repr(np.array(torch.tensor([1, 2]))))
            x = np.array([1., 2., 3.], dtype=np.float32)
            print(tensor(x), torch.from_numpy(x), torch.tensor(np.arange(3)), tensor(np.array([True, False])))
            print(t * np.float64(2.0), np.float32(3.0) * torch.tensor([1., 2.]), torch.tensor([1., 2.]) * np.array([2., 3.], dtype=np.float32))
            w = torch.tensor([1., 2.]).requires_grad_()
            try:
                w.numpy()
            except RuntimeError as e:
                print("RuntimeError", e)
            print(to_np(w))
            set_seed(42)
            print(torch.randn(2), repr(np.random.rand(2)), random.random())
            print(partial(pow, 2)(5), repr(partial(pow, 2, 3)), IN_COLAB, URLs.MNIST_SAMPLE)
            print(type(np).__name__, np.__name__, pd.__name__, F.__name__, math.sqrt(4.0), os.path.join("a", "b"), Path("x") / "y")
            """#)
        XCTAssertEqual(out, #"""
            array([[1.5, 2.5],
                   [3.5, 4.5]], dtype=float32) array([[3., 5.],
                   [7., 9.]], dtype=float32) array([[1.5, 2.5],
                   [3.5, 4.5]], dtype=float32) array([1, 2])
            tensor([1., 2., 3.]) tensor([1., 2., 3.]) tensor([0, 1, 2]) tensor([ True, False])
            tensor([[3., 5.],
                    [7., 9.]]) tensor([3., 6.]) tensor([2., 6.])
            RuntimeError Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.
            [1. 2.]
            tensor([0.3367, 0.1288]) array([0.37454012, 0.95071431]) 0.6394267984578837
            32 functools.partial(<built-in function pow>, 2, 3) False https://s3.amazonaws.com/fast-ai-sample/mnist_sample.tgz
            module numpy pandas torch.nn.functional 2.0 a/b x/y

            """#)
    }

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
        XCTAssertEqual(r.error("import numpy as np\nimport torch\ntorch.tensor([1.]) * np.array([2.])"),
                       "NotImplementedError: a tensor of a NumPy float64 array (torch.float64 tensors; convert with .astype(np.float32) or .astype(np.int64) first) is not supported by Kindling")
        XCTAssertEqual(r.error("import numpy as np\nnp.random.seed(-1)"), "ValueError: Seed must be between 0 and 2**32 - 1")
    }
}
