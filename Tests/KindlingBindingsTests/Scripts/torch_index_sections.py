# index_fill/index_copy, tensor_split/hsplit/vsplit/dsplit, tril_indices/triu_indices,
# atleast_1d/2d/3d, unique_consecutive: values, views, grad_fn names, gradients, errors.
import torch

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

x = torch.arange(12.).reshape(3, 4)
print(x.index_fill(1, torch.tensor([0, 2]), -1.), torch.index_fill(x, 0, torch.tensor(-1), 7))
print(torch.zeros(3, dtype=torch.int64).index_fill_(0, torch.tensor([0, 2]), 5))
print(x.index_copy(0, torch.tensor([2, 0]), torch.ones(2, 4)), torch.zeros(2, 3).index_copy_(1, torch.tensor([1]), torch.full((2, 1), 4.)))
leaf = torch.zeros(3, 2, requires_grad=True)
src = torch.ones(1, 2, requires_grad=True)
copied = leaf.index_copy(0, torch.tensor([2]), src)
print(copied)
(copied * torch.arange(6.).reshape(3, 2)).sum().backward()
print(leaf.grad, src.grad)
val = torch.tensor(2., requires_grad=True)
filled = leaf.index_fill(1, torch.tensor([1]), val)
print(filled)
filled.sum().backward()
print(val.grad)
attempt('index_fill int32', lambda: torch.zeros(3).index_fill(0, torch.tensor([0], dtype=torch.int32), 1))
attempt('index_fill 2d', lambda: torch.zeros(3).index_fill(0, torch.tensor([[0]]), 1))
attempt('index_fill oob', lambda: torch.zeros(3).index_fill(0, torch.tensor([3]), 1))
attempt('index_fill vector', lambda: torch.zeros(3).index_fill(0, torch.tensor([0]), torch.tensor([1., 2.])))
attempt('index_copy int32', lambda: torch.zeros(3).index_copy(0, torch.tensor([0], dtype=torch.int32), torch.ones(1)))
attempt('index_copy negative', lambda: torch.zeros(3).index_copy(0, torch.tensor([-1]), torch.ones(1)))
attempt('index_copy dtype', lambda: torch.zeros(3).index_copy(0, torch.tensor([0]), torch.ones(1, dtype=torch.int64)))
attempt('index_copy shape', lambda: torch.zeros(3, 2, 4).index_copy(0, torch.tensor([0]), torch.ones(1, 3, 4)))
attempt('index_copy count', lambda: torch.zeros(3, 2).index_copy(1, torch.tensor([0]), torch.ones(3, 2)))

print(torch.arange(7).tensor_split(3), torch.arange(7).tensor_split([1, 5]), torch.tensor_split(torch.arange(7), torch.tensor([2])))
print(torch.arange(6).tensor_split([-2, 9]), torch.arange(6).tensor_split([4, 2]), x.tensor_split(2, dim=1))
ts = torch.arange(6.).requires_grad_()
print(ts.tensor_split(2)[1])
print(torch.hsplit(torch.arange(12).reshape(3, 4), 2), torch.vsplit(torch.arange(12).reshape(4, 3), [1]))
print(torch.arange(6).hsplit(3), torch.dsplit(torch.arange(8).reshape(2, 2, 2), 2)[1].shape)
attempt('tensor_split 0d', lambda: torch.tensor(1).tensor_split(1))
attempt('tensor_split zero', lambda: torch.arange(7).tensor_split(0))
attempt('hsplit divisible', lambda: torch.hsplit(torch.arange(12).reshape(3, 4), 3))
attempt('vsplit 1d', lambda: torch.vsplit(torch.arange(3), 1))
attempt('dsplit 2d', lambda: torch.dsplit(torch.zeros(2, 2), 1))

print(torch.tril_indices(3, 4), torch.triu_indices(3, 3, 1), torch.tril_indices(2, 2, -1, dtype=torch.int32))
print(torch.triu_indices(0, 3), torch.tril_indices(3, 2, offset=5))
attempt('tril_indices float', lambda: torch.tril_indices(3, 3, dtype=torch.float32))
attempt('tril_indices negative', lambda: torch.tril_indices(-1, 3))
n = 4
pairs = torch.triu_indices(n, n, offset=1)
print(pairs.shape, torch.arange(16.).reshape(4, 4)[pairs[0], pairs[1]])

print(torch.atleast_1d(torch.tensor(1.)), torch.atleast_1d(torch.tensor(1.), torch.tensor([2.])))
print(torch.atleast_2d([torch.tensor(1.), torch.tensor([2.])]), torch.atleast_2d(torch.arange(3)).shape)
print(torch.atleast_3d(torch.tensor([2.])).shape, torch.atleast_3d(torch.ones(2, 3)).shape, torch.atleast_3d(torch.ones(2, 3, 4, 5)).shape)
print(torch.atleast_2d(torch.ones(3, requires_grad=True) * 2).grad_fn.name())

print(torch.tensor([1, 1, 2, 2, 3, 1, 1, 2]).unique_consecutive(return_inverse=True, return_counts=True))
print(torch.tensor([[1., 1.], [2., 1.]]).unique_consecutive(), torch.unique_consecutive(torch.tensor([1, 1, 2]), return_counts=True))
print(torch.unique_consecutive(torch.tensor([5, 5, 5])), torch.unique_consecutive(torch.tensor([], dtype=torch.int64)))
