# F.mse_loss / nn.MSELoss with an integer or float64 target, and with a broadcast target:
# one MseLossBackward0 in the promoted dtype, as PyTorch records it.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[0.5, 1.5, -2.0]], requires_grad=True)
loss = nn.MSELoss()(x, torch.arange(1, 4).view(1, -1))
print(loss, loss.dtype, [(f if f is None else f.name(), i) for f, i in loss.grad_fn.next_functions])
loss.backward()
print(x.grad)
x.grad = None
loss = F.mse_loss(x, torch.tensor([[1.0, 2.0, 3.0]], dtype=torch.float64), reduction='sum')
print(loss, loss.grad_fn.name())
loss.backward()
print(x.grad, x.grad.dtype)
x.grad = None
loss = F.mse_loss(x, torch.tensor([1.0]))
print(loss, loss.grad_fn.name(), loss.grad_fn.next_functions[0][0].name())
loss.backward()
print(x.grad)
t = torch.tensor([2.0, 0.0], requires_grad=True)
loss = F.mse_loss(torch.tensor([1.0, 1.0]), t, reduction='none')
print(loss)
loss.sum().backward()
print(t.grad)
