from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class Half(Shape):
    def area(self):
        return 1


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), issubclass(Square, ABC))


class Named(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @staticmethod
    @abstractmethod
    def kind():
        ...


class Dog(Named):
    name = "dog"

    @staticmethod
    def kind():
        return "animal"


try:
    Named()
except TypeError as e:
    print("TypeError:", e)
print(Dog().name, Dog.kind())


class Plain(ABC):
    pass


print(type(Plain()).__name__)
