# torch.randn of 16 or more values equals PyTorch bit for bit (ATen's vectorised Box-Muller: blocks of
# 16, the last block redrawn, avx_mathfun's log/sincos with fused multiply-adds); normal_ and uniform_.
import torch
for n in [1, 5, 15, 16, 17, 31, 32, 100, 1000, 4099, 20000]:
    torch.manual_seed(n)
    t = torch.randn(n)
    print(n, t.sum().item(), [v.hex() for v in t.tolist()[:4]], t.tolist()[-1].hex(), torch.rand(1).item())
torch.manual_seed(0)
print(torch.randn(3, 7).sum().item(), torch.empty(20).normal_(2.0, 0.5).sum().item(), torch.empty(33).uniform_(-2, 3).sum().item())
torch.manual_seed(11)
w = torch.randn(784, 30)
print(w.sum().item(), w.std().item(), w.abs().max().item(), (w * 1000).round().sum().item())
for bad in [lambda: torch.empty(2, dtype=torch.long).normal_(), lambda: torch.empty(2).normal_(0, -1), lambda: torch.empty(2).uniform_(1, 0), lambda: torch.empty(2, dtype=torch.long).uniform_()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
t = torch.empty(3)
print(t.normal_() is t, t.uniform_() is t)
