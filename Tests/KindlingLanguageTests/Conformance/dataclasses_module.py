from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass, FrozenInstanceError
from typing import List, ClassVar

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1)
print(p, p == Point(1, 0), p != Point(2), Point(y=5, x=2))
print(asdict(p), astuple(p), [f.name for f in fields(p)], is_dataclass(p), is_dataclass(3))
print(replace(p, y=9), p)

@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    def add(self, item):
        self.items.append(item)
        return self

inv = Inventory("bag").add("pen")
other = Inventory("box")
print(inv, other, Inventory.count, [f.name for f in fields(Inventory)])

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0

print(sorted([Version(2, 1), Version(1, 5), Version(2, 0)]), Version(1) < Version(1, 1))

@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = "b"

f = Frozen(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(f, hash(f) == hash(Frozen(1)), {f: 1}[Frozen(1, "b")])

@dataclass
class Nested:
    point: Point
    tags: List[str] = field(default_factory=lambda: ["t"])

n = Nested(Point(3, 4))
print(n, asdict(n))

@dataclass
class WithPost:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(WithPost(2, 3))

@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, 3), Child(7))

try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, q=2)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        xs: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
