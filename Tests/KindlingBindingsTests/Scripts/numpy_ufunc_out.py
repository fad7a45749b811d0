# NumPy ufuncs' out= writes the result into an existing array (and so into a tensor sharing it).
import numpy as np
import torch
n = np.ones(5)
t = torch.from_numpy(n)
r = np.add(n, 1, out=n)
print(f"t: {t}", f"n: {n}", r is n)
a = np.zeros((2, 3))
np.multiply(np.arange(3), 2.5, out=a)
print(a)
i = np.zeros(3, dtype=np.int64)
try:
    np.add(i, 0.5, out=i)
except TypeError as e:
    print(type(e).__name__, e)
try:
    np.add(np.ones((2, 3)), 1, out=np.zeros(3))
except ValueError as e:
    print(type(e).__name__, e)
np.subtract(i, 1, out=(i,))
print(i)
