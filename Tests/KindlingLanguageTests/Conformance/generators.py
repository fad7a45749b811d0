def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

g = count_up(3)
print(g.__class__.__name__, type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value))
try:
    next(g)
except StopIteration as e:
    print("stop again", repr(e.value))
print(list(count_up(5)), sum(count_up(10)), list(zip(count_up(3), "abc")))
print(next(count_up(0), "default"))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])
for i, x in enumerate(fib()):
    if i > 5: break
    print(x, end=" ")
print()

def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return "stopped"

e = echo()
print(e.send(None), e.send(1), e.send("two"))
try:
    e.send("stop")
except StopIteration as s:
    print("returned", s.value)

def just_started():
    yield 1
try:
    just_started().send(5)
except TypeError as t:
    print("TypeError:", t)

def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return x, y

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield from range(2)
    return "outer done"

o = outer()
print(next(o)); print(o.send("a")); print(o.send("b")); print(next(o)); print(next(o)); print(next(o))
try:
    next(o)
except StopIteration as s:
    print("outer:", s.value)

def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")

c = cleanup()
print(next(c))
c.close()
print("closed")
c2 = cleanup()
next(c2)
del c2
print("after del")

def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as v:
            print("caught", v)
            yield "handled"

k = catcher()
next(k)
print(k.throw(ValueError("boom")))
print(next(k))
try:
    k.throw(KeyError, "missing")
except KeyError as ke:
    print("KeyError propagated", ke)

def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as r:
    print("RuntimeError:", r, type(r.__cause__).__name__)

def lazy():
    print("started")
    yield 1
lz = lazy()
print("created")
print(next(lz))

g = (i * i for i in range(3))
print(next(g), list(g))

def tree(n):
    if n == 0:
        yield 0
        return
    yield n
    yield from tree(n - 1)
    yield from tree(n - 1)
print(list(tree(3)))

def gen_with_args(a, *rest, key=None, **kw):
    yield a
    yield from rest
    yield key
    yield sorted(kw.items())
print(list(gen_with_args(1, 2, 3, key="k", z=1, y=2)))

class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * 10
print(list(Counter(3)), max(Counter(4)))

def closure_gen():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(4):
        add(i)
        yield total
print(list(closure_gen()))
print(sorted(x for x in count_up(4)), dict(zip(count_up(3), count_up(3))))
import sys
def g_name(): yield
print(repr(g_name()).startswith("<generator object g_name at 0x"))
def meth_gen():
    class A:
        def items(self):
            yield 1
    return A().items()
print(repr(meth_gen()).split(" at ")[0])
print(type(g_name()) is type(x for x in []))
def raiser():
    yield 1
    1 / 0
for v in raiser():
    print("got", v)
