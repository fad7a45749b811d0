# np.set_printoptions (precision, suppress, threshold, edgeitems, linewidth), get_printoptions,
# np.random.choice with p=, sorting along any axis, numpy's exact x**2.
import numpy as np
values = np.array([1e-10, 1.0, 3.14159265, -2.5e-7])
print(values)
np.set_printoptions(precision=3)
print(values, np.array([1 / 3, 2 / 3], dtype=np.float32), repr(np.array([1.23456e9, 1.0])))
np.set_printoptions(suppress=True)
print(values, repr(values), np.float64(3.14159265), repr(np.float32(2.7182818)))
np.set_printoptions(precision=4, suppress=False)
print(np.array([1e-10, 1.0, 3.14159265]))
np.set_printoptions(threshold=5, edgeitems=2, linewidth=30)
print(np.arange(10))
print(repr(np.arange(10.)))
print(np.arange(24).reshape(4, 6))
print(np.get_printoptions())
for bad in [dict(precision=1.5), dict(threshold="a")]:
    try:
        np.set_printoptions(**bad)
    except Exception as e:
        print(type(e).__name__, e)
np.set_printoptions(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False)
print(np.array([1 / 3, 1e-5]))
np.random.seed(0)
print(np.random.choice(5, 10, p=[0.1, 0.2, 0.3, 0.2, 0.2]), np.random.choice(5), np.random.choice([1.5, 2.5], p=[0.5, 0.5]))
print(np.random.choice(6, 4, replace=False, p=[0.1, 0.1, 0.1, 0.1, 0.1, 0.5]))
print(np.random.choice(np.arange(10) * 2, (2, 2), p=np.full(10, 0.1)), np.random.rand())
print(np.random.choice(['a', 'b', 'c'], 5, p=[0.0, 0.5, 0.5]) if False else np.random.choice(3, 5, p=[0.0, 0.5, 0.5]))
for p in [[0.5, 0.6, 0.1], [0.5, -0.1, 0.6], [0.5, 0.5], [[0.5, 0.5, 0.0]]]:
    try:
        np.random.choice(3, p=p)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    np.random.choice(3, 3, replace=False, p=[0.5, 0.5, 0.0])
except ValueError as e:
    print(type(e).__name__, e)
a = np.array([[3, 1, 2], [0, 5, -1]])
print(np.sort(a, axis=0), np.argsort(a, axis=0), np.sort(a, axis=None), np.sort(a, axis=-2), np.argsort(a, axis=None))
cube = np.array([[[4., 2.], [1., 3.]], [[0., 9.], [7., -2.]]])
print(np.sort(cube, axis=1), np.argsort(cube, axis=0))
a.sort(axis=0)
print(a)
try:
    np.sort(a, axis=2)
except Exception as e:
    print(type(e).__name__, e)
x = np.linspace(-np.pi, np.pi, 2000)
print((x ** 2).sum(), np.array_equal(x ** 2, x * x), (x ** 2.0 == np.square(x)).all())
print((0.1).hex(), (2.0).hex(), (5e-324).hex(), (-1.5).hex(), float("inf").hex())
