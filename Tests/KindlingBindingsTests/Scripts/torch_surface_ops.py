# Tensor surface that tutorials paste: isclose and the new_* factories.
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
