# t.numpy(), to_np and torch.from_numpy share elements with their tensor, as PyTorch's do; torch.tensor(a) copies.
import torch
import numpy as np
t = torch.ones(5)
n = t.numpy()
print(f"t: {t}", f"n: {n}")
t.add_(1)
print(f"t: {t}", f"n: {n}")
n[0] = 7
print(t, n)
n2 = np.ones(5)
t2 = torch.from_numpy(n2)
n2 += 1
print(t2, n2)
n2[1:3] = 9
print(t2)
t2[0] = -1
print(n2, n2.dtype, t2.dtype)
v = torch.arange(6.).reshape(2, 3)
a = v.numpy()
row = a[1]
row[0] = 100
print(v, a.sum())
m = torch.zeros(3, dtype=torch.int64).numpy()
m += 2
print(m, type(m).__name__)
c = torch.tensor(n2)
n2[0] = 5
print(c, t2)
