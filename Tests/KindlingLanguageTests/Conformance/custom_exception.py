class ShapeError(ValueError):
    def __init__(self, expected, got):
        super().__init__(expected, got)
        self.expected = expected
        self.got = got
    def __str__(self):
        return f"expected shape {self.expected}, got {self.got}"
try:
    raise ShapeError((2, 3), (3, 2))
except ValueError as e:
    print("caught:", e, "|", repr(e), "|", e.args)
class Quiet(Exception):
    pass
try:
    raise Quiet()
except Quiet as e:
    print("quiet:", repr(str(e)), repr(e))
def check(x):
    if len(x) != 2:
        raise ShapeError(2, len(x))
    return x
check([1, 2])
try:
    check([1])
except ShapeError as e:
    print(e.expected, e.got)
def outer():
    try:
        check([1, 2, 3])
    except ShapeError as e:
        raise RuntimeError("wrapped") from e
outer()
