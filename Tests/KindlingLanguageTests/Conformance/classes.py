class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex", "lab")
a = Animal("Generic")
print(d, a, d.speak(), a.speak(), d.kind, a.kind, Animal.count, d.breed)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d) is Dog, type(d).__name__)
print([c.__name__ for c in Dog.__mro__], Dog.__bases__[0].__name__)
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __neg__(self): return Vec(-self.x, -self.y)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): return iter((self.x, self.y))
    def __bool__(self): return bool(self.x or self.y)
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __str__(self): return f"<{self.x}, {self.y}>"
    def __hash__(self): return hash((self.x, self.y))
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, k): return self * k
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v - w, v * 3, 2 * v, -v, v == Vec(1, 2), v != w, v < w, sorted([w, v]))
print(len(v), v[0], v[-1], list(v), bool(Vec(0, 0)), str(v), repr(v), [v], 2 in v, v(10))
x, y = v
print(x, y, {v: "first"}[Vec(1, 2)], max([v, w]))
v += w
print(v)
class Counter:
    def __init__(self): self.n = 0
    def __iadd__(self, k):
        self.n += k
        return self
c = Counter(); c += 5; c += 2
print(c.n)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Temp:
    def __init__(self): self._c = 0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v): self._c = v
    @staticmethod
    def unit(): return "C"
    @classmethod
    def make(cls): return cls()
t = Temp.make(); t.celsius = 25
print(t.celsius, Temp.unit(), t.unit(), type(t).__name__)
class Lazy:
    def __getattr__(self, name): return f"computed {name}"
print(Lazy().anything)
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None); return et is ValueError
with Ctx() as cx:
    print("inside", type(cx).__name__)
with Ctx():
    raise ValueError("suppressed")
print("after suppressed")
print(hasattr(d, "name"), hasattr(d, "nope"), getattr(d, "nope", "default"), getattr(d, "breed"))
setattr(d, "age", 3); print(d.age, vars(d))
del d.age
print(hasattr(d, "age"))
class Empty: pass
e = Empty(); e.x = 1
print(e.x, Empty.__name__, isinstance(e, object))
try:
    d.missing_attr
except AttributeError as err:
    print("AttributeError:", err)
try:
    Empty(1)
except TypeError as err:
    print("TypeError:", err)
try:
    v + 1
except AttributeError as err:
    print("AttributeError:", err)
class NoAdd: pass
try:
    NoAdd() + 1
except TypeError as err:
    print("TypeError:", err)
