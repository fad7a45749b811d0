# torch.optim.lr_scheduler: the learning-rate sequences (PyTorch's floats) of StepLR,
# MultiStepLR, ExponentialLR, LambdaLR, CosineAnnealingLR and OneCycleLR.
import torch
from torch.optim import lr_scheduler

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

def run(make, steps, opt_class=torch.optim.SGD, **opt_kwargs):
    w = torch.zeros(2, requires_grad=True)
    opt = opt_class([w], **opt_kwargs)
    sched = make(opt)
    lrs = [sched.get_last_lr()[0]]
    for _ in range(steps):
        w.sum().backward()
        opt.step()
        opt.zero_grad()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    return lrs, sched.last_epoch, opt.param_groups[0]['lr']

print(run(lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.1), 10, lr=0.1))
print(run(lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.5), 8, lr=0.3))
print(run(lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9), 6, lr=0.05))
print(run(lambda o: lr_scheduler.LambdaLR(o, lr_lambda=lambda epoch: 0.95 ** epoch), 5, lr=1.0))
print(run(lambda o: lr_scheduler.LambdaLR(o, [lambda e: 1 / (e + 1)]), 3, lr=0.2))
print(run(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.001), 12, lr=0.1))
print(run(lambda o: lr_scheduler.CosineAnnealingLR(o, 10), 10, torch.optim.Adam, lr=0.01))
print(run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=10), 9, momentum=0.9, lr=0.01))
print(run(lambda o: lr_scheduler.OneCycleLR(o, max_lr=1.0, epochs=2, steps_per_epoch=4, anneal_strategy='linear', three_phase=True), 8, lr=0.01))
print(run(lambda o: lr_scheduler.OneCycleLR(o, 0.01, total_steps=6, pct_start=0.5, cycle_momentum=False), 5, torch.optim.Adam))
w = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
s = lr_scheduler.OneCycleLR(opt, max_lr=0.5, total_steps=4)
print(type(s).__name__, s.base_lrs, s.optimizer is opt, s.last_epoch)
for _ in range(4):
    opt.step()
    s.step() if s.last_epoch < 4 else None
print(s.last_epoch)
attempt('too many', lambda: s.step())
attempt('one cycle', lambda: lr_scheduler.OneCycleLR(opt, max_lr=0.1))
attempt('total', lambda: lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=0))
attempt('strategy', lambda: lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=5, anneal_strategy='exp'))
attempt('not opt', lambda: lr_scheduler.StepLR([w], 2))
for make in (lambda o: lr_scheduler.StepLR(o, 0), lambda o: lr_scheduler.CosineAnnealingLR(o, 0)):
    o = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    s = make(o)
    o.step()
    attempt('zero period', s.step)
