# Views share their base's elements: basic indexing, reshape, T, ravel, squeeze, row iteration.
import numpy as np
grid = np.arange(12.).reshape(3, 4)
row = grid[1]
row[2] = -7.0
print(grid)
col = grid[:, 0]
col[:] = 50
print(grid, col.base is grid.base, grid.base.shape)
flipped = grid.T
flipped[3, 0] = 0.5
print(grid[0], flipped.shape, flipped.base is grid.base)
picked = grid[[0, 2]]          # advanced indexing copies
picked[0, 0] = 999
print(grid[0, 0], picked.base)
masked = grid[grid > 40]       # so does a mask
masked[:] = 0
print(grid[:, 0])
flat = grid.ravel()
flat[-1] = 123
print(grid[2, 3], grid.flatten().base)
nonc = grid.T.ravel()          # not contiguous: a copy
nonc[0] = -1
print(grid[0, 0])
squeezed = grid[None, 1:2].squeeze()
squeezed[0] = 8
print(grid[1], squeezed.shape)
for r in grid:
    r[1] = r[1] * 10
print(grid)
stepped = grid[::2, 1::2]
stepped += 1
print(grid, stepped)
a = np.zeros(4, dtype=np.int64)
alias = a
alias += 3
print(a, alias is a)
a *= 2
print(a)
b = a.view()
b[0] = 1
print(a, b.base is a)
part = a[1:3]
part -= np.array([10, 20])
print(a)
s = np.float64(2.5)
t = s
t += 1
print(s, t, type(t).__name__)
try:
    a += 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[:2] += np.ones((2, 2), dtype=np.int64)
except ValueError as e:
    print(type(e).__name__, e)
f = np.ones(3, dtype=np.float32)
f += np.float64(0.1)
print(f, f.dtype)
i32 = np.arange(3, dtype=np.int32)
i32 *= np.int64(4)
print(i32, i32.dtype)
m = np.arange(6).reshape(2, 3)
print(m[1][2], m[1, ...], m[..., 1].base is m.base, m[0, 1].__class__.__name__)
