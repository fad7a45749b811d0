class Counter:
    count = 0
    def bump(self):
        self.count += 1
        return self.count
c1, c2 = Counter(), Counter()
print(c1.bump(), c1.bump(), c2.bump(), Counter.count, c1.count)
Counter.count = 10
print(Counter().bump(), c1.count)
a = [1, 2, 3]
b = a
b += [4]
t = (1, 2)
u = t
u += (3,)
print(a, b, t, u, a is b, t is u)
s = "abc"
for i, ch in enumerate(s):
    s += ch.upper()
print(s)
x = 10
def f(x=x):
    return x
x = 20
print(f(), f(5))
matrix = [[1, 2], [3, 4]]
copy = [row[:] for row in matrix]
copy[0][0] = 99
print(matrix, copy)
d = {}
d.setdefault("a", []).append(1)
d.setdefault("a", []).append(2)
print(d)
print(type(1 == 1), 1 < 2 < 3 > 2, (1, 2) == [1, 2], [1, 2] != (1, 2), 3 in {3: "x"}, "b" in {"a": 1})
print(bool(float("nan")), 0 == -0.0, float("nan") == float("nan"), [float("nan")] == [float("nan")])
n = None
print(n is None, n == None, not n, str(n), repr(n))
print(int(True) + True, True / 2, 7 // True, divmod(-7, 2), -7 // 2 * 2 + -7 % 2)
vals = [5, 3, 8]
vals[1:1] = [0, 0]
print(vals, vals[-2:], vals[:-2], vals[::-2])
print("".join(c for c in "Hello World" if c.isupper()), "a,b;c".replace(";", ",").split(","))
def outer():
    result = []
    def add(v):
        result.append(v)
    for i in range(3):
        add(i * i)
    return result
print(outer())
print(max([1, 3, 2], key=lambda v: (v % 3, v)), sorted(["b", "A", "c"]), sorted(["b", "A", "c"], key=str.lower))
print(list(zip(*[(1, "a"), (2, "b")])), dict(zip(["k1", "k2"], [1, 2])).items())
print(" ".join(f"{v:3d}" for v in range(3)), "|" + "x".center(5, "-") + "|")
big = 2 ** 62
print(big, big - 1 + big, -big - big)
print(1e300 * 1e300, -1e300 * 1e300, 0.1 * 3, 1 / 3 + 1 / 3 + 1 / 3 == 1.0)
print(abs(-2 ** 62), (2 ** 31) * (2 ** 31), 10 ** 18)
print(isinstance(None, type(None)), type(None).__name__, callable(type), type(int).__name__)
