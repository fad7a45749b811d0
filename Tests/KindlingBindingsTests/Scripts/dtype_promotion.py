# float64/int32 promotion with 0-d tensors and scalars, in-place casting rules, creation, default dtype, nn/F in double, autograd in double, errors.
import torch
import torch.nn as nn
import torch.nn.functional as F
i = torch.tensor([1, 2, 3], dtype=torch.int32)
d = torch.tensor([0.5, 1.5, 2.5], dtype=torch.float64)
f = torch.tensor([1., 2., 3.])
print((i + torch.tensor(1.5, dtype=torch.float64)).dtype, (f + torch.tensor(1.5, dtype=torch.float64)).dtype, (i + torch.tensor(2)).dtype)
print((f + d).dtype, (d + 1).dtype, (d * True).dtype, (i > 1.5), (d == f), (i < d))
print(i / i, i % 2, i // torch.tensor([2, 2, 2]), (i ** 2).dtype, (2 ** i), (2.0 ** i))
try:
    i += 1.5
except Exception as e:
    print(type(e).__name__, e)
j = i.clone(); j += 2; print(j)
j *= 3; print(j)
k = d.clone(); k += f; print(k)
try:
    f2 = f.clone(); f2 += d; print(f2)
except Exception as e:
    print(type(e).__name__, e)
print(torch.zeros_like(i), torch.ones_like(d), torch.full_like(i, 7), torch.rand_like(d).dtype)
print(i.sum(dtype=torch.float64), d.sum(dtype=torch.float32), i.prod(), i.cumsum(0), d.cumsum(0))
print(torch.linspace(0, 1, 5, dtype=torch.float64), torch.eye(2, dtype=torch.int32))
print(torch.full((2,), 1.5), torch.full((2,), 1.5, dtype=torch.float64), torch.full((2,), 3).dtype)
torch.manual_seed(0)
print(torch.rand(3, dtype=torch.float64), torch.randn(3, dtype=torch.float64))
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.5]), torch.ones(2), torch.tensor([1.5]).dtype, torch.get_default_dtype(), torch.arange(0., 2.))
torch.set_default_dtype(torch.float32)
print(torch.tensor([1.5]).dtype)
lin = nn.Linear(3, 2)
try:
    lin(d.unsqueeze(0))
except Exception as e:
    print(type(e).__name__, e)
lin.double()
print(lin.weight.dtype, lin(d.unsqueeze(0)).dtype)
print(F.softmax(d, dim=0), F.log_softmax(d, dim=0).dtype)
logits = torch.tensor([[1.0, 2.0, 0.5]], dtype=torch.float64, requires_grad=True)
loss = F.cross_entropy(logits, torch.tensor([1]))
loss.backward()
print(loss, logits.grad)
print(F.mse_loss(d, torch.zeros(3, dtype=torch.float64)), F.mse_loss(f, torch.zeros(3)).dtype)
print(d.type(), i.type(), d.type(torch.float32), i.to(dtype=torch.float64))
print(d.is_floating_point(), i.is_floating_point(), d.element_size(), i.element_size(), i.dtype.is_floating_point, d.dtype.itemsize)
print(torch.tensor(1, dtype=torch.int32).item(), torch.tensor(2.5, dtype=torch.float64).item())
print(str(torch.float64), repr(torch.int32), torch.double is torch.float64, torch.int is torch.int32)
print(torch.tensor([1e20, 1.0], dtype=torch.float64), torch.tensor([123456789.0], dtype=torch.float64))
print(torch.tensor([[1, 2], [3, 4]], dtype=torch.int32)[:, 1], torch.tensor([2**31 - 1, -2**31], dtype=torch.int32))
x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
(x ** 3).sum().backward()
print(x.grad)
y = torch.tensor([1.0, 2.0], requires_grad=True)
z = (y.double() * torch.tensor([3.0, 4.0], dtype=torch.float64)).sum()
z.backward()
print(z, y.grad)
print(torch.matmul(d.unsqueeze(0), d.unsqueeze(1)), torch.mm(d.view(3, 1), d.view(1, 3)).shape, d.dot(d))
try:
    d.dot(f)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.ones(2, 2, dtype=torch.int32) @ torch.ones(2, 2, dtype=torch.int32)
    print((torch.ones(2, 2, dtype=torch.int32) @ torch.ones(2, 2, dtype=torch.int32)))
except Exception as e:
    print(type(e).__name__, e)
print(torch.max(i), torch.min(d), torch.argmin(d), i.float().mean(), torch.abs(torch.tensor([-1.5], dtype=torch.float64)))
print(torch.clamp(i, 0, 2), torch.clamp(d, 1.0), torch.exp(i), torch.sqrt(i), torch.sigmoid(i).dtype)
print(torch.where(d > 1, d, f), torch.where(i > 1, i, 0.5))
print(torch.cat([i, torch.tensor([4])]).dtype, torch.cat([d, f]).dtype)
print(torch.tensor([1.5, 2.5], dtype=torch.float64).round(), torch.tensor([1.7], dtype=torch.float64).floor().dtype)
print(i.view(3, 1) * d, (i.unsqueeze(1) == i).sum())
