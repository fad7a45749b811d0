# torch.linspace gives PyTorch's float32 values bit for bit (two halves, each a fused multiply-add).
import math
import torch
for start, end, steps in [(-math.pi, math.pi, 2000), (0, 1, 100), (-3, 7, 1001), (0.1, 0.9, 77), (-10, 10, 33), (1e-3, 5, 257), (2, -2, 9), (5, 5, 4), (0, 1, 1), (0, 1, 0)]:
    t = torch.linspace(start, end, steps)
    values = t.tolist()
    print(steps, t.dtype, t.sum().item(), [v.hex() for v in values[:3]], [v.hex() for v in values[steps // 2 - 1: steps // 2 + 2]] if steps > 2 else values, [v.hex() for v in values[-3:]])
x = torch.linspace(-math.pi, math.pi, 2000)
print(x.pow(2).sum().item(), x.pow(3).sum().item(), x[::250])
# float64 linspace steps in double; integer results step in double from the truncated ends and truncate.
for start, end, steps in [(-math.pi, math.pi, 2000), (0, 1, 100), (-3, 7, 1001), (0.1, 0.9, 77), (1e-3, 5, 257), (2, -2, 9)]:
    v = torch.linspace(start, end, steps, dtype=torch.float64).tolist()
    print(steps, [x.hex() for x in v[:3]], [x.hex() for x in v[steps // 2 - 1: steps // 2 + 2]], [x.hex() for x in v[-2:]])
for args in [(0, 10, 5), (0, 10, 4), (-7, 100, 13), (0, 1, 7), (3, -3, 7), (0, 1000000007, 9), (0, 2**40, 7), (0.5, 10.7, 5), (-2.9, 3.9, 6)]:
    print(args, torch.linspace(*args, dtype=torch.int64).tolist())
print(torch.linspace(-5.5, 20, 6, dtype=torch.int32))
for bad in [(0, 2**40, 3), (0, 1e30, 3)]:
    try:
        torch.linspace(*bad, dtype=torch.int32 if bad[1] < 1e20 else torch.int64)
    except RuntimeError as e:
        print(type(e).__name__, e)
