# fastai's DataLoader shuffles with its own random.Random, reseeded every pass from Python's
# random module, and each pass also draws a torch seed as the torch loader underneath does.
import random
import torch
from fastai.vision.all import DataLoader

random.seed(2024)
torch.manual_seed(2024)
dl = DataLoader(list(range(11)), bs=4, shuffle=True)
for _ in range(3):
    print([b.tolist() for b in dl])
print(torch.randn(2), random.random())

ordered = DataLoader(list(range(5)), bs=2)
print([b.tolist() for b in ordered], torch.rand(1), random.random())
print(dl.one_batch(), torch.rand(1))
print([b.tolist() for b in DataLoader(list(range(9)), bs=3, shuffle=True, drop_last=True)])
