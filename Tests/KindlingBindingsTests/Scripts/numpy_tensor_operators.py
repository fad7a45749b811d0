# torch 2.15 + NumPy 2.4 on array OP tensor: +, - and * raise TypeError, / and == give tensors.
# (Recorded with python3 -W ignore: NumPy warns about torch's __array_wrap__ on stderr.)
import numpy as np, torch
a = np.array([1.5, 2.5]); t = torch.tensor([1., 1.])
for name, f in [('add', lambda: a + t), ('sub', lambda: a - t), ('mul', lambda: a * t), ('div', lambda: a / t), ('radd', lambda: t + a), ('mulscalar', lambda: np.float64(2) * t), ('addscalar', lambda: np.float64(2) + t), ('eq', lambda: a == t)]:
    try:
        print(name, repr(f()))
    except TypeError as e:
        print(name, type(e).__name__, e)
