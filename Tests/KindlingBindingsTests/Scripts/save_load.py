# torch.save / torch.load in PyTorch's zip format, both directions.
import torch
from torch import nn

# Files PyTorch wrote (fixtures/make_fixtures.py).
state = torch.load("fixtures/pytorch_state.pt")
print(type(state).__name__, list(state.keys()))
model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
print(model.load_state_dict(state))
print(model(torch.tensor([[1.0, -1.0, 0.5]])))

mixed = torch.load("fixtures/pytorch_mixed.pt", weights_only=True)
for key, value in mixed.items():
    print(key, repr(value))
print(mixed["transposed"].shape, mixed["transposed"].is_contiguous())

# Files written here load back unchanged.
torch.manual_seed(3)
net = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
torch.save(net.state_dict(), "weights.pth")
copy = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))
print(copy.load_state_dict(torch.load("weights.pth", map_location="cpu")))
probe = torch.randn(2, 4)
print(torch.equal(net(probe), copy(probe)))

torch.save({"step": 10, "weights": [torch.ones(2, 2), torch.arange(3)], "ok": True}, "bundle.pt")
back = torch.load("bundle.pt")
print(back)

torch.save(torch.linspace(0, 1, 5)[1:4], "slice.pt")
print(torch.load("slice.pt"))

try:
    torch.load("missing.pt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
