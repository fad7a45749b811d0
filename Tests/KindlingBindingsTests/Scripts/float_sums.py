# Float sums and means carry PyTorch's rounding (float accumulators in its cascade order).
import torch

for n in [3, 7, 8, 15, 33, 100, 1000, 5000, 32768]:
    t = torch.arange(float(n)).div(7).sub(n / 5).mul(1.37)
    print(n, t.sum().item(), t.mean().item(), (t * t).sum().item())
grid = torch.arange(600.0).reshape(6, 100).div(3.3)
print(grid.sum(1).tolist())
print(grid.mean(dim=-1, keepdim=True).squeeze(1).tolist())
print(torch.nn.functional.mse_loss(grid[0], grid[1]).item(), torch.nn.MSELoss(reduction="sum")(grid[2], grid[4]).item())
