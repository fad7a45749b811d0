# %% [markdown]
# # A tiny lesson
# Tensors, a loss and its gradient.

# %%
import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print("sum:", x.sum().item())
x * 2

# %% Loss
loss = ((x - 1) ** 2).mean()
loss.backward()
x.grad

# %%
def double(n):
    return 2 * n

[double(i) for i in range(4)]
