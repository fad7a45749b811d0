class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None, exc)
        return False
with Resource("a") as r:
    print("using", r.name)
with Resource("x") as x, Resource("y") as y:
    print("both", x.name, y.name)
try:
    with Resource("err"):
        raise KeyError("boom")
except KeyError as e:
    print("propagated", e)
def use():
    with Resource("ret"):
        return "returned"
print(use())
for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        print("body", i)
class Suppress:
    def __enter__(self): return None
    def __exit__(self, t, v, tb): return True
with Suppress() as s:
    print("s is", s)
    1 / 0
print("suppressed ZeroDivisionError")
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
