# A hand-written autograd.Function: forward saves what backward needs.
import torch


class CubePlusLinear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, slope):
        ctx.save_for_backward(x)
        ctx.slope = slope
        print("tracking inside forward:", torch.is_grad_enabled())
        return x ** 3 + slope * x

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        print("needs_input_grad:", ctx.needs_input_grad)
        return grad_out * (3 * x ** 2 + ctx.slope), None


x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
f = CubePlusLinear.apply
y = f(x, 2.0)
print(y)
print(y.grad_fn.name())
y.sum().backward()
print(x.grad)

# Used inside a bigger expression, twice.
x.grad = None
z = (f(x, 1.0) * f(x, 0.0)).mean()
z.backward()
print(z, x.grad)

# Without any input requiring grad, nothing is recorded.
plain = f(torch.tensor([1.0, 2.0]), 1.0)
print(plain, plain.requires_grad, plain.grad_fn)


class WrongCount(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return g, g


try:
    WrongCount.apply(x).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)

# torch.autograd.grad returns gradients without touching .grad.
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = (w * w).sum()
(gw,) = torch.autograd.grad(out, w)
print(gw, w.grad)
a = torch.tensor(3.0, requires_grad=True)
b = torch.tensor(4.0, requires_grad=True)
print(torch.autograd.grad(a * b + a ** 2, (a, b)))
unused = torch.tensor(1.0, requires_grad=True)
try:
    torch.autograd.grad((a * 2), [a, unused])
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.autograd.grad(a * 2, [a, unused], allow_unused=True))
