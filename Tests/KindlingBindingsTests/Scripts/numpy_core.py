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
