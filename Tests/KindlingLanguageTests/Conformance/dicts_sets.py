d = {"b": 1, "a": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
for k, v in d.items():
    print(k, v, end="; ")
print()
print(d.pop("b"), d, d.pop("zz", None), d.setdefault("e", 5), d.setdefault("a", 99), d)
d.update({"f": 6}, g=7); d.update([("h", 8)])
print(d)
del d["a"]
print(d, dict(a=1, b=2), dict([(1, 2)]), dict(zip("xy", [1, 2])), {**d, "z": 0})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({1: "int", 1.0: "float"}, {True: "t", 1: "one"}, {(1, 2): "tuple"})
sq = {i: i * i for i in range(5)}
print(sq, {v: k for k, v in sq.items() if v > 3})
e = d.copy(); e.clear(); print(e, d == {"c": 3, "e": 5, "f": 6, "g": 7, "h": 8})
try:
    d["missing"]
except KeyError as err:
    print("KeyError:", err, repr(err))
try:
    {[1]: 2}
except TypeError as err:
    print("TypeError:", err)
s = {3, 1, 2}
s.add(4); s.add(1); s.discard(10); s.remove(3)
print(sorted(s), len(s), 2 in s, set(), set([1, 1, 2]) == {1, 2})
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= {1, 2, 3, 4}, a < a, a.issubset(b))
print(sorted(a.union([9])), sorted(a.intersection(b)), sorted(a.difference(b)), {x % 3 for x in range(10)} == {0, 1, 2})
fs = frozenset([1, 2])
print(fs == {1, 2}, len(fs), {fs: "frozen"}[frozenset([2, 1])])
print(dict.fromkeys("ab", 0), list({"x": 1}), sorted({"b": 1, "a": 2}))
