# Tensor surface that tutorials paste: isclose, the new_* factories, clamp_min/clamp_max, bmm and F.one_hot.
import torch

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

nan, inf = float('nan'), float('inf')
p = torch.tensor([1.0, 2.0, nan, inf, -inf, 3.0])
q = torch.tensor([1.000001, 2.2, nan, inf, inf, 3.0003])
print(torch.isclose(p, q))
print(p.isclose(q, equal_nan=True))
print(torch.isclose(p, q, rtol=0.2, atol=0.0))
print(torch.isclose(input=p, other=q, atol=1e-3))
print(torch.isclose(p, q, rtol=0, atol=0, equal_nan=True))
print(torch.isclose(p.double(), q.double(), rtol=1e-7))
print(torch.isclose(torch.tensor([[0.5], [1.5]]), torch.tensor([0.5, 1.5])))
ints = torch.tensor([10, 20, 30])
print(torch.isclose(ints, torch.tensor([11, 20, 33]), atol=1), ints.isclose(torch.tensor([11, 20, 33]), rtol=0.1))
print(torch.isclose(torch.tensor([True, False]), torch.tensor([False, False]), atol=1.5))
attempt('dtype', lambda: torch.isclose(p, q.double()))
attempt('rtol', lambda: torch.isclose(p, q, rtol=-0.5))
attempt('atol', lambda: torch.isclose(p, q, atol=-2))
attempt('scalar', lambda: torch.isclose(p, 1.0))
attempt('shape', lambda: torch.isclose(p, torch.ones(4)))

i32 = torch.tensor([[3, 4]], dtype=torch.int32)
f32 = torch.randn(3)
print(i32.new_zeros(2, 3))
print(i32.new_ones((3,)), i32.new_ones([1, 2]).shape)
print(i32.new_full((2, 2), 9), f32.new_full([3], 0.25), i32.new_full((1,), 2, dtype=torch.float64))
print(i32.new_tensor([1.9, -2.7]), f32.new_tensor([4, 5]), f32.new_tensor([[1, 2]], dtype=torch.int64))
print(f32.new_zeros(2, dtype=torch.float64), f32.new_empty(2, 2).shape, f32.new_empty((0,)))
g = f32.new_ones(2, requires_grad=True)
print(g, g.is_leaf, f32.double().new_ones(1).dtype, torch.ones(1, dtype=torch.bool).new_zeros(2))
attempt('overflow', lambda: i32.new_full((2,), 2 ** 40))
attempt('size int', lambda: i32.new_full(2, 1))
attempt('negative', lambda: i32.new_zeros(-1))
attempt('grad int', lambda: i32.new_ones(2, requires_grad=True))
attempt('fill type', lambda: f32.new_full((2,), 'a'))

# clamp_min / clamp_max keep their own grad_fn names; gradient flows only where the bound did not bite.
w = torch.tensor([-2.0, -0.5, 0.0, 0.5, 3.0], requires_grad=True)
lo = w.clamp_min(-0.5)
hi = torch.clamp_max(w, 0.5)
print(lo, hi)
(lo * 2 + hi * 3).sum().backward()
print(w.grad)
print(torch.tensor([1, 7, 4]).clamp_max(5), torch.tensor([1, 7, 4]).clamp_min(2.5), torch.tensor([1, 7], dtype=torch.int32).clamp_min(3))
print(w.double().clamp_min(min=1).dtype, torch.tensor([True, False]).clamp_min(0), torch.tensor([True, False]).clamp_max(0.5))
attempt('none', lambda: w.clamp_min(None))
attempt('bool', lambda: torch.tensor([True]).clamp_max(False))
attempt('str', lambda: w.clamp_min('1'))

# bmm: batched matrix products with BmmBackward0.
left = torch.arange(12.0).reshape(2, 2, 3).requires_grad_()
right = torch.arange(6.0).reshape(2, 3, 1).requires_grad_()
prod = torch.bmm(left, right)
print(prod, prod.shape)
prod.sum().backward()
print(left.grad, right.grad)
print(left.detach().bmm(right.detach().expand(2, 3, 4)).shape, torch.bmm(torch.ones(1, 2, 2, dtype=torch.int64), torch.ones(1, 2, 1, dtype=torch.int64)))
attempt('batch', lambda: torch.bmm(left, torch.ones(3, 3, 1)))
attempt('inner', lambda: torch.bmm(left, torch.ones(2, 2, 1)))
attempt('2d', lambda: torch.bmm(left[0], right[0]))
attempt('2d other', lambda: left.bmm(right[0]))
attempt('dtype', lambda: torch.bmm(left, right.double()))

# F.one_hot: int64 rows, classes inferred from the largest label when num_classes is -1.
import torch.nn.functional as F
labels = torch.tensor([2, 0, 1, 2])
print(F.one_hot(labels), F.one_hot(labels, num_classes=5).dtype)
print(F.one_hot(torch.tensor([[0, 1], [1, 3]])), F.one_hot(torch.tensor([], dtype=torch.int64), 3).shape)
print(F.one_hot(torch.tensor(1), 3))
attempt('too big', lambda: F.one_hot(labels, 2))
attempt('negative', lambda: F.one_hot(torch.tensor([0, -1])))
attempt('float', lambda: F.one_hot(torch.tensor([0.0, 1.0])))
attempt('int32', lambda: F.one_hot(torch.tensor([0, 1], dtype=torch.int32)))
attempt('empty', lambda: F.one_hot(torch.tensor([], dtype=torch.int64)))
attempt('list', lambda: F.one_hot([0, 1]))

# clamp itself: zero gradient where the input sits exactly on a bound.
edge = torch.tensor([-1.0, -0.5, 0.25, 0.5, 2.0, float('inf')], requires_grad=True)
for bounds in [dict(min=-0.5), dict(max=0.5), dict(min=-0.5, max=0.5)]:
    edge.grad = None
    edge.clamp(**bounds).sum().backward()
    print(bounds, edge.grad)
# allclose is isclose(...).all(): equal infinities are close, NaNs only with equal_nan
inf_row = torch.tensor([1.0, float('inf'), -float('inf')])
print(torch.allclose(inf_row, inf_row.clone()), torch.allclose(torch.tensor([float('nan')]), torch.tensor([float('nan')]), equal_nan=True))
