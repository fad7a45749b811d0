# nn.ReLU(inplace=True) overwrites its input, inside a graph too, and says so in its repr.
import torch
import torch.nn as nn

relu = nn.ReLU(inplace=True)
print(relu, nn.ReLU(), nn.Sequential(nn.Linear(2, 2), nn.ReLU(True)))
x = torch.tensor([-1.0, 0.5, -2.0, 3.0])
y = relu(x)
print(x, y)
w = torch.tensor([1.0, -1.0, 2.0, -2.0], requires_grad=True)
h = w * 2
out = relu(h)
print(h, out.grad_fn.name())
out.sum().backward()
print(w.grad)
leaf = torch.tensor([1.0, -1.0], requires_grad=True)
try:
    relu(leaf)
except RuntimeError as e:
    print("RuntimeError:", e)
z = torch.tensor([-3.0, 4.0])
print(nn.ReLU()(z), z)
