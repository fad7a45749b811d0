# torch.nn.utils: clip_grad_norm_ (returned total norm, in-place scaling), clip_grad_value_,
# parameters_to_vector / vector_to_parameters.
import torch
import torch.nn as nn

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
g = torch.Generator().manual_seed(1)
for p in net.parameters():
    p.grad = torch.randn(p.shape, generator=g) * 3
total = nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)
print(total, total.dtype, total.shape)
print(net[0].weight.grad)
print(nn.utils.clip_grad_norm_(net.parameters(), 1.0))
print(nn.utils.clip_grad_norm_(net.parameters(), 0.5, norm_type='inf'), net[2].bias.grad)
print(nn.utils.clip_grad_norm_(net.parameters(), 5.0, norm_type=1), net[2].bias.grad)
print(nn.utils.clip_grad_norm_(net[0].weight, 0.1), (net[0].weight.grad ** 2).sum().sqrt())
print(nn.utils.clip_grad_norm_([], 1.0))
nn.utils.clip_grad_value_(net.parameters(), clip_value=0.01)
print(net[0].bias.grad, net[2].weight.grad)
vec = nn.utils.parameters_to_vector(net.parameters())
print(vec.shape, vec[:5], vec.grad_fn is not None)
nn.utils.vector_to_parameters(torch.arange(26.), net.parameters())
print(net[0].bias, net[2].bias)
w = torch.ones(2, requires_grad=True)
w.grad = torch.tensor([float('inf'), 1.0])
attempt('nonfinite', lambda: nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True))
print(nn.utils.clip_grad_norm_([w], 1.0), w.grad)
