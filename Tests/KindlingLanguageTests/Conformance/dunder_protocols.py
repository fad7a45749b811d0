class Money:
    def __init__(self, cents): self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money): return Money(self.cents + other.cents)
        if isinstance(other, int): return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other): return self.__add__(other)
    def __eq__(self, other): return isinstance(other, Money) and self.cents == other.cents
    def __repr__(self): return f"Money({self.cents})"
print(Money(5) + Money(7), 3 + Money(1), sum([Money(1), Money(2)]), Money(1) == Money(1), Money(1) != Money(2))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    {Money(1): 1}
except TypeError as e:
    print("TypeError:", e)
class Acc:
    def __init__(self): self.items = []
    def __add__(self, v):
        r = Acc(); r.items = self.items + [v]; return r
a = Acc(); b = a
a += 1
print(a.items, b.items, a is b)
class Weird:
    def __eq__(self, other): return "not a bool"
    def __lt__(self, other): return [1]
print(Weird() == 1, Weird() < 2, bool(Weird() < 2))
class Sized:
    def __len__(self): return 0
class Truthy:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(Sized()), bool(Truthy()), "yes" if Sized() else "no", not Sized())
class OnlyIter:
    def __iter__(self): return iter([1, 2, 3])
print(2 in OnlyIter(), 5 in OnlyIter(), list(OnlyIter()))
class Guarded:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __getattr__(self, name):
        return f"<missing {name}>"
g = Guarded()
g.x = 1; g.y = 2
print(g.x, g.log, g.zzz)
class Indexer:
    def __getitem__(self, key): return key
    def __setitem__(self, key, value): print("set", key, value)
    def __delitem__(self, key): print("del", key)
ix = Indexer()
print(ix[1], ix[1:3], ix[::2], ix[1, 2:], ix[..., None], ix["k"])
ix[0] = "a"; ix[1:2] = [5]
del ix[3]
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __float__(self): return float(self.v) + 0.5
    def __int__(self): return self.v
    def __neg__(self): return Num(-self.v)
    def __abs__(self): return Num(abs(self.v))
    def __format__(self, spec): return f"Num[{format(self.v, spec)}]"
    def __pos__(self): return self
    def __invert__(self): return Num(~self.v)
n = Num(3)
print([10, 20, 30, 40][n], float(n), int(n), (-n).v, abs(Num(-4)).v, f"{n:>4}", (~n).v, range(10)[n])
class Callable:
    def __init__(self, k): self.k = k
    def __call__(self, x, scale=1): return self.k * x * scale
triple = Callable(3)
print(triple(2), triple(2, scale=10), callable(triple), list(map(triple, [1, 2])))
class Ordered:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max(Ordered(1), Ordered(5)), min([Ordered(4), Ordered(2)]))
print(Ordered(1) > Ordered(0))
class Shape:
    sides = 0
    def describe(self): return f"{type(self).__name__} with {self.sides} sides"
class Square(Shape):
    sides = 4
print(Square().describe(), Shape().describe(), Square.sides, Square.describe(Square()))
