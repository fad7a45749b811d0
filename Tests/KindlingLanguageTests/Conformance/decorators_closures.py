def log_calls(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
@log_calls
def add(a, b=0):
    return a + b
print(add(1, b=2))
def repeat(n):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))
def memo(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class Plugin:
    pass
print(registry)
def make_counters():
    counters = []
    for i in range(3):
        def counter(start=i):
            count = start
            def step():
                nonlocal count
                count += 1
                return count
            return step
        counters.append(counter())
    return counters
cs = make_counters()
print([c() for c in cs], [c() for c in cs])
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(str, lambda v: v * 2, abs)(-21))
adders = {name: (lambda k: lambda x: x + k)(k) for name, k in [("one", 1), ("ten", 10)]}
print(adders["one"](5), adders["ten"](5))
class Cached:
    def __init__(self):
        self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return self.calls * 10
c = Cached()
print(c.value, c.value, c.calls)
try:
    c.value = 3
except AttributeError as e:
    print("AttributeError:", e)
