# torch.utils.data: a Dataset subclass, batching, collation, and the draws a shuffled pass makes.
import torch
from torch.utils.data import Dataset, DataLoader


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i), float(i * i)]), i % 3


ds = Squares(7)
print(len(ds), ds[3])
for xb, yb in DataLoader(ds, batch_size=3):
    print(xb.shape, yb)

torch.manual_seed(42)
loader = DataLoader(ds, batch_size=2, shuffle=True)
for epoch in range(2):
    print([yb.tolist() for _, yb in loader])
print(torch.randn(3))

torch.manual_seed(0)
batches = list(DataLoader(list(range(10)), batch_size=4, shuffle=True, drop_last=True))
print(batches)
print(torch.rand(2))

# Iterating without shuffling still draws the iterator's base seed.
torch.manual_seed(0)
first = next(iter(DataLoader([(1, 2), (3, 4)], batch_size=2)))
print(first, torch.randint(0, 100, (3,)))

words = DataLoader([("a", torch.tensor(1)), ("b", torch.tensor(2)), ("c", torch.tensor(3))], batch_size=2)
print(list(words))
print(len(loader), loader.batch_size)
