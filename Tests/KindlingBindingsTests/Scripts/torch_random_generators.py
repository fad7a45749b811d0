# torch.Generator objects, generator= on the sampling functions, the global RNG state,
# multinomial (both algorithms), bernoulli, exponential_ and the forms of torch.normal.
import torch

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

g = torch.Generator().manual_seed(2147483647)
print(type(g).__name__, g.initial_seed(), g.device)
p = torch.rand(27, generator=g)
p = p / p.sum()
print(p)
print(torch.multinomial(p, num_samples=1, replacement=True, generator=g))
print(torch.multinomial(p, num_samples=20, replacement=True, generator=g))
print(torch.multinomial(p, 10, generator=g))
print(torch.multinomial(p.double(), num_samples=8, replacement=True, generator=g))
rows = torch.rand(3, 5, generator=g)
print(torch.multinomial(rows, 4, generator=g))
print(torch.multinomial(rows, 6, replacement=True, generator=g))
print(rows.multinomial(1, generator=g), rows.multinomial(2, True, generator=g).dtype)
counts = torch.tensor([0., 3., 0., 1.])
print(torch.multinomial(counts, 2, generator=g), torch.multinomial(counts, 12, True, generator=g))

# makemore's sampling loop, drawing names from a bigram-like table
g = torch.Generator().manual_seed(2147483647)
P = torch.rand(5, 5, generator=g) ** 3
P = P / P.sum(1, keepdim=True)
for _ in range(4):
    ix, out = 0, []
    while True:
        ix = torch.multinomial(P[ix], num_samples=1, replacement=True, generator=g).item()
        out.append(ix)
        if ix == 0 or len(out) > 12:
            break
    print(out)

# generator= everywhere, and the same numbers as the global generator for the same seed
g = torch.Generator().manual_seed(7)
a = torch.randn(20, generator=g), torch.rand(3, 2, generator=g), torch.randint(0, 10, (6,), generator=g), torch.randperm(9, generator=g)
torch.manual_seed(7)
b = torch.randn(20), torch.rand(3, 2), torch.randint(0, 10, (6,)), torch.randperm(9)
print(all(torch.equal(x, y) for x, y in zip(a, b)), a[2], a[3])
w = torch.empty(2, 3)
print(w.uniform_(-1, 1, generator=g), w.normal_(0, 0.5, generator=g))
print(torch.randint(5, (2, 2), generator=g), torch.randn(2, generator=g, dtype=torch.float64))

# states: get/set round trips, printing, initial_seed, seed()
torch.manual_seed(3)
s = torch.get_rng_state()
print(s, s.shape, len(s))
x1 = torch.randn(4)
torch.set_rng_state(s)
print(torch.equal(x1, torch.randn(4)), torch.initial_seed())
torch.manual_seed(12)
torch.randn(3)
s = torch.get_rng_state()
y1 = torch.randn(5)
torch.set_rng_state(s)
print(torch.equal(y1, torch.randn(5)))
g = torch.Generator()
print(g.initial_seed())
g.manual_seed(99)
st = g.get_state()
u = torch.rand(700, generator=g)
print(g.set_state(st) is g, torch.equal(u, torch.rand(700, generator=g)))
h = torch.Generator().set_state(g.get_state())
print(torch.equal(torch.rand(5, generator=g), torch.rand(5, generator=h)))
print(st.numel(), st.clone().shape, st[:3], st[-2:].tolist())
r = torch.seed()
print(type(r).__name__, r == torch.initial_seed(), r >= 0)
print(torch.manual_seed(5) is torch.default_generator, torch.default_generator.initial_seed())
print(torch.Generator().manual_seed(-1).get_state()[:12])
attempt('set float', lambda: torch.set_rng_state(torch.zeros(3)))
attempt('set list', lambda: torch.set_rng_state([1, 2]))
attempt('seed float', lambda: torch.Generator().manual_seed(1.5))
attempt('gen type', lambda: torch.multinomial(torch.ones(2), 1, generator='g'))

# multinomial's errors
attempt('ints', lambda: torch.multinomial(torch.tensor([1, 2]), 1))
attempt('3-d', lambda: torch.multinomial(torch.ones(2, 2, 2), 1))
attempt('0-d', lambda: torch.multinomial(torch.tensor(1.), 1, True))
attempt('zero samples', lambda: torch.multinomial(torch.ones(2), 0))
attempt('too many', lambda: torch.multinomial(torch.ones(2), 3))
attempt('negative', lambda: torch.multinomial(torch.tensor([1., -1]), 1))
attempt('negative repl', lambda: torch.multinomial(torch.tensor([1., -1]), 2, True))
attempt('zeros', lambda: torch.multinomial(torch.tensor([0., 0]), 2, True))
attempt('zeros one', lambda: torch.multinomial(torch.tensor([0., 0]), 1, True))
attempt('inf', lambda: torch.multinomial(torch.tensor([1., float('inf')]), 2, True))
attempt('nan', lambda: torch.multinomial(torch.tensor([1., float('nan')]), 2, True))
attempt('inf one', lambda: torch.multinomial(torch.tensor([1., float('inf')]), 1))

# bernoulli and exponential_
g = torch.Generator().manual_seed(11)
probs = torch.tensor([[0.1, 0.9, 0.5], [0.0, 1.0, 0.3]])
print(torch.bernoulli(probs, generator=g), torch.bernoulli(probs.double(), generator=g))
print(torch.bernoulli(probs, 0.25, generator=g), probs.bernoulli(generator=g))
print(torch.empty(2, 4).bernoulli_(0.5, generator=g), torch.zeros(2, 3).bernoulli_(probs, generator=g))
print(torch.empty(6).exponential_(generator=g), torch.empty(3, dtype=torch.float64).exponential_(2.5, generator=g))
torch.manual_seed(4)
print(torch.empty(5).bernoulli_(), torch.bernoulli(torch.full((5,), 0.7)))
attempt('p range', lambda: torch.bernoulli(torch.tensor([2.0])))
attempt('p scalar', lambda: torch.empty(2).bernoulli_(1.5))
attempt('lambda', lambda: torch.empty(2).exponential_(-1))
attempt('lambda0', lambda: torch.empty(2).exponential_(0))
attempt('int exp', lambda: torch.empty(2, dtype=torch.long).exponential_())

# torch.normal's four forms
torch.manual_seed(0)
print(torch.normal(torch.zeros(3), torch.ones(3) * 2))
print(torch.normal(torch.arange(20.), 2.0))
print(torch.normal(2, 3, (2, 3)), torch.normal(0.0, 1.0, size=(2,), dtype=torch.float64))
print(torch.normal(1.0, torch.tensor([1.0, 0.5, 0.0])))
print(torch.normal(mean=torch.zeros(2, 1), std=torch.ones(3)))
g = torch.Generator().manual_seed(1)
print(torch.normal(torch.zeros(4), 1.0, generator=g), torch.normal(mean=torch.ones(2)))
attempt('std<0', lambda: torch.normal(0., -1., size=(2,)))
attempt('stds<0', lambda: torch.normal(torch.zeros(2), torch.tensor([1., -1])))
attempt('tensor std<0', lambda: torch.normal(torch.zeros(2), -1.))
attempt('shapes', lambda: torch.normal(torch.zeros(2), torch.ones(3)))
attempt('long', lambda: torch.normal(torch.zeros(2, dtype=torch.long), 1.))
