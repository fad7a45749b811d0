# torch.optim.AdamW, RMSprop and Adagrad: parameters after a few steps, their options and errors.
# Values are rounded to 6 decimals: ATen's scalar tail loops are FMA-contracted by the compiler,
# which can move the last bit of an element; Kindling rounds every step as written.
import torch

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

def train(opt_class, steps=4, dtype=torch.float32, **kwargs):
    # Gradients come from the generator (bit-exact everywhere), so only the update rules are compared.
    g = torch.Generator().manual_seed(0)
    w = torch.randn(3, 4, dtype=dtype, generator=g).requires_grad_()
    b = torch.zeros(4, dtype=dtype, requires_grad=True)
    opt = opt_class([w, b], **kwargs)
    for _ in range(steps):
        opt.zero_grad()
        w.grad = torch.randn(3, 4, dtype=dtype, generator=g)
        b.grad = torch.rand(4, dtype=dtype, generator=g) - 0.5
        opt.step()
    return [round(v, 6) for v in w.flatten().tolist()], [round(v, 6) for v in b.tolist()]

print(train(torch.optim.AdamW))
print(train(torch.optim.AdamW, lr=0.01, weight_decay=0.1, betas=(0.8, 0.9)))
print(train(torch.optim.AdamW, weight_decay=0))
print(train(torch.optim.RMSprop))
print(train(torch.optim.RMSprop, lr=0.001, momentum=0.9, weight_decay=0.01))
print(train(torch.optim.RMSprop, centered=True, alpha=0.9))
print(train(torch.optim.Adagrad))
print(train(torch.optim.Adagrad, lr=0.1, lr_decay=0.01, weight_decay=0.001, initial_accumulator_value=0.1))
print(train(torch.optim.AdamW, dtype=torch.float64, lr=0.05))
print(train(torch.optim.RMSprop, dtype=torch.float64, momentum=0.5))
opt = torch.optim.AdamW([torch.zeros(2, requires_grad=True)])
print(type(opt).__name__, opt.param_groups[0]['lr'], opt.param_groups[0]['weight_decay'])
attempt('lr', lambda: torch.optim.RMSprop([torch.zeros(1, requires_grad=True)], lr=-1))
attempt('alpha', lambda: torch.optim.RMSprop([torch.zeros(1, requires_grad=True)], alpha=-0.5))
attempt('decay', lambda: torch.optim.Adagrad([torch.zeros(1, requires_grad=True)], lr_decay=-1))
attempt('beta', lambda: torch.optim.AdamW([torch.zeros(1, requires_grad=True)], betas=(1.0, 0.9)))
