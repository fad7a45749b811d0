# nn.ModuleList / ModuleDict / ParameterList registration and reprs, nn.Embedding and F.embedding.
import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

torch.manual_seed(0)
blocks = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 3)])
print(blocks)
print(len(blocks), blocks[-1], blocks[1:3])
blocks.append(nn.Tanh())
blocks.extend([nn.ReLU()])
blocks.insert(0, nn.Sigmoid())
print(blocks)
del blocks[0]
print(len(blocks), blocks[0])
print(nn.ModuleList([nn.ReLU()]) + nn.ModuleList([nn.Tanh()]), nn.ModuleList(), nn.ModuleDict())

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(2)])
        self.heads = nn.ModuleDict({'a': nn.Linear(2, 1), 'act': nn.ReLU()})
        self.extra = nn.ParameterList([nn.Parameter(torch.ones(2, 3)), torch.zeros(2)])

    def forward(self, x):
        for layer in self.layers:
            x = self.heads['act'](layer(x))
        return self.heads['a'](x) + self.extra[1].sum()

net = Net()
print(net)
print([k for k, _ in net.named_parameters()])
print(list(net.state_dict().keys()))
print(net(torch.ones(3, 2)))
print(net.heads['a'], 'a' in net.heads, 'b' in net.heads, list(net.heads.keys()), len(net.heads))
print([k for k in net.heads], list(net.heads.items())[1], type(net.extra[1]).__name__, net.extra[1].requires_grad)
net.heads['b'] = nn.Tanh()
print(net.heads, net.heads.pop('b'), len(net.heads))
print(nn.ParameterList([torch.ones(2)]))
print(sum(p.numel() for p in net.parameters()))
attempt('not module', lambda: nn.ModuleList([1]))
attempt('call list', lambda: blocks(3))
attempt('index', lambda: blocks[10])
attempt('dict value', lambda: nn.ModuleDict({'a': 1}))
attempt('missing key', lambda: net.heads['zzz'])

# Embedding
torch.manual_seed(0)
emb = nn.Embedding(5, 3, padding_idx=-1)
print(emb, emb.padding_idx, emb.num_embeddings, emb.embedding_dim)
print(emb.weight)
idx = torch.tensor([[0, 4], [2, 2]])
y = emb(idx)
print(y)
(y * torch.arange(12.).view(2, 2, 3)).sum().backward()
print(emb.weight.grad)
C = torch.randn((27, 2), generator=torch.Generator().manual_seed(2147483647))
X = torch.tensor([[0, 0, 5], [5, 13, 13], [13, 13, 1]])
print(C[X].shape, torch.equal(F.embedding(X, C), C[X]))
print(nn.Embedding(4, 2), nn.Embedding.from_pretrained(torch.ones(2, 2)), nn.Embedding.from_pretrained(torch.ones(2, 2)).weight.requires_grad)
print(F.embedding(torch.tensor([1, 0]), torch.ones(3, 2), padding_idx=0), F.embedding(torch.tensor(1), torch.eye(3)))
w = torch.ones(3, 2, requires_grad=True)
F.embedding(torch.tensor([0, 0, 2]), w).sum().backward()
print(w.grad, F.embedding(torch.tensor([1], dtype=torch.int32), torch.eye(2)).dtype)
attempt('pad range', lambda: nn.Embedding(3, 2, padding_idx=3))
attempt('pad neg', lambda: nn.Embedding(3, 2, padding_idx=-4))
attempt('too big', lambda: emb(torch.tensor([5])))
attempt('negative', lambda: emb(torch.tensor([-1])))
attempt('float idx', lambda: emb(torch.tensor([1.0])))
attempt('weight 1-d', lambda: F.embedding(torch.tensor([1]), torch.ones(3)))
