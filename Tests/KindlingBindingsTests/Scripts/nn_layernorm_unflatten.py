# nn.LayerNorm / F.layer_norm (values, NativeLayerNormBackward0, parameter gradients, errors)
# and nn.Unflatten.
import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

ln = nn.LayerNorm(4)
print(ln, nn.LayerNorm((2, 3), elementwise_affine=False), nn.LayerNorm(3, eps=1e-6, bias=False))
print([k for k, _ in ln.named_parameters()], ln.normalized_shape, ln.eps, ln.elementwise_affine)
x = torch.tensor([[0.5, -1.0, 2.0, 3.5], [1.0, 1.0, 4.0, -2.0]], requires_grad=True)
y = ln(x)
print(y)
(y * torch.tensor([1.0, 2.0, 3.0, 4.0])).sum().backward()
print(ln.weight.grad, ln.bias.grad)
print(x.grad.abs().max() < 10)
print(F.layer_norm(torch.tensor([[1., 2, 3], [2, 2, 5]]), [3]))
print(F.layer_norm(torch.arange(12.).view(2, 2, 3), (2, 3), weight=torch.full((2, 3), 2.0), bias=torch.ones(2, 3)))
print(nn.LayerNorm([2, 2])(torch.arange(8.).view(2, 2, 2)))
attempt('shape', lambda: ln(torch.ones(2, 3)))
attempt('weight', lambda: F.layer_norm(torch.ones(2, 3), (3,), weight=torch.ones(2)))

un = nn.Unflatten(1, (2, 5))
print(un, un(torch.arange(20.).view(2, 10)).shape)
print(nn.Unflatten(-1, (3, -1))(torch.zeros(4, 6)).shape, nn.Sequential(nn.Linear(4, 6), nn.Unflatten(1, (2, 3)))(torch.ones(1, 4)).shape)
attempt('sizes', lambda: un(torch.zeros(2, 9)))
