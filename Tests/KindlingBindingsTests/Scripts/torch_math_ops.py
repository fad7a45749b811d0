# Element-wise math, reductions, products and activations that tutorials and course notebooks paste.
import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

x = torch.tensor([-0.9, -0.3, 0.2, 0.7, 0.95])
for name in ['log1p', 'expm1', 'log2', 'log10', 'exp2', 'rsqrt', 'erf', 'erfinv', 'tan', 'atan', 'asin', 'acos',
             'sinh', 'cosh', 'asinh', 'atanh', 'trunc', 'frac', 'sign', 'sgn', 'arcsin', 'arctan', 'fix']:
    print(name, getattr(torch, name)(x), getattr(x, name)())
print(torch.acosh(x + 2), x.double().log1p(), torch.tensor([1, 2, 3]).log2(), torch.tensor([True, False]).erf())
print(torch.sign(torch.tensor([-3, 0, 2])), torch.trunc(torch.tensor([-3, 2])), torch.sign(torch.tensor([True, False])))
special = torch.tensor([float('nan'), float('inf'), -float('inf'), 0.0, -2.5])
print(special.isnan(), torch.isinf(special), torch.isfinite(special), special.sign())
print(torch.nan_to_num(special), special.nan_to_num(nan=1.0, posinf=9.0, neginf=-9.0), torch.isnan(torch.tensor([1, 2])))
print(torch.erfinv(torch.tensor([1.0, -1.0, 0.0, 1.5])), torch.rsqrt(torch.tensor([0.0, 4.0])))
attempt('frac int', lambda: torch.frac(torch.tensor([1, 2])))
attempt('exp_ int', lambda: torch.tensor([1, 2]).exp_())
attempt('log1p args', lambda: x.log1p(2))

# In-place forms take over the graph node.
w = torch.tensor([0.5, 1.5, -0.25], requires_grad=True)
h = w * 2
h.exp_()
print(h)
h.sum().backward()
print(w.grad)
k = w * 3
k.log1p_()
print(k, torch.autograd.grad(k.sum(), w)[0])
y = torch.tensor([1.0, 4.0, 9.0])
print(y.sqrt_(), y, y.abs_().neg_(), y.sigmoid_(), torch.tensor([1, -2]).abs_(), torch.tensor([0.3, -0.6]).tanh_().sin_().cos_())
attempt('leaf', lambda: w.exp_())

# Gradients and grad_fn names of the element-wise functions.
g = torch.tensor([0.2, -0.4, 0.6], requires_grad=True)
for name in ['log1p', 'expm1', 'exp2', 'erf', 'erfinv', 'tan', 'atan', 'asin', 'acos', 'sinh', 'cosh', 'asinh',
             'atanh', 'trunc', 'frac', 'sign', 'sgn', 'nan_to_num']:
    out = getattr(torch, name)(g)
    grad, = torch.autograd.grad(out.sum(), g)
    print(name, out.grad_fn.name(), grad)
pos = torch.tensor([0.5, 2.0, 3.0], requires_grad=True)
for name in ['log2', 'log10', 'rsqrt']:
    out = getattr(pos, name)()
    print(name, out, torch.autograd.grad(out.sum(), pos)[0])
print(torch.acosh(pos + 1.5), torch.autograd.grad(torch.acosh(pos + 1.5).sum(), pos)[0])

# Binary functions.
a = torch.tensor([[1.0, -2.0, 0.5], [3.0, 0.0, -1.5]], requires_grad=True)
b = torch.tensor([2.0, -0.5, 1.0], requires_grad=True)
for name in ['atan2', 'logaddexp', 'hypot', 'fmod']:
    out = getattr(torch, name)(a, b)
    ga, gb = torch.autograd.grad(out.sum(), (a, b))
    print(name, out, ga, gb)
print(torch.fmod(a, 0.7), torch.fmod(torch.tensor([-7, 7]), 3), torch.remainder(torch.tensor([-7, 7]), 3), torch.fmod(torch.tensor([-7, 7]), 2.5))
print(torch.atan2(torch.tensor([1, -1]), torch.tensor([0, 0])), torch.arctan2(b, b), a.fmod(2).grad_fn.name())
attempt('fmod zero', lambda: torch.fmod(torch.tensor([1]), 0))
attempt('hypot int', lambda: torch.hypot(torch.tensor([3]), torch.tensor([4])))
attempt('logaddexp scalar', lambda: b.logaddexp(1.0))
start, end = torch.tensor([0.0, 10.0], requires_grad=True), torch.tensor([4.0, 20.0])
weight = torch.tensor([0.25, 0.75], requires_grad=True)
l1, l2 = torch.lerp(start, end, 0.6), start.lerp(end, weight)
print(l1, l2)
print(torch.autograd.grad((l1 + l2).sum(), (start, weight)))
print(torch.tensor([1.0, 2.0]).lerp_(torch.tensor([3.0, 6.0]), 0.5))
attempt('lerp dtype', lambda: torch.lerp(torch.tensor([1.0]), torch.tensor([2.0], dtype=torch.float64), 0.5))

# Reductions.
m = torch.tensor([[3.0, -4.0, 1.0], [0.0, 2.0, -2.0]], requires_grad=True)
print(m.norm(), torch.norm(m, 1), m.norm(p='fro'), m.norm(dim=1), m.norm(float('inf')), m.norm(-float('inf'), dim=0), m.norm(0))
print(m.norm(3, 1, True), torch.norm(m, dim=(0, 1)), torch.linalg.vector_norm(m, ord=1, dim=0), torch.linalg.norm(m), torch.linalg.norm(m, dim=1))
for p in [2, 1, float('inf'), 3, 0.5]:
    n = m.norm(p, dim=1)
    print(p, n.grad_fn.name(), torch.autograd.grad(n.sum(), m)[0])
zero = torch.zeros(3, requires_grad=True)
print(torch.autograd.grad(zero.norm(), zero)[0], torch.autograd.grad(zero.norm(1), zero)[0])
attempt('norm int', lambda: torch.tensor([1, 2]).norm())
attempt('norm abc', lambda: m.norm(p='abc'))
print(m.amax(), m.amax(1), m.amin(dim=(0, 1)), torch.amax(m, 0, keepdim=True), torch.amin(m, -1), torch.tensor([[1, 5], [7, 2]]).amax(0))
tied = torch.tensor([[2.0, 2.0, 1.0], [0.5, 3.0, 3.0]], requires_grad=True)
print(tied.amax(1).grad_fn.name(), torch.autograd.grad(tied.amax(1).sum(), tied)[0], torch.autograd.grad(tied.amin(), tied)[0])
attempt('amax dup', lambda: m.amax(dim=(0, 0)))
attempt('amax empty', lambda: torch.zeros(0, 3).amax(0))
lse = m.logsumexp(1)
print(lse, torch.logsumexp(m, dim=0, keepdim=True), torch.logsumexp(torch.tensor([-float('inf'), -float('inf')]), 0), torch.tensor([1, 2]).logsumexp(0))
print(torch.autograd.grad(lse.sum(), m)[0])
vm, mm = torch.var_mean(m, 1)
print(vm, mm, torch.std_mean(torch.tensor([1.0, 2.0, 3.0, 4.0])), torch.var_mean(m, dim=0, correction=0, keepdim=True), torch.var_mean(torch.tensor([2.0, 4.0, 9.0]), False))
print(torch.autograd.grad((vm + mm).sum(), m)[0], torch.autograd.grad(torch.std_mean(m, 0)[0].sum(), m)[0])
nanny = torch.tensor([[1.0, float('nan'), 3.0], [float('nan'), float('nan'), 2.0]], requires_grad=True)
print(torch.nansum(nanny), nanny.nansum(1), torch.nanmean(nanny), nanny.nanmean(dim=1), torch.tensor([1, 2]).nansum())
print(torch.autograd.grad(nanny.nansum(), nanny)[0], torch.autograd.grad(nanny.nanmean(), nanny)[0])
print(torch.count_nonzero(m), m.count_nonzero(0), torch.count_nonzero(m, dim=(0, 1)), torch.tensor([True, False]).count_nonzero())
print(torch.dist(m, torch.zeros(3)), torch.dist(m, torch.ones(2, 3), 1), m.dist(torch.ones(3), float('inf')))
d = torch.dist(m, torch.ones(3), 3)
print(d, torch.autograd.grad(d, m)[0])
print(torch.prod(m, 1), m.prod(dim=0, keepdim=True))

# Products.
u, v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True), torch.tensor([4.0, 5.0], requires_grad=True)
o = torch.outer(u, v)
print(o, u.ger(v), torch.autograd.grad(o.sum(), (u, v)))
mat = torch.arange(6.0).reshape(2, 3).requires_grad_()
print(torch.mv(mat, u), mat.mv(u), torch.inner(u, u), torch.inner(mat, mat), torch.inner(torch.tensor(2.0), u))
base = torch.tensor([0.5, -0.5], requires_grad=True)
mat2 = torch.tensor([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]], requires_grad=True)
am = torch.addmm(base, mat, mat2)
print(am, torch.autograd.grad(am.sum(), (base, mat, mat2)))
print(torch.addmm(torch.ones(2, 2), mat.detach(), mat2.detach(), beta=0.5, alpha=2), base.detach().addmm(mat.detach(), mat2.detach()))
t1, t2 = torch.tensor([1.0, 2.0, 4.0], requires_grad=True), torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
ac, ad = torch.addcmul(u, t1, t2, value=0.5), torch.addcdiv(u, t1, t2, value=2)
print(ac, ad, torch.autograd.grad((ac + ad).sum(), (u, t1, t2)))
print(torch.zeros(3).addcmul_(t1.detach(), t2.detach()), torch.ones(3).addcdiv_(t1.detach(), t2.detach(), value=-1))
attempt('addcdiv int', lambda: torch.addcdiv(torch.ones(2), torch.tensor([1, 2]), torch.tensor([1, 2])))
e1 = torch.einsum('ij,jk->ik', mat, mat2)
print(e1, torch.einsum('ij,j->i', mat, u), torch.einsum('i,i->', u, u), torch.einsum('i,j->ij', u, v), torch.einsum('ij->ji', mat))
print(torch.einsum('bij,bjk->bik', mat.reshape(1, 2, 3), mat2.reshape(1, 3, 2)), torch.einsum('ij,kj', mat, mat), torch.einsum('ij->', mat))
print(torch.autograd.grad(e1.sum(), (mat, mat2)), torch.einsum('ij,ij->i', [mat, mat]), torch.einsum('i,j->ij', u, v).grad_fn.name(), torch.einsum('ij,ik->kj', mat, mat).grad_fn.name())
attempt('einsum size', lambda: torch.einsum('ij,jk->ik', mat, mat))
attempt('mv shape', lambda: torch.mv(mat, v))
attempt('outer 2d', lambda: torch.outer(mat, u))

# Activations.
z = torch.tensor([-2.5, -0.5, 0.0, 0.5, 2.0, 4.0], requires_grad=True)
for name, f in [('leaky_relu', lambda t: F.leaky_relu(t, 0.2)), ('gelu', F.gelu), ('gelu tanh', lambda t: F.gelu(t, approximate='tanh')),
                ('silu', F.silu), ('softplus', F.softplus), ('softplus beta', lambda t: F.softplus(t, beta=2, threshold=5)),
                ('elu', F.elu), ('elu alpha', lambda t: F.elu(t, alpha=0.5)), ('logsigmoid', F.logsigmoid),
                ('hardtanh', F.hardtanh), ('hardtanh range', lambda t: F.hardtanh(t, -2.0, 2.0)), ('relu6', F.relu6)]:
    out = f(z)
    print(name, out, torch.autograd.grad(out.sum(), z)[0])
print(F.softplus(torch.tensor([25.0, 19.0, -30.0])), F.hardtanh(torch.tensor([-3, 0, 3])), F.relu6(torch.tensor([-1, 3, 7])))
attempt('gelu int', lambda: F.gelu(torch.tensor([1, 2])))
attempt('gelu approximate', lambda: F.gelu(z, approximate='fast'))
attempt('leaky int', lambda: F.leaky_relu(torch.tensor([1, -2])))
r = torch.tensor([-1.0, 2.0, 7.0])
print(F.relu(r.clone(), inplace=True), F.relu6(r.clone(), inplace=True), F.elu(r, inplace=False), r)
inplace_target = r.clone()
F.silu(inplace_target, inplace=True)
print(inplace_target, F.leaky_relu(r.clone(), 0.1, True))
vecs = torch.tensor([[3.0, 4.0], [0.0, 0.0], [1.0, -1.0]], requires_grad=True)
nv = F.normalize(vecs)
print(nv, F.normalize(vecs, p=1, dim=0), torch.autograd.grad(nv[0].sum(), vecs)[0])
cs = F.cosine_similarity(vecs, torch.tensor([[1.0, 0.0]]))
print(cs, F.cosine_similarity(vecs, torch.tensor([[1.0, -1.0], [0.0, 0.0], [3.0, 4.0]]), dim=1), F.cosine_similarity(torch.tensor([1.0, 2.0]), torch.tensor([2.0, 4.0]), dim=0))
print(torch.autograd.grad(cs.sum(), vecs)[0])
pred, target = torch.tensor([[0.5, 2.0], [-1.0, 4.0]], requires_grad=True), torch.tensor([[1.0, 0.0], [-1.2, 1.0]])
for reduction in ['mean', 'sum', 'none']:
    s1 = F.smooth_l1_loss(pred, target, reduction=reduction)
    s2 = F.huber_loss(pred, target, reduction=reduction, delta=0.7)
    s3 = F.smooth_l1_loss(pred, target, reduction=reduction, beta=0.3)
    print(reduction, s1, s2, s3)
    print(torch.autograd.grad((s1 + s2 + s3).sum(), pred)[0])
print(F.smooth_l1_loss(pred, target, beta=0.0))
attempt('beta', lambda: F.smooth_l1_loss(pred, target, beta=-1))
attempt('delta', lambda: F.huber_loss(pred, target, delta=0))
attempt('reduction', lambda: F.huber_loss(pred, target, reduction='avg'))
logp = torch.tensor([[-1.0, -0.5], [-2.0, -0.2]], requires_grad=True)
q = torch.tensor([[0.3, 0.7], [0.0, 1.0]])
for reduction in ['sum', 'batchmean', 'none']:
    k = F.kl_div(logp, q, reduction=reduction)
    print(reduction, k, torch.autograd.grad(k.sum(), logp)[0])
print(F.kl_div(logp, q.clamp_min(1e-3).log(), reduction='sum', log_target=True))

# Modules.
layers = [nn.GELU(), nn.GELU('tanh'), nn.SiLU(), nn.ELU(), nn.Softplus(), nn.LogSigmoid(), nn.Hardtanh(), nn.ReLU6(),
          nn.LeakyReLU(0.2), nn.ELU(alpha=0.5, inplace=True), nn.Softplus(beta=2, threshold=10), nn.Hardtanh(-2, 2),
          nn.ReLU6(inplace=True), nn.SiLU(inplace=True), nn.Hardtanh(-2.0, 2.0, True)]
print(layers)
net = nn.Sequential(nn.Linear(2, 3), nn.GELU(), nn.Linear(3, 2), nn.Softplus(beta=2), nn.Linear(2, 1), nn.ELU())
print(net)
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 3), nn.SiLU(), nn.Linear(3, 1), nn.Hardtanh(-0.5, 0.5))
print(net(torch.tensor([[1.0, -1.0], [0.5, 2.0]])))
for layer in layers[:8]:
    print(type(layer).__name__, layer(torch.tensor([-1.5, 0.25, 2.0])))
act = torch.tensor([-1.0, 0.5, 8.0])
print(nn.ReLU6(inplace=True)(act), act)

# finfo / iinfo / predicates.
print(torch.finfo(torch.float32), torch.finfo(), torch.finfo(torch.float64))
print(torch.iinfo(torch.int32), torch.iinfo(torch.int64))
f32 = torch.finfo(torch.float32)
print(f32.eps, f32.max, f32.min, f32.tiny, f32.bits, f32.dtype, f32.resolution, f32.smallest_normal)
print(torch.finfo(torch.double).eps, torch.iinfo(torch.int64).max, torch.iinfo(torch.int32).min, torch.iinfo(torch.long).bits)
attempt('finfo int', lambda: torch.finfo(torch.int32))
attempt('iinfo float', lambda: torch.iinfo(torch.float32))
print(torch.is_floating_point(x), torch.is_floating_point(torch.tensor([1])), x.is_floating_point(), torch.is_nonzero(torch.tensor([2])))
print(torch.is_nonzero(torch.tensor(0.0)), torch.tensor([[False]]).is_nonzero())
attempt('is_nonzero many', lambda: torch.is_nonzero(torch.tensor([1, 2])))
attempt('is_nonzero empty', lambda: torch.is_nonzero(torch.tensor([])))
