# enum: members, lookups, aliases, auto, IntEnum, Flag/IntFlag, unique, the functional form
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name} is {self.value}"

    @property
    def warm(self):
        return self is Color.RED


print(repr(Color.RED), str(Color.RED), f"{Color.RED}", f"[{Color.GREEN:>12}]", Color.RED.name, Color.RED.value)
print(Color.CRIMSON is Color.RED, list(Color), len(Color), Color(2), Color['BLUE'], Color(Color.RED))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED != Color.BLUE, Color, type(Color.RED), Color.RED.__class__.__name__)
print(Color.RED in Color, {Color.RED: 'r', Color.BLUE: 'b'}, Color.RED.describe(), Color.RED.warm, Color.BLUE.warm)
print(list(Color.__members__), isinstance(Color.RED, Color), isinstance(Color.RED, Enum), [c.name for c in Color])
print(sorted(Color, key=lambda c: c.value, reverse=True), Color.__name__, hash(Color.RED) == hash(Color.CRIMSON))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color['PINK']
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print("TypeError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 in Color
except TypeError as e:
    print("TypeError:", e)


class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(repr(Num.ONE), str(Num.ONE), f"{Num.TWO}", f"{Num.THREE:03d}", Num.ONE == 1, Num.ONE + 1, Num.TWO * 3, 10 - Num.THREE)
print(Num.ONE < Num.TWO, Num.THREE > 2, [10, 20, 30][Num.TWO], int(Num.TWO), sorted([Num.THREE, Num.ONE, Num.TWO]), Num(3))
print(Num.TWO / 4, Num.THREE // 2, -Num.ONE, max(Num), list(Num))


class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    TRIANGLE = auto()


class Mixed(Enum):
    A = 10
    B = auto()


print(list(Shape), Shape.SQUARE.value, list(Mixed))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(repr(rw), str(rw), Perm.R in rw, Perm.X in rw, list(Perm), repr(Perm(0)), bool(Perm(0)), Perm.R & Perm.W)
print(rw.value, repr(~Perm.R), list(rw), len(rw), repr(Perm(7)), Perm.R | Perm.R is Perm.R, bool(rw))


class Bits(IntFlag):
    A = 1
    B = 2
    C = 4


print(repr(Bits.A | Bits.B), str(Bits.A | Bits.B), Bits.A | 2, Bits.C == 4, Bits.A + 1, repr(Bits(0)))
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        UNO = 1
        TWO = 2
        DOS = 2
except ValueError as e:
    print("ValueError:", e)


@unique
class Fine(Enum):
    A = 'a'
    B = 'b'


print(list(Fine), Fine('b'))
Animal = Enum('Animal', 'ANT BEE CAT')
Pet = Enum('Pet', ['DOG', 'FISH'])
Level = Enum('Level', [('LOW', 10), ('HIGH', 20)])
print(list(Animal), Animal.BEE.value, repr(Animal), list(Pet), Level(20), Level.LOW.value)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, Planet.EARTH.value, repr(Planet.EARTH), round(Planet.EARTH.surface_gravity, 3))
print(Planet((3.303e+23, 2.4397e6)))
try:
    class MoreColor(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)
