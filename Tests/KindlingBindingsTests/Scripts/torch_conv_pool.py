# Convolution and max pooling as tutorials use them: nn.Conv2d / nn.MaxPool2d / F.conv2d / F.max_pool2d.
import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

torch.manual_seed(0)
conv = nn.Conv2d(1, 3, 3)
print(conv)
print(conv.weight.shape, conv.bias.shape, conv.weight.requires_grad)
print(conv.weight[0])
print(conv.bias)
print(nn.Conv2d(2, 4, (3, 5), stride=2, padding=1, bias=False))
print(nn.Conv2d(2, 4, 3, padding='same', dilation=2))
print(nn.Conv2d(2, 4, kernel_size=1, stride=(1, 2), padding=(0, 1)))
pool = nn.MaxPool2d(2)
print(pool, nn.MaxPool2d((2, 3), stride=1, padding=1, ceil_mode=True))

x = torch.arange(2 * 1 * 5 * 5, dtype=torch.float32).reshape(2, 1, 5, 5) / 10 - 2
y = conv(x)
print(y.shape, y.grad_fn.name())
print(y[1])
print(F.relu(y).sum(dim=(0, 1)))
p = pool(y)
print(p, p.grad_fn.name())
v, i = F.max_pool2d(y, 2, stride=1, return_indices=True)
print(v[0, 0], i[0, 0])
print(F.max_pool2d(x, 3, stride=2, padding=1)[0, 0])
print(F.max_pool2d(x, 2, ceil_mode=True).shape, F.max_pool2d(x, 2).shape, F.max_pool2d(x, 2, dilation=2).shape)

# gradients through conv, relu, pool and a linear head
torch.manual_seed(1)
net_conv = nn.Conv2d(1, 2, 3, padding=1)
head = nn.Linear(2 * 2 * 2, 1)
inp = torch.randn(3, 1, 4, 4, requires_grad=True)
out = head(F.max_pool2d(F.relu(net_conv(inp)), 2).flatten(1))
loss = (out ** 2).mean()
loss.backward()
print(loss)
print(net_conv.weight.grad)
print(net_conv.bias.grad)
print(inp.grad[0])
print(head.weight.grad)

# functional form, stride/dilation/padding, float64, unbatched input
w = torch.linspace(-1, 1, 2 * 2 * 2 * 2).reshape(2, 2, 2, 2)
xx = torch.linspace(0, 3, 2 * 2 * 4 * 5).reshape(2, 2, 4, 5)
print(F.conv2d(xx, w, stride=2, padding=1))
print(F.conv2d(xx, w, torch.tensor([0.5, -0.5]), dilation=(2, 1)))
print(F.conv2d(xx.double(), w.double(), padding='valid').dtype)
print(F.conv2d(xx[0], w).shape, F.conv2d(xx, w, padding='same' if False else 0).shape)
print(F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 3, 3), padding='same'))
nanx = torch.tensor([[[[1.0, float('nan')], [3.0, 2.0]]]])
print(F.max_pool2d(nanx, 2), F.max_pool2d(nanx, 2, return_indices=True)[1])

attempt("dtype", lambda: F.conv2d(xx.double(), w))
attempt("bias dtype", lambda: F.conv2d(xx, w, torch.zeros(2).double()))
attempt("rank", lambda: F.conv2d(torch.randn(3, 3), w))
attempt("weight rank", lambda: F.conv2d(xx, torch.randn(2, 2)))
attempt("channels", lambda: F.conv2d(xx, torch.randn(3, 1, 2, 2)))
attempt("kernel too big", lambda: F.conv2d(xx, torch.randn(2, 2, 5, 5)))
attempt("bias size", lambda: F.conv2d(xx, w, torch.zeros(3)))
attempt("stride 0", lambda: F.conv2d(xx, w, stride=0))
attempt("negative padding", lambda: F.conv2d(xx, w, padding=-1))
attempt("same strided", lambda: F.conv2d(xx, w, stride=2, padding='same'))
attempt("bad padding", lambda: F.conv2d(xx, w, padding='full'))
attempt("pool pad", lambda: F.max_pool2d(xx, 2, padding=2))
attempt("pool too small", lambda: F.max_pool2d(torch.randn(1, 3, 1, 1), 2))
attempt("pool rank", lambda: F.max_pool2d(torch.randn(4, 4), 2))
attempt("forward args", lambda: conv(x, x))
