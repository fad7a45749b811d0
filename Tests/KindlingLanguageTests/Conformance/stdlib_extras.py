# functools.lru_cache/cache/wraps/total_ordering, random.choices and the variates (CPython's streams), string.Template
import functools, random, string
@functools.lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)
sq.cache_clear(); print(sq.cache_info())
@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
@functools.cache
def fact(n, k=1):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(10, k=2), fact.cache_info())
def deco(f):
    @functools.wraps(f)
    def inner(*a, **k):
        "inner doc"
        return f(*a, **k) + 1
    return inner
@deco
def h(x):
    "h doc"
    return x
print(h(1), h.__name__, h.__doc__, h.__wrapped__(1))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2))
random.seed(42)
print(random.choices(range(10), k=5), random.choices('abc', weights=[1, 5, 10], k=6), random.choices([1, 2], cum_weights=[0.2, 1.0], k=3))
print(random.expovariate(2.0), random.normalvariate(1, 2), random.triangular(0, 10, 3), random.random())
t = string.Template('$who likes ${what}, $$5 and $who again')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
for bad in ['$', 'a ${x', 'cost $9']:
    try:
        string.Template(bad).substitute(x=1)
    except ValueError as e:
        print("ValueError", e)
try:
    t.substitute(who='a')
except KeyError as e:
    print("KeyError", e)
print(string.Template('$a$b').substitute({'a': 1}, b=2))
