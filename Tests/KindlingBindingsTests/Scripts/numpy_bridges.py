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
