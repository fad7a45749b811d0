# The tensor and nn surface the beginner tutorials lean on.
import torch
from torch import nn

torch.manual_seed(11)
print(torch.Tensor([[1, 2], [3, 4]]), torch.Tensor(2, 3).shape, torch.Tensor())
print(torch.Tensor(torch.tensor([5, 6])))
base = torch.tensor([[1, 2], [3, 4]])
print(torch.ones_like(base), torch.zeros_like(base, dtype=torch.float32))
print(torch.full_like(base, 7), torch.rand_like(base, dtype=torch.float))
print(torch.randn_like(torch.zeros(2, 2)), torch.randint_like(torch.zeros(3), 10))
print(torch.randint(5, (4,)), torch.randint(low=2, high=4, size=(2, 2)), torch.randint(3, 9, (2,), dtype=torch.float32))
try:
    torch.rand_like(base)
except NotImplementedError as e:
    print("NotImplementedError:", e)

# Keyword names as PyTorch spells them, and out=.
a = torch.arange(6.0).reshape(2, 3)
b = torch.arange(3.0)
print(torch.matmul(input=a, other=b), torch.sum(a, dim=1, keepdim=True), torch.mean(input=a, dim=0))
target = torch.empty(2)
result = torch.matmul(a, b, out=target)
print(result is target, target)
prod = torch.zeros(2, 3)
torch.mul(a, a, out=prod)
print(prod)
print(torch.allclose(a, a + 1e-9), a.allclose(a + 1), torch.allclose(b, b * 1.00001, rtol=1e-3))

# Layers and how models print.
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.stack = nn.Sequential(nn.Linear(4, 3), nn.LeakyReLU(0.2), nn.Linear(3, 2), nn.LogSoftmax(dim=1))
        self.out = nn.Softmax(dim=-1)
        self.skip = nn.Identity()

    def forward(self, x):
        return self.out(self.skip(self.stack(self.flatten(x))))


net = Net()
print(net)
x = torch.rand(2, 2, 2)
probs = net(x)
print(probs, probs.sum(dim=1))
for name, p in net.named_parameters():
    print(f"{name} | {p.size()} | {p[:1]}")
print([type(m).__name__ for m in net.children()])
print([type(m).__name__ for m in net.modules()])
net.zero_grad()
logits = torch.tensor([[1.0, -2.0, 0.5]], requires_grad=True)
act = nn.LeakyReLU()(logits)
print(act, nn.Softmax(dim=1)(logits), nn.LogSoftmax(dim=1)(logits))
act.sum().backward()
print(logits.grad)
print(nn.Tanh()(torch.tensor([0.0, 1.0])), nn.MSELoss(reduction="sum")(torch.ones(3), torch.zeros(3)))
