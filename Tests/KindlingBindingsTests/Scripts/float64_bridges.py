# float64 and int32 across the NumPy bridges and the loaders' collation, as PyTorch and fastai keep them.
import numpy as np
import torch
from torch.utils.data import DataLoader
from fastai.basics import tensor, to_np

a = np.array([1.5, 2.0])
print(torch.tensor(a), torch.from_numpy(a), torch.as_tensor(a))
print(tensor(a), tensor(a).dtype, tensor(np.array([[1., 2.]])).dtype)
b = np.array([1, 2], dtype=np.int32)
print(torch.tensor(b), torch.from_numpy(b), tensor(b))
print(torch.tensor(a, dtype=torch.float32), torch.tensor(b, dtype=torch.int64))
print(torch.from_numpy(np.zeros((2, 2))))
print(torch.tensor(np.arange(3)), torch.tensor(np.arange(3.0)), torch.tensor(np.array(2.5)))
m = torch.tensor(np.array([[1., 2.], [3., 4.]])) @ torch.tensor(np.eye(2))
print(m, m.dtype)
print(torch.ones(2) * np.array([2., 3.]), torch.ones(2, dtype=torch.int32) + np.array([1, 2], dtype=np.int32))

d = torch.tensor([1.5, 2.0], dtype=torch.float64)
i = torch.tensor([1, 2], dtype=torch.int32)
print(repr(d.numpy()), repr(i.numpy()), d.numpy().dtype, i.numpy().dtype)
print(repr(to_np(d)), repr(np.array(i)), repr(np.array(d * 2)))
print(repr(torch.tensor([1.25], dtype=torch.float64).numpy() * 2))
print(repr(torch.arange(4, dtype=torch.int32).reshape(2, 2).numpy()))
x = torch.tensor([0.1, 0.2], dtype=torch.float64)
print(x.numpy().tolist(), x.sum().item())

print(next(iter(DataLoader([(1, 0.5), (2, 1.5)], batch_size=2))))
print(next(iter(DataLoader([0.25, 0.75, 1.0], batch_size=3))))
ys = next(iter(DataLoader([(torch.ones(2), 0.5), (torch.zeros(2), 1.5)], batch_size=2)))
print(ys[1], ys[1].dtype, (ys[0].sum(1) - ys[1]).dtype)

# Lists of NumPy scalars and 0-d tensors keep their dtypes, promoted as PyTorch infers.
print(torch.tensor([np.float64(1.5), 2]).dtype, torch.tensor([np.int32(1), np.int32(2)]), torch.tensor([np.int32(1), 2]).dtype)
print(torch.tensor([np.float32(1), np.float64(2)]).dtype, torch.tensor([[np.float64(1)], [2.5]]), torch.tensor([np.bool_(True)]))
print(torch.tensor([torch.tensor(1.5, dtype=torch.float64), 2.0]), torch.tensor([np.mean(a), np.sum(a)]))
