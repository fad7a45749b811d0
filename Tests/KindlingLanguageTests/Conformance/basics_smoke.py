print("hello", 1 + 2, 3.5 / 2, 7 // 2, -7 % 3, 2 ** -1, 0.1 + 0.2)
x = [1, 2, 3]
print(x, x[1:], len(x), {'a': 1, 'b': (1, 2)}, {1, 2})
def f(a, b=2, *args, **kw):
    return a + b, args, kw
print(f(1), f(1, 3, 4, z=5))
class A:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"A({self.v!r})"
    def __add__(self, o): return A(self.v + o.v)
print(A(1) + A(2), [A("s")])
print(f"{3.14159:.2f} {42:>5} {1234567:,} {0.25:.1%} {1e-5} {1e16}")
squares = [i * i for i in range(10) if i % 2 == 0]
print(squares, sum(x for x in range(5)), {k: v for k, v in zip("abc", range(3))})
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
g = counter(); g(); print(g())
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
print(sorted([3, 1, 2], reverse=True), max([1, 5, 3]), min("bca"), round(2.675, 2), round(0.5), round(1.5))
import math
print(math.sqrt(2), math.pi)
troch = 1
def g2():
    return torch
g2()
