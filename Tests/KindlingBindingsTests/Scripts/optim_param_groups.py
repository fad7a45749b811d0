# Hand-made learning-rate schedules through optimizer.param_groups, as tutorials write them.
import torch

torch.manual_seed(0)
w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
print(opt.param_groups is opt.param_groups, len(opt.param_groups))
for epoch in range(4):
    loss = (w ** 2).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    for g in opt.param_groups:
        g['lr'] = g['lr'] * 0.5
    print(epoch, w.detach(), opt.param_groups[0]['lr'])
opt.param_groups[0]['momentum'] = 0.0
loss = (w ** 2).sum()
opt.zero_grad()
loss.backward()
opt.step()
print(w.detach(), opt.param_groups[0]['momentum'])

v = torch.tensor([0.5, 0.25], requires_grad=True)
adam = torch.optim.Adam([v], lr=0.01)
sched = torch.optim.lr_scheduler.StepLR(adam, step_size=1, gamma=0.1)
for i in range(2):
    adam.zero_grad()
    (v ** 2).sum().backward()
    adam.step()
    sched.step()
    print(i, v.detach(), adam.param_groups[0]['lr'])
adam.param_groups[0]['lr'] = 0.5
adam.zero_grad()
(v ** 2).sum().backward()
adam.step()
print(v.detach(), round(adam.param_groups[0]['lr'], 6))
