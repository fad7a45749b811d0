# torch DataLoader(generator=g): base seed and shuffle drawn from g (two passes), the global stream untouched.
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(10.))
g = torch.Generator().manual_seed(3)
dl = DataLoader(ds, batch_size=4, shuffle=True, generator=g)
print([b[0].tolist() for b in dl])
print([b[0].tolist() for b in dl])
torch.manual_seed(1)
print(torch.rand(2), [b[0].tolist() for b in DataLoader(ds, batch_size=5, generator=torch.Generator().manual_seed(0))], torch.rand(2))
print([b[0].tolist() for b in DataLoader(ds, batch_size=3, shuffle=True, generator=None)][0])
