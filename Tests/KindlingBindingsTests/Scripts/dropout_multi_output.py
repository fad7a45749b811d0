# nn.Dropout / F.dropout with PyTorch's draws from the global generator, train/eval behaviour,
# and torch.autograd.Function subclasses whose forward returns several tensors.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.ones(3, requires_grad=True)
torch.manual_seed(0)
y = F.dropout(x, 0.5)
print(y, y.grad_fn.name())
print(F.dropout(x, 0.5, training=False) is x, F.dropout(x, 0.0) is x, F.dropout(x, 1.0))
for p in [1.5, -0.1]:
    try:
        nn.Dropout(p)
    except ValueError as e:
        print(type(e).__name__, e)
layer = nn.Dropout(0.2)
print(layer, layer.p, layer.inplace, layer.training)
layer.eval()
print(layer.training, layer(x) is x)
print(nn.Dropout(), nn.Dropout(p=0.5, inplace=True))
torch.manual_seed(3)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.3), nn.Linear(8, 2))
print(net)
inputs = torch.randn(5, 4)
out = net(inputs)
out.sum().backward()
print(out, net[0].weight.grad.sum(), torch.rand(2))
net.eval()
print(torch.equal(net(inputs), net(inputs)))
torch.manual_seed(1)
w = torch.randn(40, requires_grad=True)
o = nn.Dropout(0.25)(w)
o.sum().backward()
print(o, w.grad, torch.randint(0, 100, (3,)))
torch.manual_seed(0)
z = torch.ones(2, 3)
F.dropout(z, 0.5, inplace=True)
print(z)
torch.manual_seed(5)
big = F.dropout(torch.ones(1000), 0.1)
print(big.sum(), (big == 0).sum(), torch.rand(1))


class ProductAndSum(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b, a + b

    @staticmethod
    def backward(ctx, grad_product, grad_sum):
        a, b = ctx.saved_tensors
        print("incoming", grad_product, grad_sum)
        return grad_product * b + grad_sum, grad_product * a + grad_sum


a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
product, total = ProductAndSum.apply(a, b)
print(product, total, type(ProductAndSum.apply(a, b)).__name__)
(product.sum() + 2 * total.sum()).backward()
print(a.grad, b.grad)
a.grad = None
b.grad = None
product, total = ProductAndSum.apply(a, b)
product.sum().backward()
print(a.grad, b.grad)


class SplitHalves(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t, k):
        ctx.k = k
        return t[:k].clone() * 2, t[k:].clone() * 3, k

    @staticmethod
    def backward(ctx, g_first, g_second, g_k):
        print("g_k is", g_k)
        return torch.cat([g_first * 2, g_second * 3]), None


t = torch.arange(5.).requires_grad_()
first, second, k = SplitHalves.apply(t, 2)
print(first, second, k)
(first.pow(2).sum() + second.sum()).backward()
print(t.grad)
with torch.no_grad():
    print(SplitHalves.apply(t, 3))
