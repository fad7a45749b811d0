# torch.linspace gives PyTorch's float32 values bit for bit (two halves, each a fused multiply-add).
import math
import torch
for start, end, steps in [(-math.pi, math.pi, 2000), (0, 1, 100), (-3, 7, 1001), (0.1, 0.9, 77), (-10, 10, 33), (1e-3, 5, 257), (2, -2, 9), (5, 5, 4), (0, 1, 1), (0, 1, 0)]:
    t = torch.linspace(start, end, steps)
    values = t.tolist()
    print(steps, t.dtype, t.sum().item(), [v.hex() for v in values[:3]], [v.hex() for v in values[steps // 2 - 1: steps // 2 + 2]] if steps > 2 else values, [v.hex() for v in values[-3:]])
x = torch.linspace(-math.pi, math.pi, 2000)
print(x.pow(2).sum().item(), x.pow(3).sum().item(), x[::250])
